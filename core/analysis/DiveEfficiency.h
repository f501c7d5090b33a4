#pragma once
#include "analysis/LayerOwnTree.h"
#include "image/Image.h"

#include <string>
#include <vector>

namespace ballast {

struct Inefficiency {
    std::string path; // with a leading '/', as dive prints it
    int count = 0;
    int64_t wastedBytes = 0; // dive's cumulative size over every copy, the remaining one included
};

// dive's efficiency figures, reproduced to the last digit (dive's filetree/efficiency.go).
struct DiveEfficiency {
    double efficiency = 1.0;
    int64_t wastedBytes = 0;
    int64_t userSizeBytes = 0; // sum of the sizes of layers 1…n
    double wastedUserPercent = 0; // a ratio, as dive reports it; 0 when there are no user bytes
    std::vector<Inefficiency> inefficiencies; // largest first
};

// `ownTrees[k]` is layerOwnTree(image, k).
DiveEfficiency computeDiveEfficiency(const Image &image, const std::vector<std::vector<OwnTreeItem>> &ownTrees);

} // namespace ballast
