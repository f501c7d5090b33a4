#include "ImageAnalysis.h"

#include "analysis/LayerOwnTree.h"
#include "util/Logging.h"

#include <QElapsedTimer>

#include <algorithm>

namespace ballast {

const char *severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return "info";
    case Severity::Warning:
        return "warning";
    case Severity::Error:
        return "error";
    }
    return "info";
}

std::vector<HiddenFile> findHiddenFiles(const Image &image)
{
    const MergedTree &tree = image.tree;
    std::vector<HiddenFile> out;
    // Every regular file an event wrote that a later event (or a later duplicate entry of the same
    // layer) replaced: its bytes stay in the stored layer.
    for (MergedTree::NodeId node = 1; node < tree.nodeCount(); ++node) {
        auto events = tree.events(node);
        for (size_t i = 0; i + 1 < events.size(); ++i) {
            const auto &event = events[i];
            if (event.kind != MergedTree::EventKind::Written)
                continue;
            const LayerEntry &entry = image.layers[event.layer].entries[event.entry];
            if (entry.type != EntryType::File || entry.size == 0)
                continue;
            const auto &next = events[i + 1];
            // Replaced by something that is not a file (a directory, a link) counts as deleted.
            const bool deleted = next.kind != MergedTree::EventKind::Written
                || image.layers[next.layer].entries[next.entry].type != EntryType::File;
            out.push_back({ node, event.layer, next.layer, deleted, entry.size });
        }
    }
    for (const Layer &layer : image.layers) {
        for (uint32_t i = 0; i < layer.entries.size(); ++i) {
            const LayerEntry &entry = layer.entries[i];
            if (entry.type != EntryType::File || entry.size == 0)
                continue;
            const auto node = tree.nodeOfEntry(layer.index, i);
            for (const auto &event : tree.events(node))
                if (event.layer == layer.index && event.kind == MergedTree::EventKind::Written && event.entry != i)
                    out.push_back({ node, layer.index, layer.index, false, entry.size }); // an earlier duplicate
        }
    }
    std::stable_sort(
        out.begin(), out.end(), [](const HiddenFile &a, const HiddenFile &b) { return a.bytes > b.bytes; });
    return out;
}

std::vector<LayerFigures> computeLayerFigures(const Image &image, const std::vector<HiddenFile> &hidden)
{
    const MergedTree &tree = image.tree;
    std::vector<LayerFigures> out(image.layers.size());
    // Replay each node's events: the visible regular-file size before and after each event.
    for (MergedTree::NodeId node = 1; node < tree.nodeCount(); ++node) {
        int64_t visible = 0;
        for (const auto &event : tree.events(node)) {
            int64_t now = 0;
            if (event.kind == MergedTree::EventKind::Written) {
                const LayerEntry &entry = image.layers[event.layer].entries[event.entry];
                now = entry.type == EntryType::File ? entry.size : 0;
            }
            out[event.layer].contribution += now - visible;
            visible = now;
        }
    }
    int64_t total = 0;
    for (auto &figures : out) {
        total += figures.contribution;
        figures.cumulative = total;
    }
    for (const HiddenFile &file : hidden) {
        out[size_t(file.storedIn)].hiddenLater += file.bytes;
        out[size_t(file.storedIn)].holdsWaste = true;
    }
    return out;
}

std::vector<Finding> skippedDatabaseFindings(const PackageReport &packages)
{
    std::vector<Finding> out;
    for (const QString &why : packages.skipped)
        out.push_back({ QStringLiteral("package-database-not-read"), Severity::Warning,
            QStringLiteral("A package database was not read"),
            why + QStringLiteral(". Bytes per package leave its packages out: their files count as no package's."), {},
            0, -1, false, -1 });
    return out;
}

ImageAnalysis analyzeImage(const Image &image)
{
    QElapsedTimer timer;
    timer.start();
    ImageAnalysis analysis;
    std::vector<std::vector<OwnTreeItem>> ownTrees;
    ownTrees.reserve(image.layers.size());
    for (size_t l = 0; l < image.layers.size(); ++l)
        ownTrees.push_back(layerOwnTree(image, int(l)));
    analysis.dive = computeDiveEfficiency(image, ownTrees);
    analysis.hidden = findHiddenFiles(image);
    for (const HiddenFile &file : analysis.hidden)
        analysis.reclaimableBytes += file.bytes;
    analysis.layers = computeLayerFigures(image, analysis.hidden);
    analysis.savings = computeSavings(image, analysis.hidden);
    analysis.findings = findWaste(image, analysis.hidden);
    auto security = findSecurityIssues(image);
    analysis.findings.insert(analysis.findings.end(), security.begin(), security.end());
    analysis.packages = attributePackages(image);
    auto skipped = skippedDatabaseFindings(analysis.packages);
    analysis.findings.insert(analysis.findings.end(), skipped.begin(), skipped.end());
    qCDebug(lcAnalysis) << image.sourcePath << "analysed in" << timer.elapsed() << "ms:" << analysis.findings.size()
                        << "findings," << analysis.savings.hiddenBytes + analysis.savings.finalBytes << "bytes to save";
    return analysis;
}

} // namespace ballast
