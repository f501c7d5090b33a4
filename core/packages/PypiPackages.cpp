// pypi: each *.dist-info/RECORD and *.egg-info/installed-files.txt under a site-packages or
// dist-packages directory, as pip writes them.
#include "packages/PackageReaders.h"
#include "packages/PythonRecords.h"
#include "packages/ReaderSupport.h"
#include "util/PathNormalizer.h"

namespace ballast::detail {
namespace {
// `path` as the database wrote it, relative to `base`; empty when it climbs above the root.
std::string resolved(std::string_view base, std::string_view path)
{
    if (path.starts_with('/'))
        return normalizeEntryPath(path);
    return resolveInside(base, path).value_or(std::string());
}

// pip installs under one prefix: PREFIX/lib/pythonX.Y/site-packages, scripts in PREFIX/bin.
std::string_view prefixOf(std::string_view sitePackages)
{
    return parentOf(parentOf(parentOf(sitePackages)));
}

bool isInside(std::string_view path, std::string_view directory)
{
    return directory.empty()
        || (path.starts_with(directory) && path.size() > directory.size() && path[directory.size()] == '/');
}

} // namespace

std::vector<PackageClaim> readPypiPackages(const KeptDatabases &kept)
{
    std::vector<PackageClaim> out;
    for (const std::string &path : kept.finalKeptPaths()) {
        const std::string_view name = nameOf(path);
        const bool record = name == "RECORD";
        if (!record && name != "installed-files.txt")
            continue;
        const std::string *bytes = kept.finalBytes(path);
        if (!bytes)
            continue;
        const std::string_view metadataDirectory = parentOf(path);
        const PythonDistribution distribution = pythonDistributionOf(nameOf(metadataDirectory));
        // RECORD names paths from the site-packages directory, installed-files.txt from its own.
        const std::string_view sitePackages = parentOf(metadataDirectory);
        const std::string_view base = record ? sitePackages : metadataDirectory;
        const std::string_view prefix = prefixOf(sitePackages);
        std::vector<std::string> files;
        std::string outside;
        for (const std::string &listed : record ? readPythonRecord(*bytes) : readEggInstalledFiles(*bytes)) {
            std::string file = resolved(base, listed);
            if (file.empty() || !isInside(file, prefix)) {
                outside = listed;
                break;
            }
            files.push_back(std::move(file));
        }
        if (!outside.empty()) { // not something pip writes: a database that claims files it cannot own
            kept.skip(QStringLiteral("%1: names %2, outside the Python prefix %3; not read")
                          .arg(displayPath(path), displayPath(outside), QLatin1Char('/') + displayPath(prefix)));
            continue;
        }
        const auto copies = kept.layerCopies(path);
        PackageClaim &claim = out.emplace_back(
            newClaim("pypi", distribution.name, distribution.version, copies.empty() ? -1 : copies.front().first));
        claim.paths = std::move(files);
    }
    return out;
}

} // namespace ballast::detail
