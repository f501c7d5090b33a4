#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ballast {

// One package of an rpm database and the files it installed.
struct RpmPackage {
    std::string name; // RPMTAG_NAME
    std::string version; // "[EPOCH:]VERSION-RELEASE", as rpm -q prints it
    std::string architecture; // RPMTAG_ARCH
    std::vector<std::string> files; // normalised entry paths: DIRNAMES[DIRINDEXES[i]] + BASENAMES[i]
};

// One header blob as rpm stores it in its database: a count of index entries and the data length
// (both big-endian 32-bit), the 16-byte index entries (tag, type, offset, count), then the data.
// nullopt when the blob is not such a header or names data outside itself.
std::optional<RpmPackage> readRpmHeader(std::string_view blob);

// The packages of an rpmdb.sqlite file (its Packages table, in the order rpm inserted them), or an
// error saying why the file could not be read. SQLite reads the bytes from memory, read-only; nothing
// is written anywhere.
struct RpmDatabase {
    std::vector<RpmPackage> packages;
    std::string error; // empty when the database was read
};
RpmDatabase readRpmSqlite(std::string_view bytes);

} // namespace ballast
