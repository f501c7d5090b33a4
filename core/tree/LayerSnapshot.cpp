#include "LayerSnapshot.h"

namespace ballast {
namespace {

bool isAncestor(const MergedTree &tree, MergedTree::NodeId ancestor, MergedTree::NodeId node)
{
    for (; node != MergedTree::NoNode; node = tree.parent(node))
        if (node == ancestor)
            return true;
    return false;
}

// Each present hardlink adds its carrier's bytes to its ancestors up to (not including) the first
// one that also holds the carrier: there the bytes are already in `bytes`, counted once.
void addLinkedBytes(const MergedTree &tree, LayerSnapshot &snapshot)
{
    for (const MergedTree::Hardlink &link : tree.hardlinks()) {
        if (!tree.isVisible(link, snapshot.layer))
            continue;
        const MergedTree::HardlinkShare share = tree.hardlinkShare(link.node, snapshot.layer);
        if (!share.countedAtTarget)
            continue;
        for (auto dir = tree.parent(link.node); dir != MergedTree::NoNode && !isAncestor(tree, dir, share.target);
             dir = tree.parent(dir))
            snapshot.linkedBytes[dir] += share.carrier->size;
    }
}

} // namespace

LayerSnapshot LayerSnapshot::compute(const MergedTree &tree, int layer)
{
    LayerSnapshot snapshot;
    snapshot.layer = layer;
    snapshot.status.resize(tree.nodeCount(), NodeStatus::Absent);
    for (MergedTree::NodeId node = 0; node < tree.nodeCount(); ++node)
        snapshot.status[node] = tree.status(node, layer);
    snapshot.bytes = tree.aggregatedSizes(layer, snapshot.status);
    addLinkedBytes(tree, snapshot);
    return snapshot;
}

} // namespace ballast
