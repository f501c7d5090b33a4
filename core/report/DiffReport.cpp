#include "DiffReport.h"

#include "packages/PackageAttribution.h"
#include "report/CreatedBy.h"
#include "report/PackageDiffReport.h"
#include "util/ByteFormat.h"
#include "util/PathNormalizer.h"

#include <algorithm>

namespace ballast {
namespace {

// The diff JSON names four kinds as entries do everywhere, and calls the rest "other".
const char *kindName(EntryType type)
{
    switch (type) {
    case EntryType::File:
    case EntryType::Directory:
    case EntryType::Symlink:
    case EntryType::Hardlink:
        return entryTypeName(type);
    default:
        return "other";
    }
}

QString instructionOf(const Image &image, int layer)
{
    const Layer &l = image.layers[size_t(layer)];
    return l.historyIndex >= 0 ? image.config.history[size_t(l.historyIndex)].createdBy : QString();
}

PackageDiff packageDiffOf(const ImageDiff &diff)
{
    return diffPackages(attributePackages(*diff.a), attributePackages(*diff.b));
}

double percent(int64_t from, int64_t to)
{
    return from == 0 ? 0.0 : 100.0 * double(to - from) / double(from);
}

QString imageName(const Image &image)
{
    return image.tags.isEmpty() ? image.sourcePath : image.tags.first();
}

} // namespace

std::vector<ImageDiff::NodeId> topMovements(const ImageDiff &diff, size_t count)
{
    // A path that changed between directory and non-directory moves as a whole, like an added or
    // removed one: its children are part of its delta, not movements of their own.
    auto isDirectoryIn = [&](const Image &image, MergedTree::NodeId node) {
        return node != MergedTree::NoNode && image.tree.isDirectory(node, int(image.layers.size()) - 1);
    };
    auto movesAsWhole = [&](ImageDiff::NodeId n) {
        const DiffNode &node = diff.nodes[n];
        if (node.status == DiffStatus::Added || node.status == DiffStatus::Removed)
            return true;
        return node.status == DiffStatus::Modified
            && isDirectoryIn(*diff.a, node.nodeA) != isDirectoryIn(*diff.b, node.nodeB);
    };
    std::vector<uint8_t> insideWhole(diff.nodes.size(), 0); // parents come before children
    std::vector<ImageDiff::NodeId> out;
    for (ImageDiff::NodeId n = 1; n < diff.nodes.size(); ++n) {
        const DiffNode &node = diff.nodes[n];
        const bool parentWhole = node.parent != 0 && (insideWhole[node.parent] || movesAsWhole(node.parent));
        insideWhole[n] = parentWhole;
        if (parentWhole || node.delta() == 0)
            continue;
        const bool modifiedFile = node.status == DiffStatus::Modified && diff.kind(n) != EntryType::Directory;
        if (movesAsWhole(n) || modifiedFile)
            out.push_back(n);
    }
    std::stable_sort(out.begin(), out.end(), [&](ImageDiff::NodeId x, ImageDiff::NodeId y) {
        return std::llabs(diff.nodes[x].delta()) > std::llabs(diff.nodes[y].delta());
    });
    if (out.size() > count)
        out.resize(count);
    return out;
}

nlohmann::ordered_json diffJson(const ImageDiff &diff)
{
    const Image &a = *diff.a, &b = *diff.b;
    const DiffNode &root = diff.nodes[0];
    nlohmann::ordered_json out;
    auto movements = nlohmann::ordered_json::array();
    for (ImageDiff::NodeId n : topMovements(diff, 10))
        movements.push_back({ { "path", displayPath(diff.path(n)).toStdString() },
            { "status", diffStatusName(diff.nodes[n].status) }, { "deltaBytes", diff.nodes[n].delta() } });
    out["summary"] = {
        { "imageA", imageName(a).toStdString() },
        { "imageB", imageName(b).toStdString() },
        { "finalSizeBytesA", root.bytesA },
        { "finalSizeBytesB", root.bytesB },
        { "deltaBytes", root.delta() },
        { "deltaPercent", percent(root.bytesA, root.bytesB) },
        { "sizeBytesA", a.sizeBytes() },
        { "sizeBytesB", b.sizeBytes() },
        { "compressedSizeBytesA", a.compressedSizeBytes() },
        { "compressedSizeBytesB", b.compressedSizeBytes() },
        { "layersA", a.layers.size() },
        { "layersB", b.layers.size() },
        { "layersShared", diff.layers.shared.size() },
        { "added", diff.added },
        { "removed", diff.removed },
        { "modified", diff.modified },
        { "topMovements", movements },
    };
    auto pairList = [&](const std::vector<std::pair<int, int>> &pairs) {
        auto list = nlohmann::ordered_json::array();
        for (const auto &[i, j] : pairs)
            list.push_back({ { "a", i }, { "b", j }, { "diffIdA", a.layers[size_t(i)].diffId.toStdString() },
                { "diffIdB", b.layers[size_t(j)].diffId.toStdString() }, { "sizeBytesA", a.layers[size_t(i)].size },
                { "sizeBytesB", b.layers[size_t(j)].size }, { "createdByA", instructionOf(a, i).toStdString() },
                { "createdByB", instructionOf(b, j).toStdString() } });
        return list;
    };
    auto singleList = [](const Image &image, const std::vector<int> &layers) {
        auto list = nlohmann::ordered_json::array();
        for (int i : layers)
            list.push_back({ { "index", i }, { "diffId", image.layers[size_t(i)].diffId.toStdString() },
                { "sizeBytes", image.layers[size_t(i)].size },
                { "createdBy", instructionOf(image, i).toStdString() } });
        return list;
    };
    out["layers"] = { { "shared", pairList(diff.layers.shared) }, { "aligned", pairList(diff.layers.aligned) },
        { "edited", pairList(diff.layers.edited) }, { "onlyA", singleList(a, diff.layers.onlyA) },
        { "onlyB", singleList(b, diff.layers.onlyB) } };
    auto files = nlohmann::ordered_json::array();
    // Depth first in name order, so rows come sorted by path.
    std::vector<ImageDiff::NodeId> stack(diff.childrenOf[0].rbegin(), diff.childrenOf[0].rend());
    while (!stack.empty()) {
        const ImageDiff::NodeId n = stack.back();
        stack.pop_back();
        const DiffNode &node = diff.nodes[n];
        if (node.status != DiffStatus::Unchanged)
            files.push_back({ { "path", displayPath(diff.path(n)).toStdString() },
                { "status", diffStatusName(node.status) }, { "kind", kindName(diff.kind(n)) },
                { "sizeA",
                    node.nodeA != MergedTree::NoNode ? nlohmann::ordered_json(node.bytesA)
                                                     : nlohmann::ordered_json(nullptr) },
                { "sizeB",
                    node.nodeB != MergedTree::NoNode ? nlohmann::ordered_json(node.bytesB)
                                                     : nlohmann::ordered_json(nullptr) } });
        if (node.contentsChanged)
            stack.insert(stack.end(), diff.childrenOf[n].rbegin(), diff.childrenOf[n].rend());
    }
    out["files"] = files;
    out["packages"] = packageDiffJson(packageDiffOf(diff));
    return out;
}

QString diffText(const ImageDiff &diff)
{
    const Image &a = *diff.a, &b = *diff.b;
    const DiffNode &root = diff.nodes[0];
    QString out;
    out += QStringLiteral("A  %1 (%2)\nB  %3 (%4)\n\n").arg(imageName(a), a.platform(), imageName(b), b.platform());
    out += QStringLiteral("final filesystem  %1 → %2  (%3, %4 %)\n")
               .arg(formatBytes(root.bytesA), formatBytes(root.bytesB), formatSignedBytes(root.delta()))
               .arg(percent(root.bytesA, root.bytesB), 0, 'f', 1);
    out += QStringLiteral("stored            %1 → %2\n")
               .arg(formatBytes(a.compressedSizeBytes()), formatBytes(b.compressedSizeBytes()));
    out += QStringLiteral("layers            %1 → %2, %3 shared, %4 aligned, %5 edited\n")
               .arg(a.layers.size())
               .arg(b.layers.size())
               .arg(diff.layers.shared.size())
               .arg(diff.layers.aligned.size())
               .arg(diff.layers.edited.size());
    out += QStringLiteral("paths             %1 added, %2 removed, %3 modified\n\nLAYERS\n")
               .arg(diff.added)
               .arg(diff.removed)
               .arg(diff.modified);
    for (const auto &[i, j] : diff.layers.shared)
        out += QStringLiteral("  =  A%1 B%2  %3  %4\n")
                   .arg(i)
                   .arg(j)
                   .arg(formatBytes(a.layers[size_t(i)].size), 9)
                   .arg(cleanCreatedBy(instructionOf(a, i)).left(80));
    for (const auto &[i, j] : diff.layers.aligned)
        out += QStringLiteral("  ~  A%1 B%2  %3  %4\n")
                   .arg(i)
                   .arg(j)
                   .arg(formatSignedBytes(b.layers[size_t(j)].size - a.layers[size_t(i)].size), 9)
                   .arg(cleanCreatedBy(instructionOf(b, j)).left(80));
    for (const auto &[i, j] : diff.layers.edited)
        out += QStringLiteral("  *  A%1 B%2  %3  %4\n")
                   .arg(i)
                   .arg(j)
                   .arg(formatSignedBytes(b.layers[size_t(j)].size - a.layers[size_t(i)].size), 9)
                   .arg(cleanCreatedBy(instructionOf(b, j)).left(80));
    for (int i : diff.layers.onlyA)
        out += QStringLiteral("  -  A%1     %2  %3\n")
                   .arg(i)
                   .arg(formatBytes(a.layers[size_t(i)].size), 9)
                   .arg(cleanCreatedBy(instructionOf(a, i)).left(80));
    for (int j : diff.layers.onlyB)
        out += QStringLiteral("  +  B%1     %2  %3\n")
                   .arg(j)
                   .arg(formatBytes(b.layers[size_t(j)].size), 9)
                   .arg(cleanCreatedBy(instructionOf(b, j)).left(80));
    const auto top = topMovements(diff, 15);
    if (!top.empty())
        out += QStringLiteral("\nBIGGEST MOVEMENTS\n");
    for (ImageDiff::NodeId n : top)
        out += QStringLiteral("  %1  %2  /%3\n")
                   .arg(formatSignedBytes(diff.nodes[n].delta()), 10)
                   .arg(QLatin1String(diffStatusName(diff.nodes[n].status)), -9)
                   .arg(displayPath(diff.path(n)));
    out += packageDiffText(packageDiffOf(diff), 15);
    return out;
}

QString diffMarkdown(const ImageDiff &diff)
{
    const Image &a = *diff.a, &b = *diff.b;
    const DiffNode &root = diff.nodes[0];
    QString out = QStringLiteral("### Ballast: `%1` → `%2`\n\n| | A | B | change |\n|---|---:|---:|---:|\n")
                      .arg(imageName(a), imageName(b));
    out += QStringLiteral("| Final filesystem | %1 | %2 | %3 (%4 %) |\n")
               .arg(formatBytes(root.bytesA), formatBytes(root.bytesB), formatSignedBytes(root.delta()))
               .arg(percent(root.bytesA, root.bytesB), 0, 'f', 1);
    out += QStringLiteral("| Stored | %1 | %2 | %3 |\n")
               .arg(formatBytes(a.compressedSizeBytes()), formatBytes(b.compressedSizeBytes()),
                   formatSignedBytes(b.compressedSizeBytes() - a.compressedSizeBytes()));
    out += QStringLiteral("| Layers | %1 | %2 | %3 shared |\n\n")
               .arg(a.layers.size())
               .arg(b.layers.size())
               .arg(diff.layers.shared.size());
    out += QStringLiteral("%1 paths added, %2 removed, %3 modified.\n")
               .arg(diff.added)
               .arg(diff.removed)
               .arg(diff.modified);
    const auto top = topMovements(diff, 10);
    if (!top.empty())
        out += QStringLiteral("\n| change | status | path |\n|---:|---|---|\n");
    for (ImageDiff::NodeId n : top)
        out += QStringLiteral("| %1 | %2 | `/%3` |\n")
                   .arg(formatSignedBytes(diff.nodes[n].delta()), QLatin1String(diffStatusName(diff.nodes[n].status)),
                       displayPath(diff.path(n)));
    out += packageDiffMarkdown(packageDiffOf(diff), 10);
    return out;
}

} // namespace ballast
