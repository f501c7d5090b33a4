// rpm: rpmdb.sqlite in var/lib/rpm/ or usr/lib/sysimage/rpm/ (Fedora 33 and later, RHEL and UBI 9).
// The Berkeley DB and ndb databases of older and other systems are named as unsupported, not guessed.
#include "packages/PackageReaders.h"
#include "packages/RpmDatabase.h"
#include "util/PathNormalizer.h"

namespace ballast::detail {
namespace {

constexpr std::string_view SqliteDatabases[] = { "usr/lib/sysimage/rpm/rpmdb.sqlite", "var/lib/rpm/rpmdb.sqlite" };
constexpr std::string_view UnsupportedDatabases[] = { "var/lib/rpm/Packages", "var/lib/rpm/Packages.db",
    "usr/lib/sysimage/rpm/Packages", "usr/lib/sysimage/rpm/Packages.db" };

bool inFinalFilesystem(const Image &image, std::string_view path)
{
    const MergedTree::NodeId node = image.tree.find(path);
    return node != MergedTree::NoNode && image.tree.existsAfter(node, int(image.layers.size()) - 1);
}

} // namespace

std::vector<PackageClaim> readRpmPackages(const KeptDatabases &kept)
{
    std::vector<PackageClaim> out;
    for (const std::string_view path : SqliteDatabases) {
        const std::string *bytes = kept.finalBytes(path);
        if (!bytes)
            continue;
        RpmDatabase database = readRpmSqlite(*bytes);
        if (!database.error.empty()) {
            kept.skip(QStringLiteral("%1: not read, SQLite says: %2")
                          .arg(displayPath(path), QString::fromStdString(database.error)));
            continue;
        }
        std::map<std::string, int> first;
        for (const auto &[layer, copy] : kept.layerCopies(path))
            for (const RpmPackage &package : readRpmSqlite(*copy).packages)
                first.emplace(package.name, layer);
        for (RpmPackage &package : database.packages) {
            PackageClaim &claim
                = out.emplace_back(newClaim("rpm", package.name, package.version, firstLayerOf(first, package.name)));
            claim.paths = std::move(package.files);
        }
        return out; // one system database: a second path is a link to the first
    }
    for (const std::string_view path : UnsupportedDatabases)
        if (inFinalFilesystem(kept.image(), path))
            kept.skip(QStringLiteral("%1: an rpm database in Berkeley DB or ndb format, which Ballast does not "
                                     "read; the files of its packages count as no package's")
                          .arg(displayPath(path)));
    return out;
}

} // namespace ballast::detail
