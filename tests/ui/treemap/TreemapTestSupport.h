#pragma once
// Small images built in memory (tests/support/LayerSpec.h) and the treemap of a scope of them.
#include "AnalysisTestSupport.h"
#include "models/TreeScope.h"
#include "treemap/TreemapLayout.h"

#include <QPointF>

#include <memory>
#include <string>

namespace treemaptest {

using ballast::MergedTree;
using ballast::Tile;
using ballast::TileKind;
using treetest::D;
using treetest::F;
using treetest::WH;

// Layer 0: a library directory with two big files and 50 small ones, a tool, a config file, an apt
// cache, 200 tiny files. Layer 1: an app (added) and the config file removed.
//   layer 1, aggregated: 400000 + 200000 + 5000 + 150000 + 100000 + 2000 + 80000 + 20000 = 957000 bytes
inline treetest::ImageSpec sampleSpec()
{
    treetest::LayerSpec base { D("usr"), D("usr/lib"), F("usr/lib/libbig.so", 400000, 1),
        F("usr/lib/libmid.so", 200000, 2), D("usr/bin"), F("usr/bin/tool", 150000, 3).mode(0755), D("etc"),
        F("etc/conf.txt", 50000, 4), D("var"), D("var/cache"), D("var/cache/apt"),
        F("var/cache/apt/pkg.deb", 100000, 5), D("opt"), D("opt/tiny"), D("usr/lib/small") };
    for (int i = 0; i < 50; ++i)
        base.push_back(F("usr/lib/small/s" + std::to_string(i) + ".txt", 100, uint64_t(100 + i)));
    for (int i = 0; i < 200; ++i)
        base.push_back(F("opt/tiny/t" + std::to_string(i), 10, uint64_t(1000 + i)));
    treetest::LayerSpec app { D("app"), F("app/main.py", 80000, 7), F("app/data.bin", 20000, 8),
        WH("etc/.wh.conf.txt") };
    return { base, app };
}
constexpr int64_t SampleBytesLayer1 = 957000;

inline std::shared_ptr<ballast::Image> sampleImage()
{
    analysistest::ImageOptions options;
    options.createdBy = { QStringLiteral("ADD rootfs.tar /"), QStringLiteral("COPY app /app") };
    return analysistest::makeImage(sampleSpec(), options);
}

inline std::shared_ptr<const ballast::TreeScope> scopeOf(
    std::shared_ptr<const ballast::Image> image, int layer, const ballast::TreeFilter &filter = {})
{
    return ballast::TreeScope::build(std::move(image), layer, filter);
}

inline MergedTree::NodeId node(const ballast::Image &image, const char *path)
{
    const MergedTree::NodeId n = image.tree.find(path);
    Q_ASSERT_X(n != MergedTree::NoNode, "treemaptest::node", path);
    return n;
}

// The tile showing exactly `node` (not a small-files area), NoTile when there is none.
inline uint32_t tileOf(const ballast::TreemapLayout &layout, MergedTree::NodeId node)
{
    for (uint32_t i = 0; i < layout.tiles().size(); ++i)
        if (layout.tiles()[i].node == node && layout.tiles()[i].kind != TileKind::SmallFiles)
            return i;
    return Tile::NoTile;
}

inline QPointF centerOf(const Tile &tile)
{
    return { tile.x + tile.w / 2.0, tile.y + tile.h / 2.0 };
}

} // namespace treemaptest
