#pragma once
#include "image/Image.h"
#include "tree/LayerSnapshot.h"

#include <QString>
#include <atomic>
#include <memory>
#include <vector>

namespace ballast {

// What the file tree shows, as dive offers it: the changes of one layer only, or the whole
// filesystem as it stands after that layer.
enum class TreeMode { LayerChanges, Aggregated };

struct TreeFilter {
    TreeMode mode = TreeMode::Aggregated;
    bool showAdded = true, showModified = true, showRemoved = true, showUnchanged = true;
    int64_t minimumBytes = 0;
    QString search; // matched against names, or full paths when it contains '/'
    bool regex = false; // search is a regular expression
    bool operator==(const TreeFilter &) const = default;
};

// The order of siblings in the file tree: by name, or by bytes with the name breaking ties. Search
// hits are listed in the same order, so stepping through them follows the rows on screen.
struct SiblingOrder {
    bool byName = false;
    bool descending = true;
    bool operator==(const SiblingOrder &) const = default;
};

struct TreeScope;
// Sorts `siblings`, given in name order (as MergedTree lists children), into `order` by the bytes
// each row shows (TreeScope::shownBytes).
void sortSiblings(std::vector<MergedTree::NodeId> &siblings, const TreeScope &scope, SiblingOrder order);

// Everything a file tree view of one layer needs, computed off the GUI thread in O(nodes):
// statuses and bytes (the snapshot) and which nodes pass the filter (with their ancestors kept
// as context). A directory whose name matches the search keeps its contents: they pass the search
// too, so the match can be opened. Immutable once built.
struct TreeScope {
    std::shared_ptr<const Image> image;
    int layer = -1;
    TreeFilter filter;
    SiblingOrder order; // the order `hits` follows
    LayerSnapshot snapshot;
    std::vector<int64_t> bytes; // per node: bytes to show; in LayerChanges mode only the changed files' bytes
    std::vector<uint8_t> visible; // per node: shown in the tree
    std::vector<uint8_t> matches; // per node: passes the filter itself (not only as context)
    // Nodes whose own name (or path) matches a non-empty search and that pass the other filters,
    // depth first in `order`: what the match counter counts and Find Next steps through.
    std::vector<MergedTree::NodeId> hits;
    std::vector<uint32_t> hitRank; // per node while searching: 1 + its index in `hits`, else 0
    int64_t matchCount = 0; // hits.size()
    int64_t visibleCount = 0; // nodes shown, root excluded
    QString searchError; // an invalid regular expression

    // What the node's row shows as its size, and sorts by: its bytes, but a hardlink shows its
    // carrier's size though its own bytes count 0 (they are counted once, at the carrier).
    int64_t shownBytes(MergedTree::NodeId node) const;
    // The node's index in `hits`, or -1.
    int hitIndexOf(MergedTree::NodeId node) const { return node < hitRank.size() ? int(hitRank[node]) - 1 : -1; }

    // Null when `cancelled` became true before it was done (polled between passes and every few
    // thousand nodes, so that a superseded scope stops early).
    static std::shared_ptr<const TreeScope> build(const std::shared_ptr<const Image> &image, int layer,
        const TreeFilter &filter, const LayerSnapshot *reuse = nullptr, SiblingOrder order = {},
        const std::atomic<bool> *cancelled = nullptr);
};

} // namespace ballast
