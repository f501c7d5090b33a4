#include "LayerPackages.h"

#include "packages/KeptDatabases.h"
#include "packages/ReaderSupport.h"
#include "report/PackagesReport.h"
#include "util/ByteFormat.h"
#include "util/PathNormalizer.h"

#include <algorithm>
#include <optional>
#include <set>

namespace ballast {
namespace {

// The packages apt's extended_states marks "Auto-Installed: 1", by name; nullopt without the file.
std::optional<std::set<std::string>> autoInstalledPackages(const Image &image)
{
    const detail::KeptDatabases kept(image);
    const std::string *states = kept.finalBytes("var/lib/apt/extended_states");
    if (!states)
        return std::nullopt;
    std::set<std::string> out;
    std::string package;
    detail::forEachLine(*states, [&](std::string_view line) {
        if (line.starts_with("Package:"))
            package = detail::trimmed(line.substr(8));
        else if (line.starts_with("Auto-Installed:") && detail::trimmed(line.substr(15)) == "1" && !package.empty())
            out.insert(package);
        else if (detail::trimmed(line).empty())
            package.clear();
    });
    return out;
}

constexpr size_t LargestNamed = 3;

LayerPackages packagesOfLayer(
    const Image &image, const PackageReport &report, int layer, const std::optional<std::set<std::string>> &automatic)
{
    LayerPackages out;
    for (const InstalledPackage &package : report.packages)
        if (package.installedInLayer == layer) {
            out.installed.push_back(&package);
            out.installedBytes += bytesInLayer(package, layer);
        }
    std::stable_sort(
        out.installed.begin(), out.installed.end(), [layer](const InstalledPackage *a, const InstalledPackage *b) {
            return bytesInLayer(*a, layer) > bytesInLayer(*b, layer);
        });
    out.unpackagedBytes = unpackagedBytesInLayer(image, report, layer);
    if (automatic) {
        out.autoInstalled = 0;
        for (const InstalledPackage *package : out.installed)
            out.autoInstalled += package->ecosystem == QLatin1String("deb") && automatic->count(package->name) ? 1 : 0;
    }
    return out;
}

} // namespace

std::vector<LayerPackages> packagesOfLayers(const Image &image, const PackageReport &report)
{
    const std::optional<std::set<std::string>> automatic = autoInstalledPackages(image);
    std::vector<LayerPackages> out;
    out.reserve(image.layers.size());
    for (int layer = 0; layer < int(image.layers.size()); ++layer)
        out.push_back(packagesOfLayer(image, report, layer, automatic));
    return out;
}

QString describeLayerPackages(const LayerPackages &packages, bool suggestNoRecommends)
{
    if (packages.installed.empty())
        return {};
    const int layer = packages.installed.front()->installedInLayer;
    const auto named = [layer](const InstalledPackage *package) {
        return QStringLiteral("%1 (%2)").arg(displayPath(package->name), formatBytes(bytesInLayer(*package, layer)));
    };
    QString text;
    if (packages.installed.size() == 1) {
        text = QStringLiteral("installed ") + named(packages.installed.front());
    } else {
        QStringList largest;
        for (size_t i = 0; i < packages.installed.size() && i < LargestNamed; ++i)
            largest << named(packages.installed[i]);
        text = QStringLiteral("installed %1 packages (%2), the largest %3")
                   .arg(packages.installed.size())
                   .arg(formatBytes(packages.installedBytes), largest.join(QStringLiteral(", ")));
    }
    if (packages.autoInstalled > 0) {
        text += QStringLiteral("; apt installed %1 of them automatically, as dependencies or recommendations")
                    .arg(packages.autoInstalled);
        if (suggestNoRecommends)
            text += QStringLiteral(" (try apt-get install --no-install-recommends)");
    }
    return text + QStringLiteral("; %1 of the layer belongs to no package").arg(formatBytes(packages.unpackagedBytes));
}

} // namespace ballast
