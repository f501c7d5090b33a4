#pragma once
#include "image/Image.h"
#include "tree/LayerSnapshot.h"

#include <QString>
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
    QString search;      // matched against names, or full paths when it contains '/'
    bool regex = false;  // search is a regular expression
    bool operator==(const TreeFilter &) const = default;
};

// Everything a file tree view of one layer needs, computed off the GUI thread in O(nodes):
// statuses and bytes (the snapshot) and which nodes pass the filter (with their ancestors kept
// as context). Immutable once built.
struct TreeScope {
    std::shared_ptr<const Image> image;
    int layer = -1;
    TreeFilter filter;
    LayerSnapshot snapshot;
    std::vector<int64_t> bytes;        // per node: bytes to show; in LayerChanges mode only the changed files' bytes
    std::vector<uint8_t> visible;      // per node: shown in the tree
    std::vector<uint8_t> matches;      // per node: passes the filter itself (not only as context)
    int64_t matchCount = 0;            // nodes matching a non-empty search
    int64_t visibleCount = 0;          // nodes shown, root excluded
    QString searchError;               // an invalid regular expression

    static std::shared_ptr<const TreeScope> build(std::shared_ptr<const Image> image, int layer, const TreeFilter &filter,
                                                  const LayerSnapshot *reuse = nullptr);
};

} // namespace ballast
