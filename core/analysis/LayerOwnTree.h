#pragma once
#include "image/Image.h"

#include <vector>

namespace ballast {

// One node of a layer's own tree, as dive builds it: every path the layer's tar names, the parent
// directories it implies (with no entry of their own) and its whiteout markers (not opaque markers,
// which dive leaves out).
struct OwnTreeItem {
    MergedTree::NodeId node = MergedTree::NoNode; // NoNode for whiteout markers
    uint32_t entry = MergedTree::NoEntry; // NoEntry for implied parents; the last duplicate wins
    bool leaf = false; // no children in this layer's tree
};

// The layer's own tree in dive's visiting order: depth-first, children sorted by byte-wise name,
// children before parents. The root is not included.
std::vector<OwnTreeItem> layerOwnTree(const Image &image, int layer);

} // namespace ballast
