#pragma once
#include "analysis/DiveEfficiency.h"
#include "analysis/Finding.h"
#include "image/Image.h"

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
    int64_t cumulative = 0;   // filesystem bytes after this layer
    int64_t hiddenLater = 0;  // bytes of this layer hidden by later layers (or later duplicates in it)
    bool holdsWaste = false;
};

struct ImageAnalysis {
    DiveEfficiency dive;
    int64_t reclaimableBytes = 0; // stored in layers but not visible in the final filesystem, counted once
    std::vector<HiddenFile> hidden; // largest first
    std::vector<LayerFigures> layers;
    std::vector<Finding> findings; // waste findings then security findings, each largest first
};

ImageAnalysis analyzeImage(const Image &image);

// The pieces, for tests and for callers that need only one.
std::vector<HiddenFile> findHiddenFiles(const Image &image);
std::vector<LayerFigures> computeLayerFigures(const Image &image, const std::vector<HiddenFile> &hidden);
std::vector<Finding> findWaste(const Image &image, const std::vector<HiddenFile> &hidden);
std::vector<Finding> findSecurityIssues(const Image &image);
// Whether the copy that hid `file` has the same content (then only its mode or owner changed).
bool rewroteSameContent(const Image &image, const HiddenFile &file);

} // namespace ballast
