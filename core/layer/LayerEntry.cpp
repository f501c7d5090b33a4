#include "Layer.h"

namespace ballast {

const char *entryTypeName(EntryType type)
{
    switch (type) {
    case EntryType::File:
        return "file";
    case EntryType::Directory:
        return "dir";
    case EntryType::Symlink:
        return "symlink";
    case EntryType::Hardlink:
        return "hardlink";
    case EntryType::CharDevice:
        return "chardev";
    case EntryType::BlockDevice:
        return "blockdev";
    case EntryType::Fifo:
        return "fifo";
    case EntryType::Socket:
        return "socket";
    case EntryType::Whiteout:
        return "whiteout";
    case EntryType::OpaqueWhiteout:
        return "opaque-whiteout";
    }
    return "unknown";
}

const char *compressionName(Compression compression)
{
    switch (compression) {
    case Compression::None:
        return "none";
    case Compression::Gzip:
        return "gzip";
    case Compression::Zstd:
        return "zstd";
    }
    return "unknown";
}

} // namespace ballast
