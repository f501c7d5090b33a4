#include "AnalyzeReport.h"

#include "report/CreatedBy.h"
#include "report/PackagesReport.h"
#include "util/ByteFormat.h"
#include "util/PathNormalizer.h"

namespace ballast {
namespace {

nlohmann::ordered_json stringOrNull(const QString &text)
{
    return text.isEmpty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text.toStdString());
}

nlohmann::ordered_json stringArray(const QStringList &list)
{
    auto out = nlohmann::ordered_json::array();
    for (const QString &item : list)
        out.push_back(item.toStdString());
    return out;
}

constexpr size_t MaxListedHiddenFiles = 100;

int64_t regularFileCount(const Layer &layer)
{
    int64_t count = 0;
    for (const auto &entry : layer.entries)
        count += entry.type == EntryType::File ? 1 : 0;
    return count;
}

} // namespace

nlohmann::ordered_json analyzeJson(const Image &image, const ImageAnalysis &analysis)
{
    const ImageConfig &config = image.config;
    nlohmann::ordered_json labels = nlohmann::ordered_json::object();
    for (auto it = config.labels.begin(); it != config.labels.end(); ++it)
        labels[it.key().toStdString()] = it.value().toStdString();
    nlohmann::ordered_json out;
    out["image"] = {
        { "source", image.sourcePath.toStdString() },
        { "format", image.format.toStdString() },
        { "tags", stringArray(image.tags) },
        { "os", config.os.toStdString() },
        { "architecture", config.architecture.toStdString() },
        { "variant", stringOrNull(config.variant) },
        { "configDigest", stringOrNull(image.configDigest) },
        { "created", stringOrNull(config.created) },
        { "sizeBytes", image.sizeBytes() },
        { "compressedSizeBytes", image.compressedSizeBytes() },
        { "entryCount", image.tree.finalEntryCount() },
        { "fileCount", image.tree.finalFileCount() },
        { "finalSizeBytes", image.tree.finalFileBytes() },
        { "layerCount", image.layers.size() },
        { "efficiency", analysis.dive.efficiency },
        { "wastedBytes", analysis.dive.wastedBytes },
        { "userSizeBytes", analysis.dive.userSizeBytes },
        { "wastedUserPercent", analysis.dive.wastedUserPercent },
        { "reclaimableBytes", analysis.reclaimableBytes },
        { "unpackagedBytes", analysis.packages.unpackagedBytes },
        { "config",
            { { "env", stringArray(config.env) }, { "entrypoint", stringArray(config.entrypoint) },
                { "cmd", stringArray(config.cmd) }, { "user", config.user.toStdString() },
                { "workingDir", config.workingDir.toStdString() }, { "exposedPorts", stringArray(config.exposedPorts) },
                { "labels", labels } } },
        { "warnings", stringArray(image.warnings) },
    };
    auto layers = nlohmann::ordered_json::array();
    for (const Layer &layer : image.layers) {
        const HistoryEntry *history = layer.historyIndex >= 0 ? &config.history[size_t(layer.historyIndex)] : nullptr;
        layers.push_back({
            { "index", layer.index },
            { "digest", layer.digest.toStdString() },
            { "diffId", layer.diffId.toStdString() },
            { "archivePath", layer.archivePath.toStdString() },
            { "mediaType", stringOrNull(layer.mediaType) },
            { "compression", compressionName(layer.compression) },
            { "sizeBytes", layer.size },
            { "compressedSizeBytes", layer.compressedSize },
            { "uncompressedSizeBytes", layer.uncompressedSize },
            { "entryCount", layer.entries.size() },
            { "fileCount", regularFileCount(layer) },
            { "createdBy",
                history ? nlohmann::ordered_json(history->createdBy.toStdString()) : nlohmann::ordered_json(nullptr) },
            { "historyIndex", history ? nlohmann::ordered_json(layer.historyIndex) : nlohmann::ordered_json(nullptr) },
            { "contributionBytes", analysis.layers[size_t(layer.index)].contribution },
            { "cumulativeBytes", analysis.layers[size_t(layer.index)].cumulative },
            { "hiddenLaterBytes", analysis.layers[size_t(layer.index)].hiddenLater },
        });
    }
    out["layers"] = layers;
    auto history = nlohmann::ordered_json::array();
    for (const HistoryEntry &entry : config.history)
        history.push_back({
            { "createdBy", entry.createdBy.toStdString() },
            { "created", stringOrNull(entry.created) },
            { "comment", stringOrNull(entry.comment) },
            { "emptyLayer", entry.emptyLayer },
            { "layerIndex",
                entry.layerIndex >= 0 ? nlohmann::ordered_json(entry.layerIndex) : nlohmann::ordered_json(nullptr) },
        });
    out["history"] = history;
    auto inefficiencies = nlohmann::ordered_json::array();
    for (const Inefficiency &item : analysis.dive.inefficiencies)
        inefficiencies.push_back({ { "path", displayPath(std::string_view(item.path).substr(1)).toStdString() },
            { "count", item.count }, { "wastedBytes", item.wastedBytes } });
    out["inefficiencies"] = inefficiencies;
    auto reclaimable = nlohmann::ordered_json::array();
    for (size_t i = 0; i < analysis.hidden.size() && i < MaxListedHiddenFiles; ++i) {
        const HiddenFile &file = analysis.hidden[i];
        reclaimable.push_back({ { "path", displayPath(image.tree.path(file.node)).toStdString() },
            { "bytes", file.bytes }, { "storedInLayer", file.storedIn }, { "hiddenInLayer", file.hiddenIn },
            { "how", file.deleted ? "deleted" : "overwritten" } });
    }
    out["reclaimable"] = reclaimable;
    auto findings = nlohmann::ordered_json::array();
    for (const Finding &finding : analysis.findings) {
        auto paths = nlohmann::ordered_json::array();
        for (const auto &path : finding.paths)
            paths.push_back(displayPath(path).toStdString());
        findings.push_back(
            { { "category", finding.category.toStdString() }, { "severity", severityName(finding.severity) },
                { "security", finding.security }, { "title", finding.title.toStdString() },
                { "advice", finding.advice.toStdString() }, { "bytes", finding.bytes },
                { "layerIndex",
                    finding.layer >= 0 ? nlohmann::ordered_json(finding.layer) : nlohmann::ordered_json(nullptr) },
                { "paths", paths } });
    }
    out["findings"] = findings;
    out["packages"] = packagesJson(analysis.packages);
    return out;
}

