#pragma once
#include <cstdint>

namespace ballast {

enum class EntryType : uint8_t {
    File,
    Directory,
    Symlink,
    Hardlink,
    CharDevice,
    BlockDevice,
    Fifo,
    Socket,
    Whiteout, // `dir/.wh.NAME`: deletes dir/NAME from the layers below (OCI image spec, "Whiteouts")
    OpaqueWhiteout, // `dir/.wh..wh..opq`: hides everything the layers below hold in dir
};

const char *entryTypeName(EntryType type);

// One tar entry of a layer. Strings live in the layer's arena, so an entry is a fixed 64-byte record
// with no heap allocation of its own.
struct LayerEntry {
    uint32_t pathOffset = 0;
    uint32_t pathLength = 0;
    uint32_t linkOffset = 0;
    uint32_t linkLength = 0;
    int64_t size = 0; // the tar header's size (0 for hardlinks, whiteouts and directories)
    int64_t mtime = 0; // seconds since the epoch
    uint64_t contentHash = 0; // XXH3-64 of the content of regular files, 0 otherwise
    uint32_t mode = 0; // permission bits including setuid/setgid/sticky (07777)
    uint32_t uid = 0;
    uint32_t gid = 0;
    EntryType type = EntryType::File;
    char tarType = '0'; // the raw typeflag byte, kept for dive-compatible exports
};

} // namespace ballast
