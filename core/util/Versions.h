#pragma once
#include <QString>
#include <utility>
#include <vector>

namespace ballast {

// Ballast's version (from project() in the top-level CMakeLists.txt, the one place it is set).
QString ballastVersion();

// The libraries doing the heavy lifting, with the versions running now (not the headers built
// against, where the library can tell): shown by `--version` and Help › About, and asked for in
// bug reports because decompression and tar parsing bugs are version-specific.
std::vector<std::pair<QString, QString>> libraryVersions();

} // namespace ballast
