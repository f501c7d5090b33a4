#include "AnalyzeReport.h"

#include "report/CreatedBy.h"
#include "util/ByteFormat.h"

namespace ballast {
namespace {

nlohmann::json stringOrNull(const QString &text)
{
    return text.isEmpty() ? nlohmann::json(nullptr) : nlohmann::json(text.toStdString());
}

nlohmann::json stringArray(const QStringList &list)
{
    auto out = nlohmann::json::array();
    for (const QString &item : list)
        out.push_back(item.toStdString());
    return out;
}

int64_t regularFileCount(const Layer &layer)
{
    int64_t count = 0;
    for (const auto &entry : layer.entries)
        count += entry.type == EntryType::File ? 1 : 0;
    return count;
}

} // namespace

nlohmann::json analyzeJson(const Image &image)
{
    const ImageConfig &config = image.config;
    nlohmann::json labels = nlohmann::json::object();
    for (auto it = config.labels.begin(); it != config.labels.end(); ++it)
        labels[it.key().toStdString()] = it.value().toStdString();
    nlohmann::json out;
    out["image"] = {
        {"source", image.sourcePath.toStdString()},
        {"format", image.format.toStdString()},
        {"tags", stringArray(image.tags)},
        {"os", config.os.toStdString()},
        {"architecture", config.architecture.toStdString()},
        {"variant", stringOrNull(config.variant)},
        {"configDigest", stringOrNull(image.configDigest)},
        {"created", stringOrNull(config.created)},
        {"sizeBytes", image.sizeBytes()},
        {"compressedSizeBytes", image.compressedSizeBytes()},
        {"entryCount", image.tree.finalEntryCount()},
        {"fileCount", image.tree.finalFileCount()},
        {"finalSizeBytes", image.tree.finalFileBytes()},
        {"layerCount", image.layers.size()},
        {"config",
         {{"env", stringArray(config.env)},
          {"entrypoint", stringArray(config.entrypoint)},
          {"cmd", stringArray(config.cmd)},
          {"user", config.user.toStdString()},
          {"workingDir", config.workingDir.toStdString()},
          {"exposedPorts", stringArray(config.exposedPorts)},
          {"labels", labels}}},
        {"warnings", stringArray(image.warnings)},
    };
    auto layers = nlohmann::json::array();
    for (const Layer &layer : image.layers) {
        const HistoryEntry *history = layer.historyIndex >= 0 ? &config.history[size_t(layer.historyIndex)] : nullptr;
        layers.push_back({
            {"index", layer.index},
            {"digest", layer.digest.toStdString()},
            {"diffId", layer.diffId.toStdString()},
            {"archivePath", layer.archivePath.toStdString()},
            {"mediaType", stringOrNull(layer.mediaType)},
            {"compression", compressionName(layer.compression)},
            {"sizeBytes", layer.size},
            {"compressedSizeBytes", layer.compressedSize},
            {"uncompressedSizeBytes", layer.uncompressedSize},
            {"entryCount", layer.entries.size()},
            {"fileCount", regularFileCount(layer)},
            {"createdBy", history ? nlohmann::json(history->createdBy.toStdString()) : nlohmann::json(nullptr)},
            {"historyIndex", history ? nlohmann::json(layer.historyIndex) : nlohmann::json(nullptr)},
        });
    }
    out["layers"] = layers;
    auto history = nlohmann::json::array();
    for (const HistoryEntry &entry : config.history)
        history.push_back({
            {"createdBy", entry.createdBy.toStdString()},
            {"created", stringOrNull(entry.created)},
            {"comment", stringOrNull(entry.comment)},
            {"emptyLayer", entry.emptyLayer},
            {"layerIndex", entry.layerIndex >= 0 ? nlohmann::json(entry.layerIndex) : nlohmann::json(nullptr)},
        });
    out["history"] = history;
    return out;
}

QString analyzeText(const Image &image)
{
    QString out;
    const QString name = image.tags.isEmpty() ? QStringLiteral("(untagged)") : image.tags.join(QStringLiteral(", "));
    out += QStringLiteral("Image     %1\n").arg(name);
    out += QStringLiteral("Source    %1 (%2%3)\n")
               .arg(image.sourcePath, image.format,
                    image.outerCompression.isEmpty() ? QString() : QStringLiteral(", ") + image.outerCompression);
    out += QStringLiteral("Platform  %1\n\n").arg(image.platform());
    out += QStringLiteral("%1  %2  %3  %4  %5\n")
               .arg(QStringLiteral("LAYER"), 5)
               .arg(QStringLiteral("SIZE"), 9)
               .arg(QStringLiteral("STORED"), 9)
               .arg(QStringLiteral("ENTRIES"), 8)
               .arg(QStringLiteral("CREATED BY"));
    auto row = [&](const QString &index, const QString &size, const QString &stored, const QString &entries,
                   const QString &createdBy) {
        QString command = cleanCreatedBy(createdBy);
        if (command.size() > 90)
            command = command.left(89) + QChar(0x2026);
        out += QStringLiteral("%1  %2  %3  %4  %5\n").arg(index, 5).arg(size, 9).arg(stored, 9).arg(entries, 8).arg(command);
    };
    const auto &history = image.config.history;
    size_t nextLayer = 0;
    for (const HistoryEntry &entry : history) {
        if (entry.layerIndex < 0) {
            row(QStringLiteral("-"), QStringLiteral("0 B"), QStringLiteral("-"), QStringLiteral("-"), entry.createdBy);
            continue;
        }
        const Layer &layer = image.layers[size_t(entry.layerIndex)];
        row(QString::number(layer.index), formatBytes(layer.size), formatBytes(layer.compressedSize),
            QString::number(layer.entries.size()), entry.createdBy);
        nextLayer = size_t(entry.layerIndex) + 1;
    }
    for (; nextLayer < image.layers.size(); ++nextLayer) { // layers without history
        const Layer &layer = image.layers[nextLayer];
        row(QString::number(layer.index), formatBytes(layer.size), formatBytes(layer.compressedSize),
            QString::number(layer.entries.size()), QStringLiteral("(no history)"));
    }
    out += QStringLiteral("\n%1 layers, %2 (%3 stored); final filesystem: %4 paths, %5 files, %6\n")
               .arg(image.layers.size())
               .arg(formatBytes(image.sizeBytes()), formatBytes(image.compressedSizeBytes()))
               .arg(image.tree.finalEntryCount())
               .arg(image.tree.finalFileCount())
               .arg(formatBytes(image.tree.finalFileBytes()));
    for (const QString &warning : image.warnings)
        out += QStringLiteral("note: %1\n").arg(warning);
    return out;
}

} // namespace ballast
