#include "DiveExport.h"

#include "analysis/LayerOwnTree.h"
#include "util/PathNormalizer.h"

namespace ballast {
namespace {

// dive prints 1.0 as 1 (Go's float formatting); keep integral scores integral.
nlohmann::ordered_json goFloat(double value)
{
    if (value == double(int64_t(value)))
        return int64_t(value);
    return value;
}

QString firstComponent(const QString &archivePath)
{
    return archivePath.section(QLatin1Char('/'), 0, 0);
}

} // namespace

uint32_t goFileMode(const LayerEntry &entry)
{
    uint32_t mode = entry.mode & 0777;
    if (entry.mode & 04000)
        mode |= 1u << 23; // ModeSetuid
    if (entry.mode & 02000)
        mode |= 1u << 22; // ModeSetgid
    if (entry.mode & 01000)
        mode |= 1u << 20; // ModeSticky
    switch (entry.type) {
    case EntryType::Directory:
        mode |= 1u << 31;
        break;
    case EntryType::Symlink:
        mode |= 1u << 27;
        break;
    case EntryType::BlockDevice:
        mode |= 1u << 26;
        break;
    case EntryType::CharDevice:
        mode |= (1u << 26) | (1u << 21);
        break;
    case EntryType::Fifo:
        mode |= 1u << 25;
        break;
    case EntryType::Socket:
        mode |= 1u << 24;
        break;
    default:
        break;
    }
    return mode;
}

nlohmann::ordered_json diveExportJson(const Image &image, const ImageAnalysis &analysis)
{
    auto layers = nlohmann::ordered_json::array();
    for (const Layer &layer : image.layers) {
        auto fileList = nlohmann::ordered_json::array();
        for (const OwnTreeItem &item : layerOwnTree(image, layer.index)) {
            if (item.entry == MergedTree::NoEntry) { // an implied parent: dive's zero FileInfo
                fileList.push_back({ { "path", "" }, { "typeFlag", 0 }, { "linkName", "" }, { "size", 0 },
                    { "fileMode", 0 }, { "uid", 0 }, { "gid", 0 }, { "isDir", false } });
                continue;
            }
            const LayerEntry &entry = layer.entries[item.entry];
            fileList.push_back({ { "path", displayPath(layer.path(entry)).toStdString() },
                { "typeFlag", int(static_cast<unsigned char>(entry.tarType)) },
                { "linkName", displayPath(layer.linkTarget(entry)).toStdString() }, { "size", entry.size },
                { "fileMode", goFileMode(entry) }, { "uid", entry.uid }, { "gid", entry.gid },
                { "isDir", entry.type == EntryType::Directory } });
        }
        QString command = QStringLiteral("(missing)"); // what dive prints when history runs out
        if (layer.historyIndex >= 0) {
            command = image.config.history[size_t(layer.historyIndex)].createdBy;
            if (command.startsWith(QLatin1String("/bin/sh -c ")))
                command = command.mid(11);
        }
        layers.push_back({ { "index", layer.index }, { "id", firstComponent(layer.archivePath).toStdString() },
            { "digestId", layer.diffId.toStdString() }, { "sizeBytes", layer.size },
            { "command", command.toStdString() }, { "fileList", fileList } });
    }
    auto references = nlohmann::ordered_json::array();
    for (const Inefficiency &item : analysis.dive.inefficiencies)
        references.push_back({ { "count", item.count }, { "sizeBytes", item.wastedBytes },
            { "file", displayPath(item.path).toStdString() } });
    nlohmann::ordered_json out;
    out["layer"] = layers;
    out["image"] = { { "sizeBytes", image.sizeBytes() }, { "inefficientBytes", analysis.dive.wastedBytes },
        { "efficiencyScore", goFloat(analysis.dive.efficiency) }, { "fileReference", references } };
    return out;
}

} // namespace ballast
