#pragma once
#include "models/TreeScope.h"

#include <atomic>
#include <memory>
#include <vector>

namespace ballast {

// What a treemap of one scope measures, per node, computed once per scope in one O(nodes) sweep and
// shared by every layout of it (zoom, resize, colouring):
//  - only nodes the scope shows count (its `visible`), so a filtered tree fills the whole area;
//  - in the aggregated mode, nodes removed by the selected layer are not part of the filesystem and are
//    left out; in the layer-changes mode they are part of the change and drawn;
//  - a shown node with no shown children is drawn as one tile of the scope's bytes for it.
struct TreemapWeights {
    enum class Shape : uint8_t {
        Hidden, // not drawn: filtered out, removed, or no bytes
        File, // a leaf
        Directory, // has drawn children
        CollapsedDirectory, // a directory shown without its children (the filter kept only it)
    };

    std::shared_ptr<const TreeScope> scope;
    std::vector<int64_t> bytes; // per node: bytes of the drawn leaves at or below it
    std::vector<uint32_t> files; // per node: drawn leaves at or below it
    std::vector<Shape> shape;

    const MergedTree &tree() const { return scope->image->tree; }
    bool drawn(MergedTree::NodeId node) const { return node < shape.size() && shape[node] != Shape::Hidden; }
    bool zoomable(MergedTree::NodeId node) const
    {
        return drawn(node) && (shape[node] == Shape::Directory || shape[node] == Shape::CollapsedDirectory);
    }
    size_t memoryBytes() const { return bytes.capacity() * 8 + files.capacity() * 4 + shape.capacity(); }

    // nullptr when `cancelled` became true.
    static std::shared_ptr<const TreemapWeights> compute(
        const std::shared_ptr<const TreeScope> &scope, const std::atomic<bool> *cancelled = nullptr);
};

} // namespace ballast
