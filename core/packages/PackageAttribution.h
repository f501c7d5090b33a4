#pragma once
#include "image/Image.h"

#include <QString>
#include <string>
#include <vector>

namespace ballast {

// The bytes one layer wrote for a package's files, including copies a later layer overwrote or deleted.
struct PackageLayerBytes {
    int layer = 0;
    int64_t bytes = 0;

    bool operator==(const PackageLayerBytes &) const = default;
};

// One installed package, as its package manager's database lists it, and the bytes it owns.
struct InstalledPackage {
    QString ecosystem; // "deb", "apk"
    std::string name;
    std::string version; // as the ecosystem writes it
    // Final-filesystem bytes of the regular files it owns that still exist, and their number.
    int64_t sizeBytes = 0;
    int64_t fileCount() const { return int64_t(files.size()); }
    int installedInLayer = -1; // the first layer whose database lists it; -1 when unknown
    std::vector<PackageLayerBytes> layers; // ascending, only layers that wrote some of its files
    std::vector<MergedTree::NodeId> files; // the final regular files it owns, in database order
};

// Every byte of the final filesystem attributed to a package, or to none.
struct PackageReport {
    std::vector<InstalledPackage> packages; // per ecosystem, in database order
    int64_t unpackagedBytes = 0; // final bytes owned by no package: caches, the user's own files
    int64_t unpackagedFileCount = 0; // final regular files owned by no package
    // Databases that were found but not read, each naming the file and why ("…: over the budget …").
    QStringList skipped;
};

// Reads the package databases the loader kept (LayerDecodeOptions::keep) out of `image`'s final
// filesystem and attributes its files. Paths a database names are resolved through the directory
// symlinks of the final filesystem (on merged-/usr systems dpkg lists lib/…, stored at usr/lib/…).
// Only regular files count, each once: a file two packages claim goes to the first in database order.
PackageReport attributePackages(const Image &image);

} // namespace ballast
