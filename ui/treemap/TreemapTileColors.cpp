// tileColors(): the fill of every tile under a colouring (declared in TreemapColors.h).
#include "TreemapColors.h"
#include "TreemapLayout.h"
#include "analysis/PathRules.h"

#include <string>

namespace ballast {
namespace {

bool isExecutableFile(const LayerEntry *entry)
{
    return entry && entry->type == EntryType::File && (entry->mode & 0111);
}

// The layer whose entry the node shows: the last writer, or for a node the selected layer removed, the
// layer that wrote what it removed.
int writerOf(const MergedTree &tree, MergedTree::NodeId node, int layer)
{
    const int writer = tree.lastWriter(node, layer);
    return writer >= 0 ? writer : tree.entryLayer(node, layer);
}

// Whether each directory tile lies in a package cache, from the paths of the frames: one string per
// directory tile, built from its parent's, so no path is walked twice.
std::vector<uint8_t> packageCacheFlags(const TreemapLayout &layout)
{
    const auto &tiles = layout.tiles();
    const MergedTree &tree = layout.tree();
    std::vector<uint8_t> cache(tiles.size(), 0);
    std::vector<std::string> paths(tiles.size());
    for (size_t i = 0; i < tiles.size(); ++i) {
        const Tile &tile = tiles[i];
        if (tile.kind == TileKind::File)
            continue;
        if (tile.parent == Tile::NoTile) {
            paths[i] = tree.path(tile.node);
        } else if (tile.kind == TileKind::SmallFiles) {
            cache[i] = cache[tile.parent];
            continue;
        } else {
            const std::string &above = paths[tile.parent];
            paths[i].reserve(above.size() + 1 + tree.name(tile.node).size());
            paths[i] = above;
            if (!paths[i].empty())
                paths[i] += '/';
            paths[i] += tree.name(tile.node);
        }
        cache[i] = (tile.parent != Tile::NoTile && cache[tile.parent]) || isPackageCacheDirectory(paths[i]);
    }
    return cache;
}

} // namespace

std::vector<QRgb> tileColors(const TreemapLayout &layout, TreemapColoring coloring)
{
    const auto &tiles = layout.tiles();
    std::vector<QRgb> colors(tiles.size());
    if (tiles.empty())
        return colors;
    const MergedTree &tree = layout.tree();
    const TreeScope &scope = *layout.weights().scope;
    const int layer = scope.layer;
    std::vector<uint8_t> cache;
    if (coloring == TreemapColoring::FileType)
        cache = packageCacheFlags(layout);
    std::array<QRgb, FileCategoryCount> categoryColors;
    for (int c = 0; c < FileCategoryCount; ++c)
        categoryColors[size_t(c)] = fileCategoryColor(FileCategory(c)).rgb();

    for (size_t i = 0; i < tiles.size(); ++i) {
        const Tile &tile = tiles[i];
        switch (tile.kind) {
        case TileKind::Directory:
            colors[i] = frameColor(tile.depth).rgb();
            continue;
        case TileKind::SmallFiles:
            colors[i] = smallFilesColor().rgb();
            continue;
        case TileKind::CollapsedDirectory:
            if (coloring == TreemapColoring::FileType) {
                colors[i]
                    = cache[i] ? categoryColors[size_t(FileCategory::PackageCache)] : collapsedDirectoryColor().rgb();
                continue;
            }
            break;
        case TileKind::File:
            if (coloring == TreemapColoring::FileType) {
                const bool inCache = tile.parent != Tile::NoTile && cache[tile.parent];
                const FileCategory category
                    = classifyFile(tree.name(tile.node), isExecutableFile(tree.entry(tile.node, layer)), inCache);
                colors[i] = categoryColors[size_t(category)];
                continue;
            }
            break;
        }
        colors[i] = coloring == TreemapColoring::Layer ? layerColor(writerOf(tree, tile.node, layer)).rgb()
                                                       : treemapStatusColor(scope.snapshot.status[tile.node]).rgb();
    }
    return colors;
}

} // namespace ballast
