#include "ImageAnalysis.h"
#include "analysis/TreeQueries.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace ballast {
namespace {

constexpr size_t MaxPaths = 20;

void duplicateContent(const Image &image, std::vector<Finding> &out)
{
    Finding finding { QStringLiteral("duplicate-content"), Severity::Info,
        QStringLiteral("files with identical content"),
        QStringLiteral("Keep one copy (a symlink or hardlink can stand in for the others), or avoid copying the same "
                       "files twice."),
        {}, 0, -1, false };
    const FinalFilesystem fs(image);
    const auto groups = findDuplicateGroups(image);
    for (const auto &group : groups) {
        finding.bytes += fs.entry(group.front())->size * int64_t(group.size() - 1);
        for (size_t k = 0; k < group.size() && finding.paths.size() < MaxPaths; ++k)
            finding.paths.push_back(image.tree.path(group[k]));
    }
    if (!groups.empty()) {
        finding.title = QStringLiteral("%1 groups of files with identical content").arg(groups.size());
        out.push_back(std::move(finding));
    }
}

// Files written in one layer and deleted or overwritten in a later one: grouped by the two layers.
void hiddenByLaterLayers(const Image &image, const std::vector<HiddenFile> &hidden, std::vector<Finding> &out)
{
    std::map<std::tuple<bool, int, int>, Finding> groups;
    for (const HiddenFile &file : hidden) {
        if (file.storedIn == file.hiddenIn)
            continue; // a duplicate entry inside one layer: reported by the layer figures only
        if (!file.deleted && rewroteSameContent(image, file))
            continue; // reported as a metadata-only copy
        auto [it, added] = groups.try_emplace({ file.deleted, file.storedIn, file.hiddenIn });
        Finding &f = it->second;
        if (added) {
            f.category = file.deleted ? QStringLiteral("deleted-later") : QStringLiteral("overwritten-later");
            f.severity = Severity::Warning;
            f.layer = file.storedIn;
            f.laterLayer = file.hiddenIn;
            f.advice = file.deleted
                ? QStringLiteral("Deleting in a later layer does not make the image smaller: delete in the same RUN "
                                 "that created the files, or build in a separate stage.")
                : QStringLiteral("The older copy still ships in layer %1: write the file once, in its final form.")
                      .arg(file.storedIn);
        }
        f.bytes += file.bytes;
        if (f.paths.size() < MaxPaths)
            f.paths.push_back(image.tree.path(file.node));
    }
    for (auto &[key, finding] : groups) {
        const auto &[deleted, stored, hiddenIn] = key;
        finding.title = deleted
            ? QStringLiteral("files written in layer %1 and deleted in layer %2").arg(stored).arg(hiddenIn)
            : QStringLiteral("files written in layer %1 and overwritten in layer %2").arg(stored).arg(hiddenIn);
        out.push_back(std::move(finding));
    }
}

// A later layer stores a file again with the same content: only its mode or owner changed (chmod,
// chown), or nothing did. The whole file is stored twice.
void metadataOnlyCopies(const Image &image, std::vector<Finding> &out)
{
    const MergedTree &tree = image.tree;
    std::map<int, Finding> byLayer;
    for (MergedTree::NodeId node = 1; node < tree.nodeCount(); ++node) {
        auto events = tree.events(node);
        for (size_t i = 1; i < events.size(); ++i) {
            const auto &before = events[i - 1], &after = events[i];
            if (before.kind != MergedTree::EventKind::Written || after.kind != MergedTree::EventKind::Written)
                continue;
            const LayerEntry &a = image.layers[before.layer].entries[before.entry];
            const LayerEntry &b = image.layers[after.layer].entries[after.entry];
            if (a.type != EntryType::File || b.type != EntryType::File || a.size == 0 || a.size != b.size
                || a.contentHash != b.contentHash)
                continue;
            auto [it, added] = byLayer.try_emplace(after.layer);
            Finding &f = it->second;
            if (added) {
                f.category = QStringLiteral("metadata-only-copy");
                f.severity = Severity::Warning;
                f.layer = after.layer;
                f.title = QStringLiteral("layer %1 stores unchanged files again (only mode or owner changed)")
                              .arg(after.layer);
                f.advice = QStringLiteral(
                    "Set permissions and owner where the file is created (`COPY --chmod`, `COPY --chown`, "
                    "or chmod in the same RUN): a later chmod/chown copies the whole file into a new layer.");
            }
            f.bytes += b.size;
            if (f.paths.size() < MaxPaths)
                f.paths.push_back(tree.path(node));
        }
    }
    for (auto &[layer, finding] : byLayer)
        out.push_back(std::move(finding));
}

void largestFiles(const Image &image, std::vector<Finding> &out)
{
    FinalFilesystem fs(image);
    const MergedTree &tree = image.tree;
    std::vector<std::pair<int64_t, MergedTree::NodeId>> files;
    for (MergedTree::NodeId node : tree.finalFiles())
        if (const LayerEntry *entry = fs.entry(node); entry->size > 0)
            files.push_back({ entry->size, node });
    const size_t top = std::min<size_t>(10, files.size());
    std::partial_sort(files.begin(), files.begin() + top, files.end(),
        [](const auto &a, const auto &b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    if (top == 0)
        return;
    Finding finding { QStringLiteral("largest-files"), Severity::Info, QStringLiteral("the %1 largest files").arg(top),
        QStringLiteral("Check that each of them is needed at run time."), {}, 0, -1, false };
    for (size_t i = 0; i < top; ++i) {
        finding.bytes += files[i].first;
        finding.paths.push_back(tree.path(files[i].second));
    }
    out.push_back(std::move(finding));
}

} // namespace

// Regular files of the final filesystem with the same content at different paths. Hardlinks share
// their data and are not counted.
std::vector<std::vector<MergedTree::NodeId>> findDuplicateGroups(const Image &image)
{
    FinalFilesystem fs(image);
    struct File {
        uint64_t hash;
        int64_t size;
        MergedTree::NodeId node;
    };
    std::vector<File> files;
    for (MergedTree::NodeId node : image.tree.finalFiles())
        if (const LayerEntry *entry = fs.entry(node); entry->size > 0)
            files.push_back({ entry->contentHash, entry->size, node });
    std::sort(files.begin(), files.end(), [](const File &a, const File &b) {
        return std::tie(a.size, a.hash, a.node) > std::tie(b.size, b.hash, b.node);
    });
    std::vector<std::vector<MergedTree::NodeId>> groups;
    for (size_t i = 0; i < files.size();) {
        size_t j = i + 1;
        while (j < files.size() && files[j].hash == files[i].hash && files[j].size == files[i].size)
            ++j;
        if (j - i > 1) {
            groups.emplace_back();
            for (size_t k = i; k < j; ++k)
                groups.back().push_back(files[k].node);
        }
        i = j;
    }
    return groups;
}

bool rewroteSameContent(const Image &image, const HiddenFile &file)
{
    const LayerEntry *before = nullptr, *after = nullptr;
    for (const auto &event : image.tree.events(file.node)) {
        if (event.kind != MergedTree::EventKind::Written)
            continue;
        const LayerEntry *entry = &image.layers[event.layer].entries[event.entry];
        if (event.layer == file.storedIn)
            before = entry;
        else if (event.layer == file.hiddenIn)
            after = entry;
    }
    return before && after && after->type == EntryType::File && after->size == before->size
        && after->contentHash == before->contentHash;
}

void findContentWaste(const Image &image, const std::vector<HiddenFile> &hidden, std::vector<Finding> &out)
{
    duplicateContent(image, out);
    hiddenByLaterLayers(image, hidden, out);
    metadataOnlyCopies(image, out);
    largestFiles(image, out);
}

} // namespace ballast
