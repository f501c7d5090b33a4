// TreemapLayout on the image of TreemapTestSupport.h, whose byte counts are known by construction:
// areas proportional to bytes, children inside their frame without overlap and filling it, small files
// folded into one area, the zoom root, the filter and the layer-changes mode.
#include "TreemapTestSupport.h"
#include "treemap/TreemapLabels.h"

#include <QTest>
#include <algorithm>
#include <set>

using namespace treemaptest;
using ballast::TreemapLayout;
using ballast::TreemapLayoutOptions;

class TestTreemapLayout : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void invariants_data();
    void invariants();
    void areasProportionalWithoutHeaders();
    void paperExampleAsTiles();
    void smallFilesFolded();
    void largeEnoughShowsEveryFile();
    void zoomRoot();
    void zoomRootNotDrawnFallsBack();
    void filterFillsTheArea();
    void layerChangesIncludeRemoved();
    void tileOfNode();
    void headerBands();
    void cancelled();
    void memoryPerTile();

private:
    std::shared_ptr<ballast::Image> m_image;
};

namespace {

double areaOf(const Tile &t)
{
    return double(t.w) * t.h;
}

// Overlap beyond float rounding (a float holds 3000 to about 0.0002 px).
double overlap(const Tile &a, const Tile &b)
{
    const double w = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
    const double h = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
    return w > 0.005 && h > 0.005 ? w * h : 0;
}

// Checks one layout: children within their parent's content, no overlap among siblings, their areas
// summing to the content and proportional to their bytes within 1% (tiles above the minimum area).
bool checkInvariants(const TreemapLayout &layout, QString &why)
{
    const auto &tiles = layout.tiles();
    std::vector<std::vector<uint32_t>> children(tiles.size());
    for (uint32_t i = 1; i < tiles.size(); ++i) {
        if (tiles[i].parent >= i) {
            why = QStringLiteral("tile %1 comes before its parent").arg(i);
            return false;
        }
        children[tiles[i].parent].push_back(i);
    }
    for (uint32_t p = 0; p < tiles.size(); ++p) {
        const Tile &parent = tiles[p];
        if (parent.kind != TileKind::Directory) {
            if (!children[p].empty()) {
                why = QStringLiteral("leaf tile %1 has children").arg(p);
                return false;
            }
            continue;
        }
        float cx, cy, cw, ch;
        layout.contentRect(parent, cx, cy, cw, ch);
        const double content = double(cw) * ch;
        const double tol = 1e-3 * std::max(1.0, double(std::max(cw, ch)));
        double sum = 0;
        const double perByte = content / double(layout.bytesOf(p));
        for (uint32_t c : children[p]) {
            const Tile &t = tiles[c];
            if (t.x < cx - tol || t.y < cy - tol || t.x + t.w > cx + cw + tol || t.y + t.h > cy + ch + tol) {
                why = QStringLiteral("tile %1 leaves its parent %2").arg(c).arg(p);
                return false;
            }
            if (t.depth != parent.depth + 1) {
                why = QStringLiteral("tile %1 has depth %2 under depth %3").arg(c).arg(t.depth).arg(parent.depth);
                return false;
            }
            sum += areaOf(t);
            const double expected = perByte * double(layout.bytesOf(c));
            if (expected >= layout.options().minimumArea && std::abs(areaOf(t) - expected) > 0.01 * expected) {
                why = QStringLiteral("tile %1: area %2, expected %3").arg(c).arg(areaOf(t)).arg(expected);
                return false;
            }
            for (uint32_t d : children[p])
                if (d > c && overlap(t, tiles[d]) > 1e-3) {
                    why = QStringLiteral("tiles %1 and %2 overlap by %3 px²").arg(c).arg(d).arg(overlap(t, tiles[d]));
                    return false;
                }
        }
        if (std::abs(sum - content) > 1e-4 * content + 1e-3) {
            why = QStringLiteral("children of %1 cover %2 of %3 px²").arg(p).arg(sum).arg(content);
            return false;
        }
    }
    return true;
}

} // namespace

