#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ballast {

// What dpkg's database says about one installed package.
struct DpkgPackage {
    std::string name; // Package:
    std::string version; // Version:, as dpkg writes it ("1:2.36-9+deb12u4")
    std::string architecture; // Architecture: ("amd64", "all")
    bool multiArchSame = false; // Multi-Arch: same; its file list is then NAME:ARCH.list
};

// The installed packages of a dpkg status file, in file order: the paragraphs whose Status: ends in
// "installed" ("install ok installed", and "hold ok installed" for a held package). Packages only
// configured, removed or half-installed are left out. Distroless images write one status.d/NAME file
// per package without a Status: field; `statusRequired = false` reads those, where every paragraph
// with a Package: counts. Never throws: text that is not a status file yields what parses.
std::vector<DpkgPackage> readDpkgStatus(std::string_view text, bool statusRequired = true);

// The name dpkg gives the file list of `package` in var/lib/dpkg/info/, without ".list".
std::string dpkgListName(const DpkgPackage &package);

// The paths a var/lib/dpkg/info/NAME.list file names, normalised as entry paths are ("/usr/bin/bash"
// gives "usr/bin/bash"); the root "/." is left out.
std::vector<std::string> readDpkgList(std::string_view text);

// The paths of a distroless status.d/NAME.md5sums file: one "CHECKSUM  PATH" per line.
std::vector<std::string> readDpkgMd5sums(std::string_view text);

} // namespace ballast
