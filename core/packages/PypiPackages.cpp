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
        PackageClaim &claim = out.emplace_back();
        claim.package.ecosystem = QStringLiteral("pypi");
        claim.package.name = distribution.name;
        claim.package.version = distribution.version;
        if (const auto copies = kept.layerCopies(path); !copies.empty())
            claim.package.installedInLayer = copies.front().first;
        // RECORD names paths from the site-packages directory, installed-files.txt from its own.
        const std::string_view base = record ? parentOf(metadataDirectory) : metadataDirectory;
        for (const std::string &listed : record ? readPythonRecord(*bytes) : readEggInstalledFiles(*bytes))
            if (std::string file = resolved(base, listed); !file.empty())
                claim.paths.push_back(std::move(file));
    }
    return out;
}

} // namespace ballast::detail
