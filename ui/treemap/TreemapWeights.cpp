#include "TreemapWeights.h"

namespace ballast {

std::shared_ptr<const TreemapWeights> TreemapWeights::compute(
    const std::shared_ptr<const TreeScope> &scope, const std::atomic<bool> *cancelled)
{
    auto weights = std::make_shared<TreemapWeights>();
    weights->scope = scope;
    if (!scope || !scope->image)
        return weights;
    const MergedTree &tree = scope->image->tree;
    const size_t count = tree.nodeCount();
    weights->bytes.assign(count, 0);
    weights->files.assign(count, 0);
    weights->shape.assign(count, Shape::Hidden);
    if (count == 0)
        return weights;
    const bool aggregated = scope->filter.mode == TreeMode::Aggregated;
    const auto &status = scope->snapshot.status;
    // Children have higher ids than their parents: one backwards sweep sums every subtree, and a
    // node's children are all done when it is reached.
    std::vector<uint8_t> hasShownChild(count, 0);
    for (MergedTree::NodeId node = MergedTree::NodeId(count); node-- > 0;) {
        if ((node & 0xffff) == 0 && cancelled && cancelled->load(std::memory_order_relaxed))
            return nullptr;
        if (!scope->visible[node] || (aggregated && status[node] == NodeStatus::Removed))
            continue;
        if (hasShownChild[node]) {
            if (weights->bytes[node] > 0)
                weights->shape[node] = Shape::Directory;
        } else if (node != MergedTree::Root && scope->bytes[node] > 0) { // the root is only shown as context
            weights->bytes[node] = scope->bytes[node];
            weights->files[node] = 1;
            weights->shape[node] = tree.children(node).empty() ? Shape::File : Shape::CollapsedDirectory;
        }
        if (node == MergedTree::Root)
            break;
        const MergedTree::NodeId parent = tree.parent(node);
        hasShownChild[parent] = 1;
        weights->bytes[parent] += weights->bytes[node];
        weights->files[parent] += weights->files[node];
    }
    return weights;
}

} // namespace ballast
