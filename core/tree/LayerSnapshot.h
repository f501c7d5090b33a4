#pragma once
#include "tree/MergedTree.h"

#include <vector>

namespace ballast {

// Every node's status and aggregated bytes after one layer: what a view of that layer needs,
// computed in one O(nodes) pass (off the GUI thread) so that views only index into it.
struct LayerSnapshot {
    int layer = -1;
    std::vector<NodeStatus> status;
    std::vector<int64_t> bytes; // regular-file bytes at or below the node; removed nodes keep theirs

    static LayerSnapshot compute(const MergedTree &tree, int layer);
};

} // namespace ballast
