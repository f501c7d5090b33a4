#include "DiveEfficiency.h"

#include <algorithm>
#include <unordered_map>

namespace ballast {
namespace {

using NodeId = MergedTree::NodeId;

// dive's stacked tree of the layers below the one being scored, kept over the union tree's nodes.
// dive stacks a layer by visiting its own tree in order: a whiteout removes the path and all below it,
// any other node (implied parents too) is added and *replaces* the file info, so an implied parent
// leaves a directory without an entry of its own. (Opaque markers never enter dive's trees at all:
// see layerOwnTree.)
class DiveStack {
public:
    explicit DiveStack(const Image &image)
        : m_image(image)
        , m_tree(image.tree)
        , m_state(image.tree.nodeCount())
    { }

    bool present(NodeId node) const { return node != MergedTree::NoNode && m_state[node].present; }

    // Bytes of a whiteout's target: its subtree if it is a directory with an entry of its own, else 0.
    int64_t whiteoutSize(NodeId target) const
    {
        if (!m_state[target].isDir)
            return 0;
        int64_t total = 0;
        std::vector<NodeId> stack { target };
        while (!stack.empty()) {
            const NodeId n = stack.back();
            stack.pop_back();
            total += m_state[n].size;
            for (NodeId c : m_tree.children(n))
                if (m_state[c].present)
                    stack.push_back(c);
        }
        return total;
    }

    void stack(int layerIndex, const std::vector<OwnTreeItem> &items, bool applyWhiteouts)
    {
        const Layer &layer = m_image.layers[size_t(layerIndex)];
        for (const OwnTreeItem &item : items) {
            if (item.node == MergedTree::NoNode) {
                const NodeId target = whiteoutTarget(m_tree, layer, layerIndex, item.entry);
                if (applyWhiteouts && present(target))
                    remove(target);
                continue;
            }
            State &state = m_state[item.node];
            state.present = true;
            const LayerEntry *entry = item.entry == MergedTree::NoEntry ? nullptr : &layer.entries[item.entry];
            state.isDir = entry && entry->type == EntryType::Directory;
            state.size = entry ? entry->size : 0;
        }
    }

    static NodeId whiteoutTarget(const MergedTree &tree, const Layer &layer, int layerIndex, uint32_t entry)
    {
        const LayerEntry &marker = layer.entries[entry];
        std::string_view path = layer.path(marker);
        const size_t slash = path.rfind('/');
        const std::string_view name = path.substr(slash == std::string_view::npos ? 4 : slash + 5);
        return tree.child(tree.nodeOfEntry(layerIndex, entry), name);
    }

private:
    struct State {
        bool present = false;
        bool isDir = false;
        int64_t size = 0;
    };
    void remove(NodeId node)
    {
        std::vector<NodeId> stack { node };
        while (!stack.empty()) {
            const NodeId n = stack.back();
            stack.pop_back();
            m_state[n] = State {};
            for (NodeId c : m_tree.children(n))
                if (m_state[c].present)
                    stack.push_back(c);
        }
    }
    const Image &m_image;
    const MergedTree &m_tree;
    std::vector<State> m_state;
};

struct PathData {
    int64_t total = 0;
    int64_t minimum = -1; // dive starts at -1 and a failed whiteout lookup leaves it there
    int count = 0;
};

// dive's key for a marker: its path without the ".wh." prefix, with a leading '/'.
std::string markerKey(const Layer &layer, uint32_t entry)
{
    std::string path(layer.path(layer.entries[entry]));
    const size_t slash = path.rfind('/');
    const size_t nameStart = slash == std::string::npos ? 0 : slash + 1;
    path.erase(nameStart, 4);
    return "/" + path;
}

} // namespace

DiveEfficiency computeDiveEfficiency(const Image &image, const std::vector<std::vector<OwnTreeItem>> &ownTrees)
{
    const MergedTree &tree = image.tree;
    DiveStack stacked(image);
    std::vector<PathData> byNode(tree.nodeCount());
    std::vector<uint8_t> seen(tree.nodeCount(), 0);
    std::unordered_map<std::string, PathData> byMissingPath; // whiteouts whose path the union tree lacks
    struct Pending {
        NodeId node;
        std::string missingPath;
    };
    std::vector<Pending> inefficientOrder;

    // dive's StackTreeRange(trees, 0, l-1) starts from a copy of trees[0] (whose own whiteouts remove
    // nothing): layer 0 is below every layer, itself included.
    if (!image.layers.empty())
        stacked.stack(0, ownTrees[0], false);
    for (size_t l = 0; l < image.layers.size(); ++l) {
        const Layer &layer = image.layers[l];
        for (const OwnTreeItem &item : ownTrees[l]) {
            if (!item.leaf)
                continue;
            int64_t size = 0;
            PathData *data = nullptr;
            NodeId key = item.node;
            std::string missingKey;
            if (item.node == MergedTree::NoNode) {
                key = DiveStack::whiteoutTarget(tree, layer, int(l), item.entry);
                if (key == MergedTree::NoNode)
                    missingKey = markerKey(layer, item.entry);
            }
            if (key != MergedTree::NoNode) {
                data = &byNode[key];
                seen[key] = 1;
            } else {
                data = &byMissingPath[missingKey];
            }
            if (item.node == MergedTree::NoNode) {
                if (!stacked.present(key))
                    break; // dive: "path does not exist" ends the walk of this layer
                size = stacked.whiteoutSize(key);
            } else if (item.entry != MergedTree::NoEntry) {
                size = layer.entries[item.entry].size;
            }
            data->total += size;
            if (data->minimum < 0 || size < data->minimum)
                data->minimum = size;
            if (++data->count == 2)
                inefficientOrder.push_back({ key, missingKey });
        }
        if (l > 0)
            stacked.stack(int(l), ownTrees[l], true);
    }

    DiveEfficiency out;
    int64_t minimumSum = 0, totalSum = 0;
    for (NodeId n = 0; n < tree.nodeCount(); ++n) {
        if (!seen[n])
            continue;
        minimumSum += byNode[n].minimum;
        totalSum += byNode[n].total;
    }
    for (const auto &[path, data] : byMissingPath) {
        minimumSum += data.minimum;
        totalSum += data.total;
    }
    out.efficiency = totalSum == 0 ? 1.0 : double(minimumSum) / double(totalSum);
    for (const Pending &p : inefficientOrder) {
        const PathData &data = p.node != MergedTree::NoNode ? byNode[p.node] : byMissingPath[p.missingPath];
        out.inefficiencies.push_back(
            { p.node != MergedTree::NoNode ? "/" + tree.path(p.node) : p.missingPath, data.count, data.total });
        out.wastedBytes += data.total;
    }
    // dive sorts ascending (stable for the short lists dive's insertion sort handles) and prints the
    // list reversed: largest first, and among equal sizes the later one first.
    std::stable_sort(out.inefficiencies.begin(), out.inefficiencies.end(),
        [](const Inefficiency &a, const Inefficiency &b) { return a.wastedBytes < b.wastedBytes; });
    std::reverse(out.inefficiencies.begin(), out.inefficiencies.end());
    for (size_t l = 1; l < image.layers.size(); ++l)
        out.userSizeBytes += image.layers[l].size;
    out.wastedUserPercent = out.userSizeBytes > 0 ? double(out.wastedBytes) / double(out.userSizeBytes) : 0.0;
    return out;
}

} // namespace ballast
