// Ballast's rules that need the image the Dockerfile built: the bytes a line left behind, and why.
// Bytes come from the analysis (its findings and hidden files) and reach a line through the layer
// mapping: a finding's layer → the instruction that made it.
#include "dockerfile/lint/LintRules.h"

#include "analysis/PathRules.h"
#include "analysis/TreeQueries.h"
#include "util/ByteFormat.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace ballast::detail {
namespace {

// The instruction of the final stage that made `layer`, nullptr for base-image layers and unknown ones.
const DockerfileInstruction *ownInstruction(const LintInput &in, int layer)
{
    if (!in.mapping || in.mapping->rows.empty())
        return nullptr;
    const int instr = in.mapping->instructionFor(layer);
    if (instr < 0 || instr == in.mapping->rows.front().instruction)
        return nullptr;
    return &in.df.instructions[size_t(instr)];
}

bool isBaseLayer(const LintInput &in, int layer)
{
    return in.mapping && !in.mapping->rows.empty()
        && in.mapping->instructionFor(layer) == in.mapping->rows.front().instruction;
}

QString lineOf(const LintInput &in, int layer)
{
    if (const DockerfileInstruction *instr = ownInstruction(in, layer))
        return QStringLiteral("line %1").arg(instr->line);
    return QStringLiteral("layer %1").arg(layer);
}

LintFinding withBytes(const DockerfileInstruction &instr, const RuleSpec &rule, const QString &message, int64_t bytes)
{
    LintFinding f = findingAt(instr, rule);
    f.message = message;
    f.bytes = bytes;
    return f;
}

// The analysis finding of `category` about `layer` (and, for hidden files, the layer that hid them).
int findingIndex(const LintInput &in, const QString &category, int layer, int laterLayer = -1)
{
    const auto &findings = in.image->analysis().findings;
    for (size_t i = 0; i < findings.size(); ++i)
        if (findings[i].category == category && findings[i].layer == layer && findings[i].laterLayer == laterLayer)
            return int(i);
    return -1;
}

// Bytes replaced with different content, grouped by the layer that stored them and the one that
// replaced them.
std::map<std::pair<int, int>, int64_t> overwrittenBytes(const LintInput &in)
{
    std::map<std::pair<int, int>, int64_t> out;
    for (const HiddenFile &file : in.image->analysis().hidden) {
        if (file.deleted || file.storedIn == file.hiddenIn || rewroteSameContent(in.image->image(), file))
            continue;
        out[{ file.storedIn, file.hiddenIn }] += file.bytes;
    }
    return out;
}

} // namespace

// BA1001: package caches and lists a line left in the final filesystem.
void checkBA1001(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    for (const auto &dir : in.image->directories()) {
        const PathRule *cache = pathRuleFor(dir.category);
        if (!cache || cache->kind != PathRuleKind::PackageCache)
            continue;
        for (const auto &[layer, bytes] : dir.bytesByLayer) {
            const DockerfileInstruction *instr = ownInstruction(in, layer);
            if (!instr || bytes <= 0)
                continue;
            LintFinding f = withBytes(*instr, rule,
                QStringLiteral("this %1 left %2 of %3 in /%4: %5")
                    .arg(instr->keyword, formatBytes(bytes), QString::fromUtf8(cache->noun), dir.pathByLayer.at(layer),
                        dir.advice),
                bytes);
            f.imageFinding = dir.finding;
            f.fix = fixCacheCleanup(in, *instr, dir.category, dir.pathsByLayer.at(layer));
            out.push_back(std::move(f));
        }
    }
}

// BA1002: a COPY or ADD that brings files no image needs (.git, caches, …) from the build context.
void checkBA1002(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    for (const InstructionLayers &row : in.mapping->rows) {
        const DockerfileInstruction &instr = in.df.instructions[size_t(row.instruction)];
        if ((instr.keyword != QLatin1String("COPY") && instr.keyword != QLatin1String("ADD")) || row.layer() < 0)
            continue;
        const auto &junk = in.image->junk(row.layer());
        const int64_t layerBytes = in.image->image().layers[size_t(row.layer())].size;
        if (junk.bytes <= 0 || (junk.bytes < 1000000 && junk.bytes * 10 < layerBytes))
            continue;
        QStringList parts;
        for (size_t i = 0; i < junk.groups.size() && i < 3; ++i)
            parts << QStringLiteral("%1 (%2)").arg(
                QLatin1Char('/') + junk.groups[i].first, formatBytes(junk.groups[i].second));
        if (junk.groups.size() > 3)
            parts << QStringLiteral("…");
        out.push_back(withBytes(instr, rule,
            QStringLiteral("this %1 added %2, %3 of it %4: add them to .dockerignore")
                .arg(instr.keyword, formatBytes(layerBytes), formatBytes(junk.bytes), parts.join(QStringLiteral(", "))),
            junk.bytes));
    }
}

