// deb: var/lib/dpkg/status with info/NAME.list, then distroless's status.d/NAME with NAME.md5sums.
#include "packages/DpkgDatabase.h"
#include "packages/PackageReaders.h"

namespace ballast::detail {

std::vector<PackageClaim> readDebPackages(const KeptDatabases &kept)
{
    std::vector<PackageClaim> out;
    const std::string_view statusPath = "var/lib/dpkg/status";
    if (const std::string *status = kept.finalBytes(statusPath)) {
        const auto first = firstListings(kept, statusPath, [](std::string_view text) { return readDpkgStatus(text); });
        for (const DpkgPackage &package : readDpkgStatus(*status)) {
            PackageClaim &claim
                = out.emplace_back(newClaim("deb", package.name, package.version, firstLayerOf(first, package.name)));
            const std::string *list = kept.finalBytes("var/lib/dpkg/info/" + dpkgListName(package) + ".list");
            if (!list && package.multiArchSame) // written before dpkg named lists by architecture
                list = kept.finalBytes("var/lib/dpkg/info/" + package.name + ".list");
            if (list)
                claim.paths = readDpkgList(*list);
        }
    }
    for (const std::string &name : kept.finalChildren("var/lib/dpkg/status.d")) {
        if (name.ends_with(".md5sums"))
            continue;
        const std::string path = "var/lib/dpkg/status.d/" + name;
        const std::string *status = kept.finalBytes(path);
        if (!status)
            continue;
        const auto first = firstListings(kept, path, [](std::string_view text) { return readDpkgStatus(text, false); });
        const std::string *sums = kept.finalBytes(path + ".md5sums");
        for (const DpkgPackage &package : readDpkgStatus(*status, false)) {
            PackageClaim &claim
                = out.emplace_back(newClaim("deb", package.name, package.version, firstLayerOf(first, package.name)));
            if (sums)
                claim.paths = readDpkgMd5sums(*sums);
        }
    }
    return out;
}

} // namespace ballast::detail
