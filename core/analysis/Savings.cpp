#include "ImageAnalysis.h"
#include "analysis/TreeQueries.h"

namespace ballast {

bool findingSavesBytes(const Finding &finding)
{
    return !finding.security && finding.category != QLatin1String("largest-files") && finding.bytes > 0;
}

Savings computeSavings(const Image &image, const std::vector<HiddenFile> &hidden)
{
    Savings savings;
    for (const HiddenFile &file : hidden)
        savings.hiddenBytes += file.bytes; // each a different stored copy: never a final one
    if (image.layers.empty())
        return savings;
    const FinalFilesystem fs(image);
    std::vector<bool> counted(image.tree.nodeCount(), false);
    auto count = [&](MergedTree::NodeId node) {
        if (counted[node] || !fs.isFile(node))
            return false;
        counted[node] = true;
        savings.finalBytes += fs.entry(node)->size;
        return true;
    };
    // Directories may nest (a .git inside a toolchain): a file is counted once.
    for (MergedTree::NodeId dir : findWasteDirectories(image))
        fs.forEachBelow(dir, [&](MergedTree::NodeId node) { count(node); });
    // Of n identical files, n - 1 are extra; those already counted above are extras first.
    for (const auto &group : findDuplicateGroups(image)) {
        size_t extras = 0;
        for (MergedTree::NodeId node : group)
            extras += counted[node] ? 1 : 0;
        for (size_t k = 0; k < group.size() && extras + 1 < group.size(); ++k)
            extras += count(group[k]) ? 1 : 0;
    }
    return savings;
}

} // namespace ballast
