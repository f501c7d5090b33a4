#pragma once
#include "analysis/DiveEfficiency.h"
#include "analysis/Finding.h"
#include "image/Image.h"
#include "packages/PackageAttribution.h"

#include <vector>

namespace ballast {

// Bytes a layer stores that the final filesystem does not show: overwritten or deleted later.
struct HiddenFile {
    MergedTree::NodeId node = MergedTree::NoNode;
    int storedIn = -1; // the layer that stored the bytes
    int hiddenIn = -1; // the layer that overwrote or deleted them
    bool deleted = false; // deleted (whiteout, type change) rather than overwritten
    int64_t bytes = 0;
};

struct LayerFigures {
    int64_t contribution = 0; // change of the final filesystem's bytes; negative when the layer deletes more
    int64_t cumulative = 0; // filesystem bytes after this layer
    int64_t hiddenLater = 0; // bytes of this layer hidden by later layers (or later duplicates in it)
    bool holdsWaste = false;
};

// What acting on every waste finding would save, in bytes of the image's layers (before compression).
// Findings overlap (a cache file can also be a duplicate; a file stored again only for a chmod is a
// hidden copy and, in its new copy, maybe a cache file), so this counts each stored copy of a file once:
// every copy a later layer hides, plus the final copies the waste findings call unneeded (files under
// cache, documentation, toolchain, __pycache__ and .git directories, and all but one file of each group
// with identical content). Security findings and the list of largest files are not waste.
struct Savings {
    int64_t hiddenBytes = 0; // copies later layers overwrite or delete: the reclaimable bytes
    int64_t finalBytes = 0; // files of the final filesystem the waste findings call unneeded
    int64_t bytes() const { return hiddenBytes + finalBytes; }
};

struct ImageAnalysis {
    DiveEfficiency dive;
    int64_t reclaimableBytes = 0; // stored in layers but not visible in the final filesystem, counted once
    Savings savings;
    std::vector<HiddenFile> hidden; // largest first
    std::vector<LayerFigures> layers;
    std::vector<Finding> findings; // waste findings, security findings, then package databases not read
    PackageReport packages; // every byte of the final filesystem given to a package, or to none
};

ImageAnalysis analyzeImage(const Image &image);

// The pieces, for tests and for callers that need only one.
std::vector<HiddenFile> findHiddenFiles(const Image &image);
std::vector<LayerFigures> computeLayerFigures(const Image &image, const std::vector<HiddenFile> &hidden);
std::vector<Finding> findWaste(const Image &image, const std::vector<HiddenFile> &hidden);
std::vector<Finding> findSecurityIssues(const Image &image);
// One finding per package database found but not read (damaged, over the memory budget, unsupported).
std::vector<Finding> skippedDatabaseFindings(const PackageReport &packages);
// Directories of the final filesystem the waste findings call unneeded (caches, documentation,
// toolchains, the outermost __pycache__ and .git directories); a directory may lie inside another.
std::vector<MergedTree::NodeId> findWasteDirectories(const Image &image);
// Regular files of the final filesystem with identical content at different paths (hardlinks share
// their data and do not count): groups of two or more, the largest files first.
std::vector<std::vector<MergedTree::NodeId>> findDuplicateGroups(const Image &image);
Savings computeSavings(const Image &image, const std::vector<HiddenFile> &hidden);
// Whether a finding's bytes are bytes it would save: false for security findings and for the list of
// largest files, which is context.
bool findingSavesBytes(const Finding &finding);
// Whether the copy that hid `file` has the same content (then only its mode or owner changed).
bool rewroteSameContent(const Image &image, const HiddenFile &file);

} // namespace ballast
