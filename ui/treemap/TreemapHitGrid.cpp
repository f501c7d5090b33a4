#include "TreemapHitGrid.h"

#include "TreemapLayout.h"

#include <algorithm>
#include <cmath>

namespace ballast {
namespace {

struct Region {
    float x, y, w, h;
};

// The part of a tile that is its own: all of a leaf, the header band of a frame, nothing otherwise.
bool ownRegion(const Tile &tile, float headerHeight, Region &out)
{
    if (tile.isLeaf()) {
        out = { tile.x, tile.y, tile.w, tile.h };
        return tile.w > 0 && tile.h > 0;
    }
    if (!tile.hasHeader())
        return false;
    out = { tile.x, tile.y, tile.w, headerHeight };
    return true;
}

} // namespace

TreemapHitGrid::TreemapHitGrid(const TreemapLayout &layout)
    : m_tiles(&layout.tiles())
    , m_headerHeight(layout.options().headerHeight)
{
    const auto &tiles = layout.tiles();
    if (tiles.empty())
        return;
    const float width = layout.width(), height = layout.height();
    m_cell = std::max(4.f, std::sqrt(width * height / float(tiles.size())));
    m_columns = std::max(1, int(std::ceil(width / m_cell)));
    m_rows = std::max(1, int(std::ceil(height / m_cell)));
    const size_t cells = size_t(m_columns) * size_t(m_rows);

    // Two passes (count, then fill) into one compact array instead of a vector per cell.
    auto forEachCell = [&](const Region &r, auto &&visit) {
        const int c0 = std::clamp(int(r.x / m_cell), 0, m_columns - 1);
        const int c1 = std::clamp(int((r.x + r.w) / m_cell), 0, m_columns - 1);
        const int r0 = std::clamp(int(r.y / m_cell), 0, m_rows - 1);
        const int r1 = std::clamp(int((r.y + r.h) / m_cell), 0, m_rows - 1);
        for (int row = r0; row <= r1; ++row)
            for (int column = c0; column <= c1; ++column)
                visit(size_t(row) * size_t(m_columns) + size_t(column));
    };
    m_cellStart.assign(cells + 1, 0);
    Region region;
    for (const Tile &tile : tiles)
        if (ownRegion(tile, m_headerHeight, region))
            forEachCell(region, [&](size_t cell) { ++m_cellStart[cell + 1]; });
    for (size_t c = 0; c < cells; ++c)
        m_cellStart[c + 1] += m_cellStart[c];
    m_entries.resize(m_cellStart[cells]);
    std::vector<uint32_t> fill(m_cellStart.begin(), m_cellStart.end() - 1);
    for (uint32_t i = 0; i < uint32_t(tiles.size()); ++i)
        if (ownRegion(tiles[i], m_headerHeight, region))
            forEachCell(region, [&](size_t cell) { m_entries[fill[cell]++] = i; });
}

uint32_t TreemapHitGrid::tileAt(float x, float y) const
{
    if (m_columns == 0 || x < 0 || y < 0)
        return Tile::NoTile;
    const int column = int(x / m_cell), row = int(y / m_cell);
    if (column >= m_columns || row >= m_rows)
        return Tile::NoTile;
    const size_t cell = size_t(row) * size_t(m_columns) + size_t(column);
    const auto &tiles = *m_tiles;
    for (uint32_t e = m_cellStart[cell]; e < m_cellStart[cell + 1]; ++e) {
        const Tile &tile = tiles[m_entries[e]];
        const float h = tile.isLeaf() ? tile.h : m_headerHeight;
        if (x >= tile.x && x < tile.x + tile.w && y >= tile.y && y < tile.y + h)
            return m_entries[e];
    }
    // A point on a seam that float rounding left between two tiles: the zoom root holds it.
    return x < tiles[0].x + tiles[0].w && y < tiles[0].y + tiles[0].h ? 0 : Tile::NoTile;
}

std::vector<uint32_t> TreemapHitGrid::tilesAt(float x, float y) const
{
    std::vector<uint32_t> out;
    for (uint32_t t = tileAt(x, y); t != Tile::NoTile; t = (*m_tiles)[t].parent)
        out.push_back(t);
    return out;
}

size_t TreemapHitGrid::memoryBytes() const
{
    return sizeof(TreemapHitGrid) + m_cellStart.capacity() * sizeof(uint32_t) + m_entries.capacity() * sizeof(uint32_t);
}

} // namespace ballast
