#pragma once
// Builds ballast::Layer objects in memory from a compact description, so merged-tree tests need no
// archives:
//
//     layer({F("a/b.txt", 10, 1), D("a"), WH("a/.wh.c"), OPQ("d"), L("lnk", "a/b.txt")})
//
// F = regular file (size, content hash), D = directory, L = symlink, H = hardlink, WH = whiteout
// marker `dir/.wh.NAME` (given as the full marker path), OPQ = opaque marker for a directory (given
// as the directory; the helper appends `/.wh..wh..opq`). Mode, uid and gid are set with .mode(),
// .owner(). Paths are stored as the layer decoder stores them: relative, no leading "./" or "/".
#include "layer/Layer.h"

#include <QMetaType>
#include <initializer_list>
#include <string>
#include <vector>

namespace treetest {

struct EntrySpec {
    std::string path;
    ballast::EntryType type = ballast::EntryType::File;
    int64_t size = 0;
    uint64_t hash = 0;
    uint32_t permissions = 0644;
    uint32_t uid = 0;
    uint32_t gid = 0;
    std::string link;
    int64_t mtime = 1700000000;

    EntrySpec mode(uint32_t m) const
    {
        EntrySpec e = *this;
        e.permissions = m;
        return e;
    }
    EntrySpec owner(uint32_t u, uint32_t g) const
    {
        EntrySpec e = *this;
        e.uid = u;
        e.gid = g;
        return e;
    }
    EntrySpec at(int64_t t) const
    {
        EntrySpec e = *this;
        e.mtime = t;
        return e;
    }
};

inline EntrySpec entrySpec(
    std::string path, ballast::EntryType type, int64_t size, uint64_t hash, uint32_t mode, std::string link = {})
{
    EntrySpec e;
    e.path = std::move(path);
    e.type = type;
    e.size = size;
    e.hash = hash;
    e.permissions = mode;
    e.link = std::move(link);
    return e;
}
inline EntrySpec F(std::string path, int64_t size, uint64_t hash)
{
    return entrySpec(std::move(path), ballast::EntryType::File, size, hash, 0644);
}
inline EntrySpec D(std::string path)
{
    return entrySpec(std::move(path), ballast::EntryType::Directory, 0, 0, 0755);
}
inline EntrySpec L(std::string path, std::string target)
{
    return entrySpec(std::move(path), ballast::EntryType::Symlink, 0, 0, 0777, std::move(target));
}
inline EntrySpec H(std::string path, std::string target)
{
    return entrySpec(std::move(path), ballast::EntryType::Hardlink, 0, 0, 0644, std::move(target));
}
inline EntrySpec WH(std::string markerPath)
{
    return entrySpec(std::move(markerPath), ballast::EntryType::Whiteout, 0, 0, 0);
}
inline EntrySpec OPQ(const std::string &dir)
{
    return entrySpec(
        dir.empty() ? std::string(".wh..wh..opq") : dir + "/.wh..wh..opq", ballast::EntryType::OpaqueWhiteout, 0, 0, 0);
}

using LayerSpec = std::vector<EntrySpec>;
using ImageSpec = std::vector<LayerSpec>;

inline char tarTypeOf(ballast::EntryType type)
{
    using ballast::EntryType;
    switch (type) {
    case EntryType::Directory:
        return '5';
    case EntryType::Symlink:
        return '2';
    case EntryType::Hardlink:
        return '1';
    case EntryType::CharDevice:
        return '3';
    case EntryType::BlockDevice:
        return '4';
    case EntryType::Fifo:
        return '6';
    default:
        return '0';
    }
}

inline ballast::Layer makeLayer(int index, const LayerSpec &spec)
{
    ballast::Layer layer;
    layer.index = index;
    for (const EntrySpec &s : spec) {
        ballast::LayerEntry e;
        e.pathOffset = uint32_t(layer.strings.size());
        e.pathLength = uint32_t(s.path.size());
        layer.strings += s.path;
        e.linkOffset = uint32_t(layer.strings.size());
        e.linkLength = uint32_t(s.link.size());
        layer.strings += s.link;
        e.type = s.type;
        e.tarType = tarTypeOf(s.type);
        e.size = s.size;
        e.contentHash = s.hash;
        e.mode = s.permissions;
        e.uid = s.uid;
        e.gid = s.gid;
        e.mtime = s.mtime;
        layer.size += s.size;
        layer.entries.push_back(e);
    }
    return layer;
}

// The layers must stay where they are while a MergedTree refers to them: build them once, then the tree.
inline std::vector<ballast::Layer> makeLayers(const ImageSpec &spec)
{
    std::vector<ballast::Layer> layers;
    layers.reserve(spec.size());
    for (size_t i = 0; i < spec.size(); ++i)
        layers.push_back(makeLayer(int(i), spec[i]));
    return layers;
}

} // namespace treetest

Q_DECLARE_METATYPE(treetest::ImageSpec)
