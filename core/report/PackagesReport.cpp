#include "PackagesReport.h"

#include "report/CreatedBy.h"
#include "util/ByteFormat.h"
#include "util/PathNormalizer.h"

#include <algorithm>

namespace ballast {
namespace {

std::string displayed(const std::string &bytes)
{
    return displayPath(bytes).toStdString();
}

nlohmann::ordered_json layerOrNull(int layer)
{
    return layer >= 0 ? nlohmann::ordered_json(layer) : nlohmann::ordered_json(nullptr);
}

// The packages `listing` shows, in its order.
std::vector<const InstalledPackage *> listed(const PackageReport &report, const PackageListing &listing)
{
    std::vector<const InstalledPackage *> out;
    for (const InstalledPackage &package : report.packages)
        if (listing.layer < 0 || bytesInLayer(package, listing.layer) > 0)
            out.push_back(&package);
    const auto size = [&](const InstalledPackage *package) {
        return listing.layer < 0 ? package->sizeBytes : bytesInLayer(*package, listing.layer);
    };
    std::stable_sort(out.begin(), out.end(), [&](const InstalledPackage *a, const InstalledPackage *b) {
        if (listing.byName)
            return a->name != b->name ? a->name < b->name : a->ecosystem < b->ecosystem;
        return size(a) > size(b);
    });
    return out;
}

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    return u'"' + QString(text).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

} // namespace

int64_t bytesInLayer(const InstalledPackage &package, int layer)
{
    for (const PackageLayerBytes &bytes : package.layers)
        if (bytes.layer == layer)
            return bytes.bytes;
    return 0;
}

int64_t unpackagedBytesInLayer(const Image &image, const PackageReport &report, int layer)
{
    int64_t written = 0;
    for (const LayerEntry &entry : image.layers[size_t(layer)].entries)
        written += entry.type == EntryType::File ? entry.size : 0;
    for (const InstalledPackage &package : report.packages)
        written -= bytesInLayer(package, layer);
    return written;
}

nlohmann::ordered_json packagesJson(const PackageReport &report)
{
    auto out = nlohmann::ordered_json::array();
    for (const InstalledPackage &package : report.packages) {
        auto layers = nlohmann::ordered_json::array();
        for (const PackageLayerBytes &bytes : package.layers)
            layers.push_back({ { "index", bytes.layer }, { "bytes", bytes.bytes } });
        out.push_back({ { "ecosystem", package.ecosystem.toStdString() }, { "name", displayed(package.name) },
            { "version", displayed(package.version) }, { "sizeBytes", package.sizeBytes },
            { "fileCount", package.fileCount() }, { "installedInLayer", layerOrNull(package.installedInLayer) },
            { "layers", layers } });
    }
    return out;
}

QString packagesText(const Image &image, const PackageReport &report, const PackageListing &listing)
{
    QString out;
    const bool perLayer = listing.layer >= 0;
    if (perLayer) {
        const Layer &layer = image.layers[size_t(listing.layer)];
        const HistoryEntry *history
            = layer.historyIndex >= 0 ? &image.config.history[size_t(layer.historyIndex)] : nullptr;
        out += QStringLiteral("Layer %1 (%2): %3\n\n")
                   .arg(listing.layer)
                   .arg(formatBytes(layer.size),
                       history ? cleanCreatedBy(history->createdBy) : QStringLiteral("(no history)"));
    }
    const auto row = [&](const QString &name, const QString &version, const QString &ecosystem, const QString &size,
                         const QString &files, const QString &installed) {
        const QString line = QStringLiteral("%1  %2  %3  %4  %5  %6")
                                 .arg(name, -36)
                                 .arg(version, -24)
                                 .arg(ecosystem, -9)
                                 .arg(size, 10)
                                 .arg(files, 7)
                                 .arg(installed, 9);
        out += line.left(int(line.size())
                   - int(std::distance(
                       line.crbegin(), std::find_if(line.crbegin(), line.crend(), [](QChar c) { return c != u' '; }))))
            + u'\n';
    };
    row(QStringLiteral("PACKAGE"), QStringLiteral("VERSION"), QStringLiteral("ECOSYSTEM"),
        perLayer ? QStringLiteral("IN LAYER") : QStringLiteral("SIZE"), QStringLiteral("FILES"),
        QStringLiteral("INSTALLED"));
    const std::vector<const InstalledPackage *> packages = listed(report, listing);
    int64_t packagedBytes = 0;
    for (const InstalledPackage *package : packages) {
        const int64_t bytes = perLayer ? bytesInLayer(*package, listing.layer) : package->sizeBytes;
        packagedBytes += bytes;
        row(displayPath(package->name), displayPath(package->version), package->ecosystem, formatBytes(bytes),
            QString::number(package->fileCount()),
            package->installedInLayer >= 0 ? QStringLiteral("layer %1").arg(package->installedInLayer)
                                           : QStringLiteral("-"));
    }
    const int64_t unpackaged = perLayer ? unpackagedBytesInLayer(image, report, listing.layer) : report.unpackagedBytes;
    row(QStringLiteral("(not from a package)"), QString(), QString(), formatBytes(unpackaged),
        perLayer ? QString() : QString::number(report.unpackagedFileCount), QString());
    out += perLayer
        ? QStringLiteral("\n%1 packages wrote %2 in this layer; %3 of it belongs to no package\n")
              .arg(packages.size())
              .arg(formatBytes(packagedBytes), formatBytes(unpackaged))
        : QStringLiteral("\n%1 packages hold %2 of the final filesystem's %3; %4 belongs to no package\n")
              .arg(packages.size())
              .arg(formatBytes(packagedBytes), formatBytes(image.tree.finalFileBytes()), formatBytes(unpackaged));
    for (const QString &why : report.skipped)
        out += QStringLiteral("note: %1\n").arg(why);
    return out;
}

QString packagesCsv(const PackageReport &report, const PackageListing &listing)
{
    QString out = listing.layer >= 0
        ? QStringLiteral("ecosystem,name,version,bytesInLayer,fileCount,installedInLayer\n")
        : QStringLiteral("ecosystem,name,version,sizeBytes,fileCount,installedInLayer\n");
    for (const InstalledPackage *package : listed(report, listing))
        out += QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                   .arg(package->ecosystem, csvField(displayPath(package->name)),
                       csvField(displayPath(package->version)))
                   .arg(listing.layer >= 0 ? bytesInLayer(*package, listing.layer) : package->sizeBytes)
                   .arg(package->fileCount())
                   .arg(package->installedInLayer >= 0 ? QString::number(package->installedInLayer) : QString());
    return out;
}

nlohmann::ordered_json packagesDocument(const Image &image, const PackageReport &report, const PackageListing &listing)
{
    PackageReport shown;
    for (const InstalledPackage *package : listed(report, listing))
        shown.packages.push_back(*package);
    auto skipped = nlohmann::ordered_json::array();
    for (const QString &why : report.skipped)
        skipped.push_back(why.toStdString());
    return { { "source", image.sourcePath.toStdString() }, { "layer", layerOrNull(listing.layer) },
        { "unpackagedBytes",
            listing.layer >= 0 ? unpackagedBytesInLayer(image, report, listing.layer) : report.unpackagedBytes },
        { "unpackagedFileCount",
            listing.layer >= 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(report.unpackagedFileCount) },
        { "packages", packagesJson(shown) }, { "skipped", skipped } };
}

} // namespace ballast
