#pragma once
#include "packages/PackageAttribution.h"

#include <QString>
#include <string>
#include <vector>

namespace ballast {

// How one package differs from image A to image B.
struct PackageChange {
    enum class Kind { Added, Removed, Upgraded, Downgraded, Resized };
    Kind kind = Kind::Added;
    QString ecosystem;
    std::string name;
    std::string versionA, versionB; // empty on the side where it is absent
    int64_t bytesA = 0, bytesB = 0; // final-filesystem bytes it holds in each image
    int64_t deltaBytes() const { return bytesB - bytesA; }
};
const char *packageChangeName(PackageChange::Kind kind); // "added", "removed", "upgraded", …

struct PackageDiff {
    std::vector<PackageChange> changes; // largest |deltaBytes| first; unchanged packages are left out
    int64_t unpackagedBytesA = 0, unpackagedBytesB = 0;
};

// Matches packages by ecosystem and name (and version first, so that npm's nested copies of one name
// pair up with their own version): a package only in B is added, only in A removed; a matched pair with
// another version is upgraded or downgraded, one with the same version and other bytes resized.
PackageDiff diffPackages(const PackageReport &a, const PackageReport &b);

// <0, 0 or >0 as version `a` sorts before, with or after `b`, the way dpkg compares versions (epoch,
// then upstream version, then revision; '~' sorts before everything, letters before other
// characters). Used for every ecosystem: it orders rpm's, apk's and most pip and npm versions right;
// a semver pre-release ("2.0.0-rc.1") sorts after its release.
int compareVersions(std::string_view a, std::string_view b);

} // namespace ballast
