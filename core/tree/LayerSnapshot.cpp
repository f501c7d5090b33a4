#include "LayerSnapshot.h"

namespace ballast {

LayerSnapshot LayerSnapshot::compute(const MergedTree &tree, int layer)
{
    LayerSnapshot snapshot;
    snapshot.layer = layer;
    snapshot.status.resize(tree.nodeCount(), NodeStatus::Absent);
    for (MergedTree::NodeId node = 0; node < tree.nodeCount(); ++node)
        snapshot.status[node] = tree.status(node, layer);
    snapshot.bytes = tree.aggregatedSizes(layer, snapshot.status);
    return snapshot;
}

} // namespace ballast
