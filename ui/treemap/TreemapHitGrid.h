#pragma once
#include "TreemapTile.h"

#include <memory>
#include <vector>

namespace ballast {

class TreemapLayout;

// Point → tile in O(1): a uniform grid over the layout whose cells list the leaf tiles (files, collapsed
// directories, small-files areas) and the header bands of directory frames that overlap them. Leaves and
// header bands tile the layout without overlap, so the first one that contains the point is the answer;
// its ancestors follow from Tile::parent. Cells are sized so that there are about as many cells as
// tiles: a few entries per cell whatever the layout.
class TreemapHitGrid {
public:
    explicit TreemapHitGrid(const TreemapLayout &layout);

    // The deepest tile at (x, y): a leaf, or a directory frame when the point is on its header band.
    // Tile::NoTile outside the layout.
    uint32_t tileAt(float x, float y) const;
    // The tile at (x, y) and its enclosing directory frames, deepest first.
    std::vector<uint32_t> tilesAt(float x, float y) const;
    size_t memoryBytes() const;
    float cellSize() const { return m_cell; }

private:
    const std::vector<Tile> *m_tiles;
    float m_headerHeight;
    float m_cell = 1;
    int m_columns = 0, m_rows = 0;
    std::vector<uint32_t> m_cellStart; // cell c's entries are m_entries[m_cellStart[c] .. m_cellStart[c+1])
    std::vector<uint32_t> m_entries; // tile indices
};

} // namespace ballast
