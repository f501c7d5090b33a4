// fuzz_package_databases: the package database readers on their own. The first byte picks the reader
// (modulo 5): 0 dpkg (status, status.d, .list and .md5sums), 1 apk's installed, 2 one rpm header
// blob, 3 an rpmdb.sqlite file, 4 pip's RECORD and installed-files.txt and a metadata directory name.
// The rest is the file. Every path a reader returns must be a normalised entry path: relative, no
// empty, "." or ".." component, so that no database can name a file outside the image.
#include "FuzzSupport.h"
#include "packages/ApkDatabase.h"
#include "packages/DpkgDatabase.h"
#include "packages/PythonRecords.h"
#include "packages/RpmDatabase.h"

#include <string_view>

namespace {

bool isNormalised(std::string_view path)
{
    if (path.empty() || path.front() == '/' || path.back() == '/')
        return false;
    while (!path.empty()) {
        const size_t slash = path.find('/');
        const std::string_view part = path.substr(0, slash);
        if (part.empty() || part == "." || part == "..")
            return false;
        if (slash == std::string_view::npos)
            break;
        path.remove_prefix(slash + 1);
    }
    return true;
}

void checkPaths(const std::vector<std::string> &paths)
{
    for (const std::string &path : paths)
        FUZZ_CHECK(isNormalised(path), "a database's paths are normalised entry paths");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const std::string_view text(reinterpret_cast<const char *>(data) + 1, size - 1);
    switch (data[0] % 5) {
    case 0:
        for (const bool statusRequired : { true, false })
            for (const ballast::DpkgPackage &package : ballast::readDpkgStatus(text, statusRequired)) {
                FUZZ_CHECK(!package.name.empty(), "every dpkg package has a name");
                FUZZ_CHECK(!ballast::dpkgListName(package).empty(), "every dpkg package has a list name");
            }
        checkPaths(ballast::readDpkgList(text));
        checkPaths(ballast::readDpkgMd5sums(text));
        break;
    case 1:
        for (const ballast::ApkPackage &package : ballast::readApkInstalled(text)) {
            FUZZ_CHECK(!package.name.empty(), "every apk package has a name");
            checkPaths(package.files);
        }
        break;
    case 2:
        if (const auto package = ballast::readRpmHeader(text)) {
            FUZZ_CHECK(!package->name.empty(), "a read rpm header has a name");
            checkPaths(package->files);
        }
        break;
    case 3: {
        const ballast::RpmDatabase database = ballast::readRpmSqlite(text);
        for (const ballast::RpmPackage &package : database.packages) {
            FUZZ_CHECK(!package.name.empty(), "a read rpm header has a name");
            checkPaths(package.files);
        }
        break;
    }
    default:
        for (const std::string &path : ballast::readPythonRecord(text))
            FUZZ_CHECK(!path.empty(), "RECORD paths are not empty");
        for (const std::string &path : ballast::readEggInstalledFiles(text))
            FUZZ_CHECK(!path.empty(), "installed-files.txt paths are not empty");
        (void)ballast::pythonDistributionOf(text);
        break;
    }
    return 0;
}