void TestTreemapLayout::initTestCase()
{
    m_image = sampleImage();
}

void TestTreemapLayout::invariants_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<float>("header");
    QTest::addColumn<int>("layer");
    QTest::newRow("800×600, headers") << 800 << 600 << 16.f << 1;
    QTest::newRow("800×600, no headers") << 800 << 600 << 0.f << 1;
    QTest::newRow("300×200, layer 0") << 300 << 200 << 14.f << 0;
    QTest::newRow("97×61") << 97 << 61 << 14.f << 1;
    QTest::newRow("3000×2000") << 3000 << 2000 << 16.f << 1;
    QTest::newRow("20×900 sliver") << 20 << 900 << 14.f << 1;
}

void TestTreemapLayout::invariants()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(float, header);
    QFETCH(int, layer);
    TreemapLayoutOptions options;
    options.headerHeight = header;
    auto layout = TreemapLayout::build(scopeOf(m_image, layer), MergedTree::Root, float(width), float(height), options);
    QVERIFY(layout);
    QVERIFY(!layout->tiles().empty());
    QCOMPARE(layout->tiles()[0].node, MergedTree::Root);
    QCOMPARE(layout->tiles()[0].w, float(width));
    QCOMPARE(layout->bytesOf(0), layer == 1 ? SampleBytesLayer1 : SampleBytesLayer1 - 100000 + 50000);
    QString why;
    QVERIFY2(checkInvariants(*layout, why), qPrintable(why));
}

void TestTreemapLayout::areasProportionalWithoutHeaders()
{
    // With no header bands every leaf's share of the whole map is its share of the bytes.
    auto layout = TreemapLayout::build(scopeOf(m_image, 1), MergedTree::Root, 1000, 700);
    const double perByte = 1000.0 * 700.0 / double(SampleBytesLayer1);
    int checked = 0;
    for (uint32_t i = 0; i < layout->tiles().size(); ++i) {
        const Tile &t = layout->tiles()[i];
        if (!t.isLeaf())
            continue;
        const double expected = perByte * double(layout->bytesOf(i));
        if (expected < layout->options().minimumArea)
            continue;
        QVERIFY2(std::abs(areaOf(t) - expected) <= 0.01 * expected, qPrintable(QString::number(i)));
        ++checked;
    }
    QVERIFY(checked >= 7);
    // libbig.so: 400000 of 957000 bytes of 700000 px².
    const Tile &big = layout->tiles()[tileOf(*layout, node(*m_image, "usr/lib/libbig.so"))];
    QCOMPARE(qRound(areaOf(big)), qRound(400000.0 / 957000.0 * 700000.0));
}

void TestTreemapLayout::paperExampleAsTiles()
{
    // The paper's example (see test_squarify.cpp) as files at the root, in bytes ×1000, on 600×400 px.
    const auto image = analysistest::makeImage({ { F("f6a", 6000, 1), F("f6b", 6000, 2), F("f4", 4000, 3),
        F("f3", 3000, 4), F("f2a", 2000, 5), F("f2b", 2000, 6), F("f1", 1000, 7) } });
    TreemapLayoutOptions options;
    options.minimumArea = 1;
    auto layout = TreemapLayout::build(scopeOf(image, 0), MergedTree::Root, 600, 400, options);
    QCOMPARE(layout->tiles().size(), size_t(8));
    struct Expected {
        const char *name;
        double x, y, w, h;
    };
    const Expected expected[] { { "f6a", 0, 0, 300, 200 }, { "f6b", 0, 200, 300, 200 },
        { "f4", 300, 0, 1200.0 / 7, 700.0 / 3 }, { "f3", 300 + 1200.0 / 7, 0, 900.0 / 7, 700.0 / 3 },
        { "f2a", 300, 700.0 / 3, 120, 500.0 / 3 }, { "f2b", 420, 700.0 / 3, 120, 500.0 / 3 },
        { "f1", 540, 700.0 / 3, 60, 500.0 / 3 } };
    double worst = 0;
    for (const Expected &e : expected) {
        const Tile &t = layout->tiles()[tileOf(*layout, node(*image, e.name))];
        QVERIFY2(std::abs(t.x - e.x) < 1e-3 && std::abs(t.y - e.y) < 1e-3 && std::abs(t.w - e.w) < 1e-3
                && std::abs(t.h - e.h) < 1e-3,
            e.name);
        QCOMPARE(t.kind, TileKind::File);
        worst = std::max(worst, double(std::max(t.w / t.h, t.h / t.w)));
    }
    QCOMPARE(qRound(worst * 1000), 2778); // f1: 60 × 166.7
}

