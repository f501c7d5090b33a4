#include "TreemapLayout.h"

#include "Squarify.h"

#include <algorithm>
#include <cmath>

namespace ballast {
namespace {

using Shape = TreemapWeights::Shape;

// Adds the tile's own ridges to the cushion it inherits: z = 4h(x−x1)(x2−x)/(x2−x1) along each axis,
// so that every ridge has the same slope at its edges whatever its size (van Wijk & van de Wetering).
void addRidges(Tile &tile, float height)
{
    if (tile.w > 0) {
        tile.cushion[1] += 4 * height * (2 * tile.x + tile.w) / tile.w;
        tile.cushion[0] -= 4 * height / tile.w;
    }
    if (tile.h > 0) {
        tile.cushion[3] += 4 * height * (2 * tile.y + tile.h) / tile.h;
        tile.cushion[2] -= 4 * height / tile.h;
    }
}

TileKind kindOf(Shape shape)
{
    switch (shape) {
    case Shape::Directory:
        return TileKind::Directory;
    case Shape::CollapsedDirectory:
        return TileKind::CollapsedDirectory;
    default:
        return TileKind::File;
    }
}

} // namespace

std::shared_ptr<const TreemapLayout> TreemapLayout::build(const std::shared_ptr<const TreeScope> &scope,
    NodeId zoomRoot, float width, float height, const TreemapLayoutOptions &options, const std::atomic<bool> *cancelled)
{
    auto weights = TreemapWeights::compute(scope, cancelled);
    return weights ? build(weights, zoomRoot, width, height, options, cancelled) : nullptr;
}

std::shared_ptr<const TreemapLayout> TreemapLayout::build(const std::shared_ptr<const TreemapWeights> &weights,
    NodeId zoomRoot, float width, float height, const TreemapLayoutOptions &options, const std::atomic<bool> *cancelled)
{
    auto layout = std::make_shared<TreemapLayout>();
    layout->m_weights = weights;
    layout->m_width = width;
    layout->m_height = height;
    layout->m_options = options;
    const MergedTree &tree = weights->tree();
    NodeId root = zoomRoot < tree.nodeCount() ? zoomRoot : MergedTree::Root;
    while (root != MergedTree::Root && !weights->drawn(root))
        root = tree.parent(root);
    layout->m_root = root;
    if (!weights->drawn(root) || width < 1 || height < 1)
        return layout;

    // About one tile per minimum area, fewer in practice; trimmed at the end.
    layout->m_tiles.reserve(
        size_t(std::min(weights->files[root] * 1.2 + 16.0, double(width) * height / options.minimumArea)));
    Tile rootTile { 0, 0, width, height, { 0, 0, 0, 0 }, root, Tile::NoTile, 0, kindOf(weights->shape[root]), 0 };
    addRidges(rootTile, options.cushionHeight);
    layout->m_tiles.push_back(rootTile);
    std::vector<uint32_t> pending;
    if (rootTile.kind == TileKind::Directory)
        pending.push_back(0);
    size_t laidOut = 0;
    while (!pending.empty()) {
        if ((++laidOut & 0xff) == 0 && cancelled && cancelled->load(std::memory_order_relaxed))
            return nullptr;
        const uint32_t next = pending.back();
        pending.pop_back();
        layout->layOutChildren(next, pending);
    }
    layout->m_tiles.shrink_to_fit();
    layout->m_smallFiles.shrink_to_fit();
    layout->m_items = {};
    layout->m_areas = {};
    layout->m_rects = {};
    return layout;
}

void TreemapLayout::contentRect(const Tile &tile, float &x, float &y, float &w, float &h) const
{
    const float header = tile.hasHeader() ? m_options.headerHeight : 0.f;
    x = tile.x;
    y = tile.y + header;
    w = tile.w;
    h = tile.h - header;
}

void TreemapLayout::layOutChildren(uint32_t tileIndex, std::vector<uint32_t> &pending)
{
    const MergedTree &tree = m_weights->tree();
    const auto &bytes = m_weights->bytes;
    // A directory whose only child is a directory (usr/lib/go/pkg…) hands its header band down: the
    // child takes the whole frame and its label names both, instead of one band per level.
    if (m_tiles[tileIndex].hasHeader()) {
        NodeId only = MergedTree::NoNode;
        int drawn = 0;
        for (NodeId child : tree.children(m_tiles[tileIndex].node))
            if (m_weights->drawn(child) && ++drawn == 1)
                only = child;
        if (drawn == 1 && m_weights->shape[only] == Shape::Directory)
            m_tiles[tileIndex].flags &= uint8_t(~Tile::HasHeader);
    }
    const Tile parent = m_tiles[tileIndex]; // a copy: the array grows below
    float cx, cy, cw, ch;
    contentRect(parent, cx, cy, cw, ch);
    const double scale = double(cw) * ch / double(bytes[parent.node]);
    const double smallBelow = m_options.minimumArea / scale; // in bytes

    // Children big enough for a tile of their own, sorted by bytes; the rest are folded into one area
    // (only found by a partition, so that a directory of a million small files costs no sort).
    m_items.clear();
    SmallFilesInfo small { 0, 0, 0, 0 };
    NodeId onlySmall = MergedTree::NoNode;
    for (NodeId child : tree.children(parent.node)) {
        const int64_t b = bytes[child];
        if (b <= 0 || m_weights->shape[child] == Shape::Hidden)
            continue;
        if (double(b) < smallBelow) {
            small.bytes += b;
            small.files += m_weights->files[child];
            ++small.items;
            onlySmall = child;
        } else {
            m_items.push_back({ b, child });
        }
    }
    if (small.items == 1) { // one small child is just a small tile
        m_items.push_back({ small.bytes, onlySmall });
        small.items = 0;
    }
    auto heavierFirst
        = [](const Item &a, const Item &b) { return a.bytes != b.bytes ? a.bytes > b.bytes : a.node < b.node; };
    std::sort(m_items.begin(), m_items.end(), heavierFirst);
    if (small.items > 0) {
        const Item aggregate { small.bytes, MergedTree::NoNode };
        m_items.insert(std::upper_bound(m_items.begin(), m_items.end(), aggregate, heavierFirst), aggregate);
    }

    const size_t count = m_items.size();
    m_areas.resize(count);
    for (size_t i = 0; i < count; ++i)
        m_areas[i] = double(m_items[i].bytes) * scale;
    m_rects.resize(count);
    squarify({ cx, cy, cw, ch }, m_areas, m_rects);

    const uint16_t depth = uint16_t(std::min<int>(parent.depth + 1, UINT16_MAX));
    const float ridge = m_options.cushionHeight * std::pow(m_options.cushionFalloff, float(depth));
    const float header = m_options.headerHeight;
    const float minimumFrame = 2 * m_options.minimumSide;
    for (size_t i = 0; i < count; ++i) {
        const SquarifyRect &r = m_rects[i];
        Tile tile { float(r.x), float(r.y), float(r.w), float(r.h), {}, m_items[i].node, tileIndex, depth,
            TileKind::File, 0 };
        std::copy(std::begin(parent.cushion), std::end(parent.cushion), tile.cushion);
        addRidges(tile, ridge);
        const auto index = uint32_t(m_tiles.size());
        if (tile.node == MergedTree::NoNode) {
            tile.node = parent.node;
            tile.kind = TileKind::SmallFiles;
            small.tile = index;
            m_smallFiles.push_back(small);
        } else {
            tile.kind = kindOf(m_weights->shape[tile.node]);
            if (tile.kind == TileKind::Directory) {
                if (tile.w < minimumFrame || tile.h < minimumFrame) {
                    tile.kind = TileKind::CollapsedDirectory;
                } else {
                    if (header > 0 && tile.w >= 4 * header && tile.h >= 4 * header)
                        tile.flags |= Tile::HasHeader;
                    pending.push_back(index);
                }
            }
        }
        m_tiles.push_back(tile);
    }
}

const SmallFilesInfo *TreemapLayout::smallFilesOf(uint32_t tile) const
{
    auto it = std::lower_bound(m_smallFiles.begin(), m_smallFiles.end(), tile,
        [](const SmallFilesInfo &info, uint32_t t) { return info.tile < t; });
    return it != m_smallFiles.end() && it->tile == tile ? &*it : nullptr;
}

int64_t TreemapLayout::bytesOf(uint32_t tile) const
{
    const Tile &t = m_tiles[tile];
    if (t.kind == TileKind::SmallFiles) {
        const SmallFilesInfo *info = smallFilesOf(tile);
        return info ? info->bytes : 0;
    }
    return m_weights->bytes[t.node];
}

uint32_t TreemapLayout::tileOfNode(NodeId node) const
{
    if (m_tiles.empty() || node >= tree().nodeCount())
        return Tile::NoTile;
    std::vector<NodeId> chain; // node, its parent, … up to (not including) the zoom root
    for (NodeId n = node; n != m_root; n = tree().parent(n)) {
        if (n == MergedTree::Root)
            return Tile::NoTile; // not below the zoom root
        chain.push_back(n);
    }
    // A directory's children are appended together, after it: one forward scan follows the chain down.
    const auto count = uint32_t(m_tiles.size());
    uint32_t current = 0, i = 1;
    for (size_t level = chain.size(); level-- > 0;) {
        while (i < count && m_tiles[i].parent != current)
            ++i;
        uint32_t found = Tile::NoTile, folded = Tile::NoTile;
        for (; i < count && m_tiles[i].parent == current; ++i) {
            if (m_tiles[i].kind == TileKind::SmallFiles)
                folded = i;
            else if (m_tiles[i].node == chain[level])
                found = i;
        }
        if (found == Tile::NoTile)
            return folded != Tile::NoTile && m_weights->drawn(chain[level]) ? folded : current;
        current = found;
        i = found + 1;
    }
    return current;
}

size_t TreemapLayout::memoryBytes() const
{
    return sizeof(TreemapLayout) + m_tiles.capacity() * sizeof(Tile) + m_smallFiles.capacity() * sizeof(SmallFilesInfo);
}

} // namespace ballast
