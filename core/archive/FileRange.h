#pragma once
#include <QString>
#include <cstdint>

namespace ballast {

// A blob is always a byte range of a file on disk: a member of an uncompressed tar (read in place,
// never copied), or a whole file of an OCI layout directory.
struct FileRange {
    QString file;
    int64_t offset = 0;
    int64_t size = 0;
};

} // namespace ballast