void TestTreemapLayout::smallFilesFolded()
{
    // Two big files and 40 of 50 bytes at the root of a 200×100 map: a small file would get
    // 20000·50/82000 = 12.2 px² (< 16), so the 40 become one area of 2000 bytes, 487.8 px².
    treetest::LayerSpec spec { F("big1", 50000, 1), F("big2", 30000, 2) };
    for (int i = 0; i < 40; ++i)
        spec.push_back(F("s" + std::to_string(i), 50, uint64_t(10 + i)));
    const auto image = analysistest::makeImage({ spec });
    auto layout = TreemapLayout::build(scopeOf(image, 0), MergedTree::Root, 200, 100);
    QCOMPARE(layout->tiles().size(), size_t(4)); // root, big1, big2, the small files
    QCOMPARE(layout->smallFiles().size(), size_t(1));
    const ballast::SmallFilesInfo info = layout->smallFiles().front();
    QCOMPARE(info.items, 40u);
    QCOMPARE(info.files, 40u);
    QCOMPARE(info.bytes, int64_t(2000));
    const Tile &area = layout->tiles()[info.tile];
    QCOMPARE(area.kind, TileKind::SmallFiles);
    QCOMPARE(area.node, MergedTree::Root);
    QCOMPARE(area.parent, 0u);
    QCOMPARE(qRound(areaOf(area) * 10), qRound(20000.0 * 2000 / 82000 * 10));
    QCOMPARE(layout->bytesOf(info.tile), int64_t(2000));
    QCOMPARE(tileOf(*layout, node(*image, "s7")), Tile::NoTile);
    QCOMPARE(layout->tileOfNode(node(*image, "s7")), info.tile);
    QCOMPARE(layout->tileOfNode(node(*image, "big2")), tileOf(*layout, node(*image, "big2")));
    QString why;
    QVERIFY2(checkInvariants(*layout, why), qPrintable(why));

    // Twice the size: 48.8 px² each, every file is drawn.
    layout = TreemapLayout::build(scopeOf(image, 0), MergedTree::Root, 400, 200);
    QVERIFY(layout->smallFiles().empty());
    QCOMPARE(layout->tiles().size(), size_t(43));

    // In the sample image usr/lib/small/ (5000 bytes) gets a 4.6 px wide sliver at 300×200: too
    // narrow for a frame, it is drawn as one tile.
    const auto lib = node(*m_image, "usr/lib/small");
    layout = TreemapLayout::build(scopeOf(m_image, 1), MergedTree::Root, 300, 200);
    QCOMPARE(layout->tiles()[tileOf(*layout, lib)].kind, TileKind::CollapsedDirectory);
    for (const Tile &t : layout->tiles()) // nothing smaller than the minimum but folded areas
        if (t.kind == TileKind::File)
            QVERIFY(areaOf(t) >= 16 * 0.99);
}

void TestTreemapLayout::largeEnoughShowsEveryFile()
{
    // At 3000×2000 a 10-byte file gets 62.7 px²: every one of the 253 files has a tile of its own.
    auto layout = TreemapLayout::build(scopeOf(m_image, 1), MergedTree::Root, 3000, 2000);
    QVERIFY(layout->smallFiles().empty());
    const auto files = std::count_if(
        layout->tiles().begin(), layout->tiles().end(), [](const Tile &t) { return t.kind == TileKind::File; });
    QCOMPARE(files, 2 + 1 + 50 + 200 + 1 + 2);
}

