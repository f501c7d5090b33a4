#pragma once
#include "Squarify.h"
#include "TreemapTile.h"
#include "TreemapWeights.h"

#include <atomic>
#include <memory>
#include <vector>

namespace ballast {

struct TreemapLayoutOptions {
    // Children whose area would be below this many px² are drawn together as one small-files area
    // (QDirStat's minimum tile size).
    float minimumArea = 16.f;
    // Directories narrower or lower than twice this are drawn as one tile instead of a frame.
    float minimumSide = 4.f;
    // Height of the band that holds a directory's name; 0 for none. A frame gets one when it is at
    // least four bands wide and high (the band then takes at most a quarter of it).
    float headerHeight = 0.f;
    // Cushion ridges: the zoom root's height and the factor per level (van Wijk's h and f; these are
    // WinDirStat's defaults).
    float cushionHeight = 0.38f;
    float cushionFalloff = 0.91f;
    bool operator==(const TreemapLayoutOptions &) const = default;
};

// A squarified treemap of one directory of a scope in a width×height pixel rectangle: an immutable flat
// array of tiles, a directory always before its children. Within each directory frame the children's
// areas are proportional to their bytes and fill the frame's content (the frame minus its header band).
class TreemapLayout {
public:
    using NodeId = MergedTree::NodeId;

    // nullptr when `cancelled` became true. The zoom root falls back to its nearest drawn ancestor.
    static std::shared_ptr<const TreemapLayout> build(const std::shared_ptr<const TreemapWeights> &weights,
        NodeId zoomRoot, float width, float height, const TreemapLayoutOptions &options = {},
        const std::atomic<bool> *cancelled = nullptr);
    static std::shared_ptr<const TreemapLayout> build(const std::shared_ptr<const TreeScope> &scope, NodeId zoomRoot,
        float width, float height, const TreemapLayoutOptions &options = {},
        const std::atomic<bool> *cancelled = nullptr);

    const std::vector<Tile> &tiles() const { return m_tiles; }
    const std::vector<SmallFilesInfo> &smallFiles() const { return m_smallFiles; }
    const SmallFilesInfo *smallFilesOf(uint32_t tile) const;
    const TreemapWeights &weights() const { return *m_weights; }
    std::shared_ptr<const TreemapWeights> sharedWeights() const { return m_weights; }
    const MergedTree &tree() const { return m_weights->tree(); }
    NodeId root() const { return m_root; }
    float width() const { return m_width; }
    float height() const { return m_height; }
    const TreemapLayoutOptions &options() const { return m_options; }

    // The bytes a tile stands for (a small-files area: the bytes folded into it).
    int64_t bytesOf(uint32_t tile) const;
    // The content of a directory frame: the rectangle its children share.
    void contentRect(const Tile &tile, float &x, float &y, float &w, float &h) const;
    // The tile that shows `node`: its own, else the small-files area it was folded into, else its
    // nearest drawn ancestor's. NoTile when the node is not below the zoom root or nothing is drawn.
    uint32_t tileOfNode(NodeId node) const;
    // Tiles and small-files records; the hit-test grid is counted by TreemapHitGrid.
    size_t memoryBytes() const;

private:
    void layOutChildren(uint32_t tileIndex, std::vector<uint32_t> &pending);

    std::shared_ptr<const TreemapWeights> m_weights;
    NodeId m_root = MergedTree::Root;
    float m_width = 0, m_height = 0;
    TreemapLayoutOptions m_options;
    std::vector<Tile> m_tiles;
    std::vector<SmallFilesInfo> m_smallFiles; // sorted by tile
    // Scratch space reused from one directory to the next while building.
    struct Item {
        int64_t bytes;
        NodeId node; // NoNode for the small-files area
    };
    std::vector<Item> m_items;
    std::vector<double> m_areas;
    std::vector<SquarifyRect> m_rects;
};

} // namespace ballast