// BA1003: a layer that stores files again only because their mode or owner changed.
void checkBA1003(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    for (const InstructionLayers &row : in.mapping->rows) {
        const DockerfileInstruction &instr = in.df.instructions[size_t(row.instruction)];
        if (row.layer() < 0 || &instr == &in.df.instructions[size_t(in.mapping->rows.front().instruction)])
            continue;
        const int64_t bytes = in.image->metadataOnlyBytes(row.layer());
        if (bytes <= 0)
            continue;
        int64_t fileBytes = 0;
        for (const LayerEntry &e : in.image->image().layers[size_t(row.layer())].entries)
            fileBytes += e.type == EntryType::File ? e.size : 0;
        const QString advice = QStringLiteral(
            "set mode and owner where the files are created (COPY --chmod/--chown, or chmod in the same RUN)");
        const QString message = bytes >= fileBytes
            ? QStringLiteral("this layer only changed permissions or owners but re-stored %1: %2")
                  .arg(formatBytes(bytes), advice)
            : QStringLiteral("this %1 re-stored %2 of files whose content did not change (only mode or owner did): %3")
                  .arg(instr.keyword, formatBytes(bytes), advice);
        LintFinding f = withBytes(instr, rule, message, bytes);
        f.imageFinding = findingIndex(in, QStringLiteral("metadata-only-copy"), row.layer());
        out.push_back(std::move(f));
    }
}

// BA1004: a compiler toolchain in the final stage.
void checkBA1004(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    for (const auto &dir : in.image->directories()) {
        if (dir.category != QLatin1String("toolchain"))
            continue;
        int64_t baseBytes = 0;
        for (const auto &[layer, bytes] : dir.bytesByLayer) {
            if (isBaseLayer(in, layer)) {
                baseBytes += bytes;
            } else if (const DockerfileInstruction *instr = ownInstruction(in, layer)) {
                out.push_back(withBytes(*instr, rule,
                    QStringLiteral("a compiler toolchain (%1, /%2) ships in the final stage: build in a separate stage "
                                   "and copy only the result")
                        .arg(formatBytes(bytes), dir.pathByLayer.at(layer)),
                    bytes));
                out.back().imageFinding = dir.finding;
            }
        }
        if (baseBytes > 0) {
            const auto &from = in.df.instructions[size_t(in.mapping->rows.front().instruction)];
            out.push_back(withBytes(from, rule,
                QStringLiteral("the base image ships a compiler toolchain (%1) in the final stage: build in a "
                               "separate stage and use a slim runtime image here")
                    .arg(formatBytes(baseBytes)),
                baseBytes));
            out.back().imageFinding = dir.finding;
        }
    }
}

// BA1005: files a later line deletes still weigh on the layer that wrote them. One per analysis
// finding `deleted-later` (a pair of layers).
void checkBA1005(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    const auto &findings = in.image->analysis().findings;
    for (size_t index = 0; index < findings.size(); ++index) {
        const Finding &deleted = findings[index];
        if (deleted.category != QLatin1String("deleted-later"))
            continue;
        const int stored = deleted.layer, hidden = deleted.laterLayer;
        const DockerfileInstruction *deleter = ownInstruction(in, hidden);
        if (const DockerfileInstruction *writer = ownInstruction(in, stored)) {
            LintFinding f = withBytes(*writer, rule,
                QStringLiteral("%1 written here are deleted in %2 but still stored in this layer: delete them in the "
                               "same RUN that creates them")
                    .arg(formatBytes(deleted.bytes), lineOf(in, hidden)),
                deleted.bytes);
            f.imageFinding = int(index);
            if (deleter)
                f.fix = fixDeleteWhereCreated(in, *writer, *deleter, stored, hidden);
            out.push_back(std::move(f));
        } else if (deleter && isBaseLayer(in, stored)) {
            out.push_back(withBytes(*deleter, rule,
                QStringLiteral("deleting %1 of base-image files here does not make the image smaller: they stay in "
                               "the base layers")
                    .arg(formatBytes(deleted.bytes)),
                deleted.bytes));
            out.back().imageFinding = int(index);
        }
    }
}

