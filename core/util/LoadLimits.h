#pragma once
#include <QString>
#include <cstdint>

namespace ballast {

// Bounds on what an untrusted image can make the loader hold, read or write, so that memory and disk
// stay bounded whatever the input. Every limit is a positive number (there is no "unlimited"); going
// over one is a LoadError that ends in "over the limit of M (--option)", naming the CLI option (and
// the GUI setting) that raises it.
struct LoadLimits {
    // Tar entries of all layers together. The merged tree needs about 200 bytes per entry, so the
    // default keeps it near 1 GB; the biggest real images hold well under a million entries.
    int64_t maxEntries = 5'000'000;
    // Components of a normalised entry path, and of a link target. A path within Linux's PATH_MAX (4096
    // bytes) has at most 2048, so nothing a real filesystem holds is refused; real images stay under 40.
    // Bounds the recursion of everything that walks the tree.
    int maxPathDepth = 2048;
    // Bytes of one component of an entry path or link target; Linux's NAME_MAX is 255.
    int maxNameLength = 1024;
    // Bytes of each JSON member: manifest.json, index.json, OCI manifests and indexes, the config.
    // Real configs with long histories are a few hundred KB.
    int64_t maxJsonBytes = 16 << 20;
    // Nesting of arrays and objects in that JSON; image metadata nests less than 10 deep.
    int maxJsonDepth = 64;
    // Uncompressed bytes of all layers together, and separately the bytes written when a whole
    // gzip/zstd archive is inflated into a temporary file: turns a decompression bomb into an error.
    int64_t maxUncompressedBytes = int64_t(64) << 30;
    // Bytes of package databases and file lists kept in memory for the package readers, all layers
    // together. Unlike the limits above, going over it is no error: the files past it are not kept,
    // and the package results name them. Real databases are a few MB (rpmdb.sqlite up to ~100 MB).
    int64_t maxPackageDatabaseBytes = int64_t(512) << 20;

    bool operator==(const LoadLimits &) const = default;
};

// The CLI options (without "--") that set each limit; messages name them.
inline constexpr const char *MaxEntriesOption = "max-entries";
inline constexpr const char *MaxPathDepthOption = "max-depth";
inline constexpr const char *MaxNameLengthOption = "max-name-length";
inline constexpr const char *MaxJsonBytesOption = "max-json-size";
inline constexpr const char *MaxJsonDepthOption = "max-json-depth";
inline constexpr const char *MaxUncompressedBytesOption = "max-bytes";
inline constexpr const char *MaxPackageDatabaseBytesOption = "max-package-databases";

// "over the limit of 10 (--max-entries)": how every limit message ends.
QString overTheLimit(int64_t limit, const char *option);

// `text` cut to about `maxChars` characters with "…" in the middle: an entry path may be the attack
// itself (megabytes long), and its start and end are what tell it apart.
QString shortenMiddle(const QString &text, int maxChars = 120);

} // namespace ballast
