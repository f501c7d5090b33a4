// apk: lib/apk/db/installed, which lists each package's files itself.
#include "packages/ApkDatabase.h"
#include "packages/PackageReaders.h"

namespace ballast::detail {

std::vector<PackageClaim> readApkPackages(const KeptDatabases &kept)
{
    std::vector<PackageClaim> out;
    const std::string_view databasePath = "lib/apk/db/installed";
    const std::string *database = kept.finalBytes(databasePath);
    if (!database)
        return out;
    const auto first = firstListings(kept, databasePath, readApkInstalled);
    for (ApkPackage &package : readApkInstalled(*database)) {
        PackageClaim &claim
            = out.emplace_back(newClaim("apk", package.name, package.version, firstLayerOf(first, package.name)));
        claim.paths = std::move(package.files);
    }
    return out;
}

} // namespace ballast::detail