// BA1006: files a later line replaces: the old copies still ship.
void checkBA1006(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    constexpr int64_t MinimumBytes = 4096;
    for (const auto &[layers, bytes] : overwrittenBytes(in)) {
        const auto [stored, hidden] = layers;
        const DockerfileInstruction *writer = ownInstruction(in, stored);
        if (!writer || bytes < MinimumBytes)
            continue;
        out.push_back(withBytes(*writer, rule,
            QStringLiteral("%1 written here are replaced in %2; the old copies still ship in this layer: write "
                           "the files once, in their final form")
                .arg(formatBytes(bytes), lineOf(in, hidden)),
            bytes));
        out.back().imageFinding = findingIndex(in, QStringLiteral("overwritten-later"), stored, hidden);
    }
}

} // namespace ballast::detail

namespace ballast {

namespace {

// The path up to and including the first junk directory, empty when there is none.
std::string_view junkPrefix(std::string_view path)
{
    size_t start = 0;
    while (start < path.size()) {
        const size_t slash = path.find('/', start);
        if (slash == std::string_view::npos)
            return {}; // the last component is the file itself
        const std::string_view part = path.substr(start, slash - start);
        const auto &junk = buildContextJunkNames();
        if (std::find(junk.begin(), junk.end(), part) != junk.end())
            return path.substr(0, slash);
        start = slash + 1;
    }
    return {};
}
} // namespace

ImageLintContext::~ImageLintContext() = default;

ImageLintContext::ImageLintContext(const Image &image, const ImageAnalysis &analysis)
    : m_image(image)
    , m_analysis(analysis)
    , m_steps(std::make_unique<std::vector<HistoryStep>>(ballast::historySteps(image)))
{
    const FinalFilesystem fs(image);
    const MergedTree &tree = image.tree;
    const int last = int(image.layers.size()) - 1;
    m_metadataOnly.assign(image.layers.size(), 0);
    for (size_t index = 0; index < analysis.findings.size(); ++index) {
        const Finding &finding = analysis.findings[index];
        if (finding.category == QLatin1String("metadata-only-copy") && finding.layer >= 0 && finding.layer <= last)
            m_metadataOnly[size_t(finding.layer)] += finding.bytes;
        // The directories the image rules tie to lines: caches (BA1001) and toolchains (BA1004).
        const PathRule *rule = pathRuleFor(finding.category);
        if (!rule || rule->kind == PathRuleKind::Documentation)
            continue;
        DirectoryBytes dir { finding.category, finding.title, finding.advice, {}, {}, {}, int(index) };
        std::map<int, std::pair<int64_t, QString>> heaviest;
        for (const std::string &path : finding.paths) {
            const auto node = tree.find(path);
            if (node == MergedTree::NoNode)
                continue;
            std::map<int, int64_t> here;
            fs.forEachBelow(node, [&](MergedTree::NodeId n) {
                if (fs.isFile(n))
                    here[tree.lastWriter(n, last)] += fs.entry(n)->size;
            });
            for (const auto &[layer, bytes] : here) {
                dir.bytesByLayer[layer] += bytes;
                dir.pathsByLayer[layer] << QString::fromStdString(path);
                if (bytes > heaviest[layer].first)
                    heaviest[layer] = { bytes, QString::fromStdString(path) };
            }
        }
        for (const auto &[layer, best] : heaviest)
            dir.pathByLayer[layer] = best.second;
        m_directories.push_back(std::move(dir));
    }
    m_junk.resize(image.layers.size());
    for (const Layer &layer : image.layers) {
        std::map<std::string_view, int64_t> groups;
        for (const LayerEntry &entry : layer.entries)
            if (entry.type == EntryType::File && entry.size > 0)
                if (const std::string_view prefix = junkPrefix(layer.path(entry)); !prefix.empty())
                    groups[prefix] += entry.size;
        LayerJunk &junk = m_junk[size_t(layer.index)];
        for (const auto &[dir, bytes] : groups) {
            junk.bytes += bytes;
            junk.groups.push_back({ QString::fromUtf8(dir.data(), qsizetype(dir.size())), bytes });
        }
        std::sort(
            junk.groups.begin(), junk.groups.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    }
}

} // namespace ballast