void TestTreemapLayout::zoomRoot()
{
    const auto lib = node(*m_image, "usr/lib");
    auto layout = TreemapLayout::build(scopeOf(m_image, 1), lib, 400, 300);
    QCOMPARE(layout->root(), lib);
    QCOMPARE(layout->tiles()[0].node, lib);
    QCOMPARE(layout->tiles()[0].parent, Tile::NoTile);
    QCOMPARE(layout->bytesOf(0), int64_t(605000));
    for (const Tile &t : layout->tiles()) {
        auto n = t.node;
        while (n != lib && n != MergedTree::Root)
            n = m_image->tree.parent(n);
        QCOMPARE(n, lib);
    }
    // 400000 / 605000 of 120000 px²
    const Tile &big = layout->tiles()[tileOf(*layout, node(*m_image, "usr/lib/libbig.so"))];
    QCOMPARE(qRound(areaOf(big)), qRound(400000.0 / 605000.0 * 120000.0));
}

void TestTreemapLayout::zoomRootNotDrawnFallsBack()
{
    // etc/ only held conf.txt, which layer 1 removed: nothing of it is drawn, the root is shown instead.
    auto layout = TreemapLayout::build(scopeOf(m_image, 1), node(*m_image, "etc"), 400, 300);
    QCOMPARE(layout->root(), MergedTree::Root);
    QCOMPARE(tileOf(*layout, node(*m_image, "etc")), Tile::NoTile);
    QCOMPARE(tileOf(*layout, node(*m_image, "etc/conf.txt")), Tile::NoTile);
}

void TestTreemapLayout::filterFillsTheArea()
{
    // ".so" matches libbig.so and libmid.so only; the rest is filtered out, so the two libraries fill
    // the whole map.
    ballast::TreeFilter filter;
    filter.search = QStringLiteral(".so");
    auto layout = TreemapLayout::build(scopeOf(m_image, 1, filter), MergedTree::Root, 600, 400);
    QCOMPARE(layout->bytesOf(0), int64_t(600000));
    std::set<std::string> leaves;
    for (const Tile &t : layout->tiles())
        if (t.isLeaf())
            leaves.insert(m_image->tree.path(t.node));
    QCOMPARE(leaves, (std::set<std::string> { "usr/lib/libbig.so", "usr/lib/libmid.so" }));
    QString why;
    QVERIFY2(checkInvariants(*layout, why), qPrintable(why));

    // "lib" also matches the directory usr/lib, which keeps its contents: its 50 files of 100 B too.
    filter.search = QStringLiteral("lib");
    layout = TreemapLayout::build(scopeOf(m_image, 1, filter), MergedTree::Root, 600, 400);
    QCOMPARE(layout->bytesOf(0), int64_t(605000));
    QVERIFY2(checkInvariants(*layout, why), qPrintable(why));
}

void TestTreemapLayout::layerChangesIncludeRemoved()
{
    ballast::TreeFilter filter;
    filter.mode = ballast::TreeMode::LayerChanges;
    auto layout = TreemapLayout::build(scopeOf(m_image, 1, filter), MergedTree::Root, 600, 400);
    // app/main.py + app/data.bin added, etc/conf.txt removed.
    QCOMPARE(layout->bytesOf(0), int64_t(80000 + 20000 + 50000));
    QVERIFY(tileOf(*layout, node(*m_image, "etc/conf.txt")) != Tile::NoTile);
    QCOMPARE(tileOf(*layout, node(*m_image, "usr/lib/libbig.so")), Tile::NoTile);
}

