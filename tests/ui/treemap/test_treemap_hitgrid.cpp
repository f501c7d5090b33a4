// TreemapHitGrid against the layout it indexes: the centre of every tile finds that tile, a point on a
// header band finds the directory, random points find what a scan of every tile finds, and the chain
// of ancestors ends at the zoom root.
#include "TreemapTestSupport.h"
#include "treemap/TreemapHitGrid.h"

#include <QRandomGenerator>
#include <QTest>

using namespace treemaptest;
using ballast::TreemapHitGrid;
using ballast::TreemapLayout;

class TestTreemapHitGrid : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { m_image = sampleImage(); }
    void centresFindTheirTile_data();
    void centresFindTheirTile();
    void headerBandFindsTheDirectory();
    void randomPointsMatchAScan();
    void namedNodes();
    void outside();

private:
    std::shared_ptr<ballast::Image> m_image;
};

namespace {

// The deepest tile whose own region (a leaf, or a frame's header band) contains the point, by scanning.
uint32_t scan(const TreemapLayout &layout, float x, float y)
{
    const auto &tiles = layout.tiles();
    for (uint32_t i = uint32_t(tiles.size()); i-- > 0;) {
        const Tile &t = tiles[i];
        const float h = t.isLeaf() ? t.h : (t.hasHeader() ? layout.options().headerHeight : 0.f);
        if (x >= t.x && x < t.x + t.w && y >= t.y && y < t.y + h)
            return i;
    }
    return Tile::NoTile;
}

std::shared_ptr<const TreemapLayout> layoutOf(std::shared_ptr<const ballast::TreeScope> scope, float w, float h)
{
    ballast::TreemapLayoutOptions options;
    options.headerHeight = 15;
    return TreemapLayout::build(std::move(scope), MergedTree::Root, w, h, options);
}

} // namespace

void TestTreemapHitGrid::centresFindTheirTile_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::newRow("800×600") << 800 << 600;
    QTest::newRow("300×200") << 300 << 200;
    QTest::newRow("3000×2000") << 3000 << 2000;
    QTest::newRow("64×700") << 64 << 700;
}

void TestTreemapHitGrid::centresFindTheirTile()
{
    QFETCH(int, width);
    QFETCH(int, height);
    auto layout = layoutOf(scopeOf(m_image, 1), float(width), float(height));
    TreemapHitGrid grid(*layout);
    int checked = 0;
    for (uint32_t i = 0; i < layout->tiles().size(); ++i) {
        const Tile &t = layout->tiles()[i];
        if (!t.isLeaf() || t.w < 0.01f || t.h < 0.01f)
            continue;
        const QPointF c = centerOf(t);
        QCOMPARE(grid.tileAt(float(c.x()), float(c.y())), i);
        // Its ancestors, deepest first, up to the zoom root.
        const auto chain = grid.tilesAt(float(c.x()), float(c.y()));
        QCOMPARE(chain.front(), i);
        QCOMPARE(chain.back(), 0u);
        for (size_t k = 1; k < chain.size(); ++k)
            QCOMPARE(chain[k], layout->tiles()[chain[k - 1]].parent);
        ++checked;
    }
    QVERIFY(checked > 5);
}

void TestTreemapHitGrid::headerBandFindsTheDirectory()
{
    auto layout = layoutOf(scopeOf(m_image, 1), 800, 600);
    TreemapHitGrid grid(*layout);
    const uint32_t usr = tileOf(*layout, node(*m_image, "usr"));
    const Tile &t = layout->tiles()[usr];
    QVERIFY(t.hasHeader());
    QCOMPARE(grid.tileAt(t.x + t.w / 2, t.y + 3), usr);
    QCOMPARE(grid.tileAt(t.x + 1, t.y + 14.5f), usr);
    QVERIFY(grid.tileAt(t.x + t.w / 2, t.y + 15.5f) != usr); // just below the band: a child
}

void TestTreemapHitGrid::randomPointsMatchAScan()
{
    for (const auto &[w, h] : { std::pair { 800.f, 600.f }, std::pair { 3000.f, 2000.f }, std::pair { 123.f, 77.f } }) {
        auto layout = layoutOf(scopeOf(m_image, 1), w, h);
        TreemapHitGrid grid(*layout);
        QRandomGenerator random(11);
        for (int i = 0; i < 5000; ++i) {
            const auto x = float(random.generateDouble() * w), y = float(random.generateDouble() * h);
            const uint32_t expected = scan(*layout, x, y);
            if (expected == Tile::NoTile)
                continue; // on a seam float rounding left: the grid answers the zoom root
            QCOMPARE(grid.tileAt(x, y), expected);
        }
    }
}

void TestTreemapHitGrid::namedNodes()
{
    // The points computed from the layout of known files find those files.
    auto layout = layoutOf(scopeOf(m_image, 1), 800, 600);
    TreemapHitGrid grid(*layout);
    for (const char *path : { "usr/lib/libbig.so", "usr/lib/libmid.so", "usr/bin/tool", "app/main.py", "app/data.bin",
             "var/cache/apt/pkg.deb" }) {
        const Tile &t = layout->tiles()[tileOf(*layout, node(*m_image, path))];
        const QPointF c = centerOf(t);
        QCOMPARE(layout->tiles()[grid.tileAt(float(c.x()), float(c.y()))].node, node(*m_image, path));
        QCOMPARE(layout->tiles()[grid.tileAt(t.x + 0.01f, t.y + t.h - 0.01f)].node, node(*m_image, path));
    }
}

void TestTreemapHitGrid::outside()
{
    auto layout = layoutOf(scopeOf(m_image, 1), 400, 300);
    TreemapHitGrid grid(*layout);
    QCOMPARE(grid.tileAt(-1, 10), Tile::NoTile);
    QCOMPARE(grid.tileAt(10, 300), Tile::NoTile);
    QCOMPARE(grid.tileAt(400.5f, 10), Tile::NoTile);
    QVERIFY(grid.tilesAt(-5, -5).empty());
    // An empty layout (nothing drawn) answers nothing.
    ballast::TreeFilter none;
    none.search = QStringLiteral("no such name");
    auto empty = TreemapLayout::build(scopeOf(m_image, 1, none), MergedTree::Root, 400, 300);
    QVERIFY(empty->tiles().empty());
    TreemapHitGrid emptyGrid(*empty);
    QCOMPARE(emptyGrid.tileAt(10, 10), Tile::NoTile);
}

QTEST_GUILESS_MAIN(TestTreemapHitGrid)
#include "test_treemap_hitgrid.moc"
