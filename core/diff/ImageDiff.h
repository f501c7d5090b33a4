#pragma once
#include "image/Image.h"

#include <atomic>
#include <string>
#include <vector>

namespace ballast {

enum class DiffStatus : uint8_t { Unchanged, Added, Removed, Modified };
const char *diffStatusName(DiffStatus status);

// One path of the union of two final filesystems. Directory sizes are the bytes of the regular files
// below them, so a directory's delta is the roll-up of everything it holds. Diff nodes are numbered
// like MergedTree's (its NodeId, Root and NoNode), in their own space: ImageDiff::nodes.
struct DiffNode {
    MergedTree::NodeId parent = MergedTree::NoNode; // NoNode for the root
    MergedTree::NodeId nodeA = MergedTree::NoNode; // NoNode when absent from A
    MergedTree::NodeId nodeB = MergedTree::NoNode;
    DiffStatus status = DiffStatus::Unchanged; // the path's own state (not its contents')
    bool contentsChanged = false; // something at or below it differs
    uint8_t statusesBelow = 0; // bit (1 << DiffStatus) for every status at or below it
    int64_t bytesA = 0;
    int64_t bytesB = 0;
    int64_t delta() const { return bytesB - bytesA; }
};

struct LayerAlignment {
    std::vector<std::pair<int, int>> shared; // same diff_id: (layer in A, layer in B)
    std::vector<std::pair<int, int>> aligned; // same instruction, different content
    std::vector<std::pair<int, int>> edited; // the same kind of step with some of its words changed
    std::vector<int> onlyA, onlyB;
};

// Two images compared: layers matched by diff_id wherever they sit, the rest aligned by the
// instruction that made them, then by an edit of it; final filesystems compared path by path. Immutable once computed;
// keeps both images alive.
struct ImageDiff {
    using NodeId = MergedTree::NodeId;

    std::shared_ptr<const Image> a, b;
    LayerAlignment layers;
    std::vector<DiffNode> nodes; // node MergedTree::Root (0) is the root; parents come before children
    std::vector<std::vector<NodeId>> childrenOf; // per node, children sorted by name
    int64_t added = 0, removed = 0, modified = 0; // paths, root excluded

    std::string path(NodeId node) const;
    std::string_view name(NodeId node) const;
    EntryType kind(NodeId node) const; // of B's entry when present, else A's (Directory for implied)

    // Throws LoadCancelled when `cancelled` becomes true (polled every few thousand paths).
    static ImageDiff compute(
        std::shared_ptr<const Image> a, std::shared_ptr<const Image> b, const std::atomic<bool> *cancelled = nullptr);
};

// "RUN apt-get …" with digests and hashes blanked, so that the same step of two builds compares equal.
QString normalizedInstruction(const QString &createdBy);

} // namespace ballast