QString analyzeText(const Image &image, const ImageAnalysis &analysis)
{
    QString out;
    const QString name = image.tags.isEmpty() ? QStringLiteral("(untagged)") : image.tags.join(QStringLiteral(", "));
    out += QStringLiteral("Image     %1\n").arg(name);
    out += QStringLiteral("Source    %1 (%2%3)\n")
               .arg(image.sourcePath, image.format,
                   image.outerCompression.isEmpty() ? QString() : QStringLiteral(", ") + image.outerCompression);
    out += QStringLiteral("Platform  %1\n\n").arg(image.platform());
    out += QStringLiteral("%1  %2  %3  %4  %5  %6\n")
               .arg(QStringLiteral("LAYER"), 5)
               .arg(QStringLiteral("SIZE"), 9)
               .arg(QStringLiteral("STORED"), 9)
               .arg(QStringLiteral("CHANGE"), 10)
               .arg(QStringLiteral("ENTRIES"), 8)
               .arg(QStringLiteral("CREATED BY"));
    auto row = [&](const QString &index, const QString &size, const QString &stored, const QString &change,
                   const QString &entries, const QString &createdBy) {
        QString command = cleanCreatedBy(createdBy);
        if (command.size() > 80)
            command = command.left(79) + QChar(0x2026);
        out += QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                   .arg(index, 5)
                   .arg(size, 9)
                   .arg(stored, 9)
                   .arg(change, 10)
                   .arg(entries, 8)
                   .arg(command);
    };
    auto change
        = [&](const Layer &layer) { return formatSignedBytes(analysis.layers[size_t(layer.index)].contribution); };
    const auto &history = image.config.history;
    size_t nextLayer = 0;
    for (const HistoryEntry &entry : history) {
        if (entry.layerIndex < 0) {
            row(QStringLiteral("-"), QStringLiteral("0 B"), QStringLiteral("-"), QStringLiteral("-"),
                QStringLiteral("-"), entry.createdBy);
            continue;
        }
        const Layer &layer = image.layers[size_t(entry.layerIndex)];
        row(QString::number(layer.index), formatBytes(layer.size), formatBytes(layer.compressedSize), change(layer),
            QString::number(layer.entries.size()), entry.createdBy);
        nextLayer = size_t(entry.layerIndex) + 1;
    }
    for (; nextLayer < image.layers.size(); ++nextLayer) { // layers without history
        const Layer &layer = image.layers[nextLayer];
        row(QString::number(layer.index), formatBytes(layer.size), formatBytes(layer.compressedSize), change(layer),
            QString::number(layer.entries.size()), QStringLiteral("(no history)"));
    }
    out += QStringLiteral("\n%1 layers, %2 (%3 stored); final filesystem: %4 paths, %5 files, %6\n")
               .arg(image.layers.size())
               .arg(formatBytes(image.sizeBytes()), formatBytes(image.compressedSizeBytes()))
               .arg(image.tree.finalEntryCount())
               .arg(image.tree.finalFileCount())
               .arg(formatBytes(image.tree.finalFileBytes()));
    out += QStringLiteral("efficiency %1 %, wasted %2 (%3 % of the user layers, dive's measure); reclaimable %4\n")
               .arg(analysis.dive.efficiency * 100, 0, 'f', 2)
               .arg(formatBytes(analysis.dive.wastedBytes))
               .arg(analysis.dive.wastedUserPercent * 100, 0, 'f', 2)
               .arg(formatBytes(analysis.reclaimableBytes));
    if (!analysis.packages.packages.empty())
        out += QStringLiteral("packages: %1 hold %2; %3 belongs to no package (ballast-cli packages lists them)\n")
                   .arg(analysis.packages.packages.size())
                   .arg(formatBytes(image.tree.finalFileBytes() - analysis.packages.unpackagedBytes),
                       formatBytes(analysis.packages.unpackagedBytes));
    if (!analysis.findings.empty())
        out += QStringLiteral("\nFINDINGS\n");
    for (const Finding &finding : analysis.findings) {
        out += QStringLiteral("  [%1] %2%3%4\n")
                   .arg(QLatin1String(severityName(finding.severity)), finding.title)
                   .arg(finding.bytes > 0 ? QStringLiteral(": ") + formatBytes(finding.bytes) : QString())
                   .arg(finding.layer >= 0 ? QStringLiteral(" (layer %1)").arg(finding.layer) : QString());
        for (size_t i = 0; i < finding.paths.size() && i < 3; ++i)
            out += QStringLiteral("      %1\n").arg(displayPath(finding.paths[i]));
        if (finding.paths.size() > 3)
            out += QStringLiteral("      … and %1 more\n").arg(finding.paths.size() - 3);
        out += QStringLiteral("      → %1\n").arg(finding.advice);
    }
    for (const QString &warning : image.warnings)
        out += QStringLiteral("note: %1\n").arg(warning);
    return out;
}

} // namespace ballast
