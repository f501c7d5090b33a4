#include "PackageDatabaseFiles.h"
#include "ReaderSupport.h"

namespace ballast {
namespace {
using detail::nameOf;
using detail::parentOf;

bool isPythonPackagesDirectory(std::string_view directory)
{
    const std::string_view name = nameOf(directory);
    return name == "site-packages" || name == "dist-packages";
}

// node_modules/NAME/package.json or node_modules/@SCOPE/NAME/package.json
bool isNpmManifest(std::string_view path)
{
    const std::string_view package = parentOf(path);
    const std::string_view above = parentOf(package);
    if (package.empty() || nameOf(package).starts_with('.') || nameOf(package).starts_with('@'))
        return false;
    if (nameOf(above) == "node_modules")
        return true;
    return nameOf(above).starts_with('@') && nameOf(parentOf(above)) == "node_modules";
}

} // namespace

bool isPackageDatabaseFile(std::string_view path)
{
    // Most entries are none of these: decide on the file name first, which is cheap.
    const std::string_view name = nameOf(path);
    const std::string_view directory = parentOf(path);
    if (name == "package.json")
        return isNpmManifest(path);
    if (name == "RECORD")
        return nameOf(directory).ends_with(".dist-info") && isPythonPackagesDirectory(parentOf(directory));
    if (name == "installed-files.txt")
        return nameOf(directory).ends_with(".egg-info") && isPythonPackagesDirectory(parentOf(directory));
    if (name.ends_with(".list"))
        return directory == "var/lib/dpkg/info";
    if (directory == "var/lib/dpkg/status.d") // distroless: NAME (its status) and NAME.md5sums (its files)
        return true;
    return path == "var/lib/dpkg/status" || path == "var/lib/apt/extended_states" || path == "lib/apk/db/installed"
        || path == "var/lib/rpm/rpmdb.sqlite" || path == "usr/lib/sysimage/rpm/rpmdb.sqlite";
}

} // namespace ballast
