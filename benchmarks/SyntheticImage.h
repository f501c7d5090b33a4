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
// `seed` varies sizes and contents (not paths): two seeds give two versions of the same image.
SyntheticImageFigures writeSyntheticDockerArchive(const QString &path, int layers, int64_t entries, uint64_t seed = 42);
