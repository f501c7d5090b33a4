#pragma once
#include <cstdint>

namespace ballast {

enum class TileKind : uint8_t {
    File, // a file, or anything else drawn as one tile with no children inside
    Directory, // a directory frame: its children are tiles of their own inside it
    CollapsedDirectory, // a directory too small (or filtered too far) to show its contents: one tile
    SmallFiles, // a directory's children too small to draw one by one, drawn together as one area
};

// One rectangle of a treemap, in the layout's pixel coordinates. Tiles live in one flat array, a
// directory always before its children, so that no per-tile object or pointer is needed (QDirStat's
// one QGraphicsItem per tile costs about 120 bytes and a pixmap each).
struct Tile {
    static constexpr uint32_t NoTile = UINT32_MAX;
    enum Flag : uint8_t { HasHeader = 1 }; // the top band of a directory frame holds its name

    float x, y, w, h;
    // The cushion surface over the tile, z = c[0]·x² + c[1]·x + c[2]·y² + c[3]·y: the sum of one
    // parabolic ridge per enclosing directory (van Wijk & van de Wetering, "Cushion Treemaps", 1999).
    float cushion[4];
    uint32_t node; // SmallFiles: the directory whose small children it stands for
    uint32_t parent; // index of the enclosing Directory tile; NoTile for the zoom root
    uint16_t depth; // 0 for the zoom root
    TileKind kind;
    uint8_t flags;

    bool isLeaf() const { return kind != TileKind::Directory; }
    bool hasHeader() const { return flags & HasHeader; }
    bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
};
static_assert(sizeof(Tile) == 44, "a tile stays a small flat record");

// What a SmallFiles tile stands for.
struct SmallFilesInfo {
    uint32_t tile;
    uint32_t items; // children of the directory folded into the area (files or directories)
    uint32_t files; // files at or below those children
    int64_t bytes;
};

} // namespace ballast
