#pragma once
#include <QString>
#include <cstdint>
#include <string>
#include <vector>

namespace ballast {

// The members of an uncompressed outer tar (docker save, OCI archive) with the byte offset of each
// member's data, so that layer blobs can be read in place and in parallel. Only headers are read:
// ustar, POSIX pax (path, linkpath, size) and GNU long names (././@LongLink).
struct TarMember {
    std::string path; // normalised
    std::string linkTarget; // raw link name for symlinks and hardlinks
    char type = '0';
    int64_t dataOffset = 0;
    int64_t size = 0;
};

struct TarListing {
    std::vector<TarMember> members;
    bool endMarkerSeen = false; // false when the tar stops without its two zero blocks (truncated?)
    int64_t fileSize = 0;
};

class TarIndex {
public:
    // Throws LoadError naming `file` and the offending header when the tar is damaged.
    static TarListing read(const QString &file);
    // True when the 512-byte block looks like a tar header (magic or valid checksum).
    static bool looksLikeTarHeader(const char *block512);
};

} // namespace ballast
