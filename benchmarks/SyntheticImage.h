#pragma once
#include <QString>
#include <cstdint>

// Writes an uncompressed docker-save archive with `layers` layers and about `entries` tar entries in
// all, shaped like a real distribution image: a large base layer, then layers that add, modify and
// delete (whiteouts and an opaque directory). Returns the number of entries written.
struct SyntheticImageFigures {
    int64_t entries = 0;
    int64_t archiveBytes = 0;
};
// Layer 0 holds usr/share/wide/ with this many files.
constexpr int WideDirectoryEntries = 10000;
// Packages of the dpkg database `withDpkgDatabase` adds to layer 0: each lists the files of this many
// base directories (usr/lib/dN, 100 files each); one more lists usr/share/wide.
constexpr int DirectoriesPerPackage = 10;
// `seed` varies sizes and contents (not paths): two seeds give two versions of the same image.
// `withDpkgDatabase`: layer 0 also holds var/lib/dpkg/status and one info/NAME.list per package,
// which together list every file of layer 0, as a distribution's base layer does.
SyntheticImageFigures writeSyntheticDockerArchive(
    const QString &path, int layers, int64_t entries, uint64_t seed = 42, bool withDpkgDatabase = false);
