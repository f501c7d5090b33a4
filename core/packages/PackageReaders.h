#pragma once
// Internal to bytes per package: one reader per package ecosystem. Each turns the databases the loader
// kept into the packages they list and the paths each package installed; attributePackages() then
// gives every file to the first package that claims it. A reader never throws: a damaged database
// yields what parses, and one it cannot read at all is named in KeptDatabases::skipped().
#include "packages/KeptDatabases.h"
#include "packages/PackageAttribution.h"

#include <map>

namespace ballast::detail {

struct PackageClaim {
    InstalledPackage package; // ecosystem, name, version and installedInLayer; the sizes come later
    std::vector<std::string> paths; // normalised entry paths, as the database names them
};

using PackageReader = std::vector<PackageClaim> (*)(const KeptDatabases &kept);

// A claim for a package with no paths yet.
inline PackageClaim newClaim(const char *ecosystem, std::string name, std::string version, int installedInLayer)
{
    PackageClaim claim;
    claim.package.ecosystem = QLatin1String(ecosystem);
    claim.package.name = std::move(name);
    claim.package.version = std::move(version);
    claim.package.installedInLayer = installedInLayer;
    return claim;
}

std::vector<PackageClaim> readDebPackages(const KeptDatabases &kept);
std::vector<PackageClaim> readApkPackages(const KeptDatabases &kept);
std::vector<PackageClaim> readRpmPackages(const KeptDatabases &kept);
std::vector<PackageClaim> readPypiPackages(const KeptDatabases &kept);
std::vector<PackageClaim> readNpmPackages(const KeptDatabases &kept);

// The first layer whose copy of `path` lists each package, by name: `parse` turns one copy's bytes
// into the packages it lists (anything with a `name`).
template <typename Parse>
std::map<std::string, int> firstListings(const KeptDatabases &kept, std::string_view path, Parse parse)
{
    std::map<std::string, int> first;
    for (const auto &[layer, bytes] : kept.layerCopies(path))
        for (const auto &package : parse(*bytes))
            first.emplace(package.name, layer);
    return first;
}

// The layer `first` names for `name`, or -1.
inline int firstLayerOf(const std::map<std::string, int> &first, const std::string &name)
{
    const auto it = first.find(name);
    return it == first.end() ? -1 : it->second;
}

} // namespace ballast::detail
