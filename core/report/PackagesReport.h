#pragma once
#include "image/Image.h"
#include "packages/PackageAttribution.h"

#include <QString>
#include <nlohmann/json.hpp>

namespace ballast {

// The `packages` array of `ballast-cli analyze --format json`: {ecosystem, name, version, sizeBytes,
// fileCount, installedInLayer, layers: [{index, bytes}]} per package, in database order. Names and
// versions with bytes that are not UTF-8 are written with \xNN escapes, as paths are.
nlohmann::ordered_json packagesJson(const PackageReport &report);

// What `ballast-cli packages` lists: every package, or with `layer` >= 0 those whose files that layer
// wrote (their bytes in that layer, copies hidden later included); largest first, or by name.
struct PackageListing {
    int layer = -1;
    bool byName = false;
};

// A table with a "(not from a package)" row and a summary line.
QString packagesText(const Image &image, const PackageReport &report, const PackageListing &listing);
// One row per package after a header row; the bytes of no package are not a row (the JSON has them).
QString packagesCsv(const PackageReport &report, const PackageListing &listing);
// {source, layer, unpackagedBytes, unpackagedFileCount (null for one layer), packages: […], skipped: […]}
nlohmann::ordered_json packagesDocument(const Image &image, const PackageReport &report, const PackageListing &listing);

// The bytes `layer` wrote for `package` (0 when none).
int64_t bytesInLayer(const InstalledPackage &package, int layer);
// The regular-file bytes `layer` wrote, hidden later or not, that no package's files account for.
int64_t unpackagedBytesInLayer(const Image &image, const PackageReport &report, int layer);

} // namespace ballast
