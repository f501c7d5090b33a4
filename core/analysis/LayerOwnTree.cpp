#include "LayerOwnTree.h"

#include <algorithm>
#include <string_view>

namespace ballast {
namespace {

struct Marker {
    MergedTree::NodeId dir;
    std::string_view name;
    uint32_t entry;
};

std::string_view baseName(std::string_view path)
{
    const size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

} // namespace

std::vector<OwnTreeItem> layerOwnTree(const Image &image, int layerIndex)
{
    const MergedTree &tree = image.tree;
    const Layer &layer = image.layers[size_t(layerIndex)];
    using NodeId = MergedTree::NodeId;

    // Which union-tree nodes this layer's tree holds, and with which entry (sparse: only what it touches).
    std::vector<std::pair<NodeId, uint32_t>> members; // node → entry (NoEntry: implied)
    std::vector<Marker> markers;
    std::vector<uint8_t> inLayer(tree.nodeCount(), 0);
    auto addWithParents = [&](NodeId node) {
        for (NodeId n = node; n != MergedTree::Root && !inLayer[n]; n = tree.parent(n)) {
            inLayer[n] = 1;
            members.push_back({ n, MergedTree::NoEntry });
        }
    };
    for (uint32_t i = 0; i < layer.entries.size(); ++i) {
        const LayerEntry &entry = layer.entries[i];
        const NodeId node = tree.nodeOfEntry(layerIndex, i);
        // dive's FileTree.AddPath refuses names starting with ".wh..wh.": an opaque marker never
        // enters its tree (so dive ignores opaque directories), though the marker's directory does.
        if (entry.type == EntryType::Whiteout)
            markers.push_back({ node, baseName(layer.path(entry)), i });
        addWithParents(node);
    }
    // Explicit entries, the last duplicate winning.
    std::vector<uint32_t> explicitEntry;
    {
        std::sort(members.begin(), members.end());
        explicitEntry.assign(members.size(), MergedTree::NoEntry);
        for (uint32_t i = 0; i < layer.entries.size(); ++i) {
            const LayerEntry &entry = layer.entries[i];
            if (entry.type == EntryType::Whiteout || entry.type == EntryType::OpaqueWhiteout)
                continue;
            const NodeId node = tree.nodeOfEntry(layerIndex, i);
            auto it = std::lower_bound(members.begin(), members.end(), std::pair<NodeId, uint32_t>(node, 0));
            explicitEntry[size_t(it - members.begin())] = i;
        }
    }
    auto entryFor = [&](NodeId node) {
        auto it = std::lower_bound(members.begin(), members.end(), std::pair<NodeId, uint32_t>(node, 0));
        return explicitEntry[size_t(it - members.begin())];
    };
    // Markers by directory, then name; a duplicate marker counts once (the tree has one node per name).
    std::sort(markers.begin(), markers.end(), [](const Marker &a, const Marker &b) {
        return a.dir != b.dir ? a.dir < b.dir : a.name != b.name ? a.name < b.name : a.entry < b.entry;
    });
    std::vector<Marker> uniqueMarkers;
    for (const Marker &m : markers) {
        if (!uniqueMarkers.empty() && uniqueMarkers.back().dir == m.dir && uniqueMarkers.back().name == m.name)
            uniqueMarkers.back() = m;
        else
            uniqueMarkers.push_back(m);
    }
    auto markersOf = [&](NodeId dir) {
        auto begin = std::lower_bound(
            uniqueMarkers.begin(), uniqueMarkers.end(), dir, [](const Marker &m, NodeId d) { return m.dir < d; });
        auto end = begin;
        while (end != uniqueMarkers.end() && end->dir == dir)
            ++end;
        return std::pair(begin, end);
    };

    // Iterative post-order walk merging the node's children in this layer with its markers by name.
    struct Frame {
        NodeId node;
        size_t child;
        std::vector<Marker>::iterator marker, markerEnd;
        bool hasChildren;
    };
    std::vector<OwnTreeItem> out;
    out.reserve(members.size() + uniqueMarkers.size());
    std::vector<Frame> stack;
    auto push = [&](NodeId node) {
        auto [begin, end] = markersOf(node);
        stack.push_back({ node, 0, begin, end, begin != end });
    };
    push(MergedTree::Root);
    while (!stack.empty()) {
        Frame &frame = stack.back();
        auto kids = tree.children(frame.node);
        while (frame.child < kids.size() && !inLayer[kids[frame.child]])
            ++frame.child;
        const bool haveChild = frame.child < kids.size();
        const bool haveMarker = frame.marker != frame.markerEnd;
        if (!haveChild && !haveMarker) {
            const NodeId node = frame.node;
            const bool leaf = !frame.hasChildren;
            stack.pop_back();
            if (node != MergedTree::Root)
                out.push_back({ node, entryFor(node), leaf });
            continue;
        }
        frame.hasChildren = true;
        if (haveMarker && (!haveChild || frame.marker->name < tree.name(kids[frame.child]))) {
            out.push_back({ MergedTree::NoNode, frame.marker->entry, true });
            ++frame.marker;
            continue;
        }
        const NodeId next = kids[frame.child++];
        push(next);
    }
    return out;
}

} // namespace ballast
