#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ballast {

// One package of apk's database (lib/apk/db/installed) and the files it installed.
struct ApkPackage {
    std::string name; // P:
    std::string version; // V:, as apk writes it ("1.2.4-r2")
    std::string architecture; // A:
    std::vector<std::string> files; // each R: joined to the F: directory before it, normalised
};

// The packages of lib/apk/db/installed, in file order: records separated by blank lines, one
// "KEY:value" per line. Every record there is installed. Never throws: text that is not such a
// database yields what parses.
std::vector<ApkPackage> readApkInstalled(std::string_view text);

} // namespace ballast
