#pragma once
#include "tree/MergedTree.h"

#include <unordered_map>
#include <vector>

namespace ballast {

// Every node's status and aggregated bytes after one layer: what a view of that layer needs,
// computed in one O(nodes) pass (off the GUI thread) so that views only index into it.
struct LayerSnapshot {
    int layer = -1;
    std::vector<NodeStatus> status;
    std::vector<int64_t> bytes; // regular-file bytes at or below the node; removed nodes keep theirs
    // Per directory, only those that have some: bytes that hardlinks below it name but that are
    // counted at a carrier outside it. A directory of such links alone sums to 0 B in `bytes`.
    std::unordered_map<MergedTree::NodeId, int64_t> linkedBytes;

    static LayerSnapshot compute(const MergedTree &tree, int layer);
};

} // namespace ballast