void TestTreemapLayout::tileOfNode()
{
    auto layout = TreemapLayout::build(scopeOf(m_image, 1), MergedTree::Root, 300, 200);
    const auto big = node(*m_image, "usr/lib/libbig.so");
    QCOMPARE(layout->tileOfNode(big), tileOf(*layout, big));
    QCOMPARE(layout->tileOfNode(MergedTree::Root), 0u);
    // Inside a directory drawn as one tile: that tile.
    QCOMPARE(
        layout->tileOfNode(node(*m_image, "usr/lib/small/s7.txt")), tileOf(*layout, node(*m_image, "usr/lib/small")));
    // Not drawn (removed): the nearest drawn ancestor, here the root.
    QCOMPARE(layout->tileOfNode(node(*m_image, "etc/conf.txt")), 0u);
    // Outside the zoom root: none.
    auto zoomed = TreemapLayout::build(scopeOf(m_image, 1), node(*m_image, "usr/lib"), 300, 200);
    QCOMPARE(zoomed->tileOfNode(node(*m_image, "app/main.py")), Tile::NoTile);
    QCOMPARE(zoomed->tileOfNode(big), tileOf(*zoomed, big));
}

void TestTreemapLayout::headerBands()
{
    TreemapLayoutOptions options;
    options.headerHeight = 16;
    auto layout = TreemapLayout::build(scopeOf(m_image, 1), MergedTree::Root, 800, 600, options);
    QVERIFY(!layout->tiles()[0].hasHeader()); // the breadcrumb names the zoom root
    const Tile &usr = layout->tiles()[tileOf(*layout, node(*m_image, "usr"))];
    QCOMPARE(usr.kind, TileKind::Directory);
    QVERIFY(usr.hasHeader());
    for (const Tile &t : layout->tiles())
        if (t.hasHeader())
            QVERIFY(t.w >= 64 && t.h >= 64);
    // var/ holds only cache/, which holds only apt/: one band for the three, on apt's frame, which
    // fills var's.
    const Tile &var = layout->tiles()[tileOf(*layout, node(*m_image, "var"))];
    const Tile &cache = layout->tiles()[tileOf(*layout, node(*m_image, "var/cache"))];
    const Tile &apt = layout->tiles()[tileOf(*layout, node(*m_image, "var/cache/apt"))];
    QVERIFY(var.w >= 64 && var.h >= 64);
    QVERIFY(!var.hasHeader());
    QVERIFY(!cache.hasHeader());
    QVERIFY(apt.hasHeader());
    QCOMPARE(QRectF(apt.x, apt.y, apt.w, apt.h), QRectF(var.x, var.y, var.w, var.h));
    const auto labels = ballast::placeTreemapLabels(*layout, QFont());
    const auto aptLabel = std::find_if(
        labels.begin(), labels.end(), [&](const auto &l) { return layout->tiles()[l.tile].node == apt.node; });
    QVERIFY(aptLabel != labels.end());
    QCOMPARE(aptLabel->text, QStringLiteral("var/cache/apt  100 kB"));
}

void TestTreemapLayout::cancelled()
{
    std::atomic<bool> cancel { true };
    QVERIFY(!ballast::TreemapWeights::compute(scopeOf(m_image, 1), &cancel));
    // The layout looks at the flag every 256 directories: a tree of 600 directories reaches it.
    treetest::LayerSpec wide;
    for (int d = 0; d < 600; ++d)
        for (int f = 0; f < 3; ++f)
            wide.push_back(F("d" + std::to_string(d) + "/f" + std::to_string(f), 1000 + d, uint64_t(d * 3 + f)));
    auto weights = ballast::TreemapWeights::compute(scopeOf(analysistest::makeImage({ wide }), 0));
    QVERIFY(!TreemapLayout::build(weights, MergedTree::Root, 4000, 4000, {}, &cancel));
    cancel = false;
    QVERIFY(TreemapLayout::build(weights, MergedTree::Root, 4000, 4000, {}, &cancel));
}

void TestTreemapLayout::memoryPerTile()
{
    auto layout = TreemapLayout::build(scopeOf(m_image, 1), MergedTree::Root, 3000, 2000);
    QCOMPARE(sizeof(Tile), size_t(44));
    QVERIFY(layout->memoryBytes() <= sizeof(TreemapLayout) + layout->tiles().size() * 44 + 64);
}

QTEST_MAIN(TestTreemapLayout)
#include "test_treemap_layout.moc"
