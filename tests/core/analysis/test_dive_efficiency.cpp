// dive's efficiency figures and its JSON export, on small images built in memory. Every number in the
// rows below was worked out by hand in the comment beside it from dive's rules (dive's
// dive/filetree/efficiency.go); each row is also run through ReferenceDive.h, a line-by-line port of
// dive's Go code, so a slip in a hand derivation and a slip in Ballast cannot agree by accident.
//
// Notation in the comments: Σmin / Σtotal over all paths; "/p t/m ×c" = path /p with running total t,
// minimum m, count c.
#include "AnalysisTestSupport.h"
#include "ReferenceDive.h"
#include "analysis/DiveEfficiency.h"
#include "report/AnalyzeReport.h"
#include "report/DiveExport.h"

#include <QRandomGenerator>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace treetest;
using analysistest::ImageOptions;
using analysistest::makeImage;
using ballast::EntryType;

namespace {

// "path|count|bytes", the order dive prints them in.
using Rows = QStringList;

QString sv(const std::string &s)
{
    return QString::fromStdString(s);
}

QStringList inefficiencyRows(const ballast::DiveEfficiency &dive)
{
    QStringList out;
    for (const auto &i : dive.inefficiencies)
        out << QStringLiteral("%1|%2|%3").arg(sv(i.path)).arg(i.count).arg(i.wastedBytes);
    return out;
}

QStringList inefficiencyRows(const refdive::Result &ref)
{
    QStringList out;
    for (const auto &i : ref.inefficiencies)
        out << QStringLiteral("%1|%2|%3").arg(sv(i.path)).arg(i.nodes).arg(i.cumulativeSize);
    return out;
}

std::vector<std::vector<refdive::FileInfo>> referenceLayers(const ImageSpec &spec)
{
    std::vector<std::vector<refdive::FileInfo>> out;
    for (const LayerSpec &layer : spec) {
        std::vector<refdive::FileInfo> infos;
        for (const EntrySpec &e : layer) {
            refdive::FileInfo info;
            info.path = e.path;
            info.typeFlag = tarTypeOf(e.type);
            info.linkName = e.link;
            info.size = e.size;
            info.mode = refdive::goMode(e.permissions, tarTypeOf(e.type));
            info.uid = e.uid;
            info.gid = e.gid;
            info.isDir = e.type == EntryType::Directory;
            infos.push_back(info);
        }
        out.push_back(std::move(infos));
    }
    return out;
}

refdive::FileInfo fileInfoOf(const nlohmann::ordered_json &j)
{
    refdive::FileInfo info;
    info.path = j.at("path").get<std::string>();
    info.typeFlag = j.at("typeFlag").get<int>();
    info.linkName = j.at("linkName").get<std::string>();
    info.size = j.at("size").get<int64_t>();
    info.mode = j.at("fileMode").get<uint32_t>();
    info.uid = j.at("uid").get<int64_t>();
    info.gid = j.at("gid").get<int64_t>();
    info.isDir = j.at("isDir").get<bool>();
    return info;
}

QString describe(const refdive::FileInfo &i)
{
    return QStringLiteral("{%1 %2 '%3' %4 %5 %6:%7 %8}")
        .arg(sv(i.path))
        .arg(i.typeFlag)
        .arg(sv(i.linkName))
        .arg(i.size)
        .arg(i.mode)
        .arg(i.uid)
        .arg(i.gid)
        .arg(i.isDir);
}

QStringList keysOf(const nlohmann::ordered_json &object)
{
    QStringList keys;
    for (auto it = object.begin(); it != object.end(); ++it)
        keys << sv(it.key());
    return keys;
}

// A random image over a small universe where names never change type: d, d/e and g are always
// directories; a, a-b, a.b and z always leaves. Whiteouts may hit existing or missing paths.
ImageSpec randomImage(QRandomGenerator &rng, bool withOpaque)
{
    static const std::vector<std::string> dirs = { "d", "d/e", "g" };
    static const std::vector<std::string> parents = { "", "d", "d/e", "g" };
    static const std::vector<std::string> leaves = { "a", "a-b", "a.b", "z" };
    auto join = [](const std::string &parent, const std::string &name) {
        return parent.empty() ? name : parent + "/" + name;
    };
    ImageSpec spec;
    const int layerCount = rng.bounded(2, 6);
    for (int l = 0; l < layerCount; ++l) {
        LayerSpec layer;
        const int ops = rng.bounded(1, 8);
        for (int o = 0; o < ops; ++o) {
            const std::string parent = parents[rng.bounded(int(parents.size()))];
            const std::string leaf = leaves[rng.bounded(int(leaves.size()))];
            switch (rng.bounded(withOpaque ? 11 : 10)) {
            case 0:
            case 1:
            case 2:
            case 3:
                layer.push_back(F(join(parent, leaf), rng.bounded(0, 50), rng.bounded(1, 4)));
                break;
            case 4:
                layer.push_back(L(join(parent, leaf), "a"));
                break;
            case 5:
                layer.push_back(H(join(parent, leaf), "a"));
                break;
            case 6:
            case 7:
                layer.push_back(D(dirs[rng.bounded(int(dirs.size()))]));
                break;
            case 8:
                layer.push_back(WH(join(parent, ".wh." + leaf)));
                break;
            case 9: {
                const std::string dir = dirs[rng.bounded(int(dirs.size()))];
                const size_t slash = dir.rfind('/');
                layer.push_back(
                    WH(slash == std::string::npos ? ".wh." + dir
                                                  : dir.substr(0, slash + 1) + ".wh." + dir.substr(slash + 1)));
                break;
            }
            default:
                layer.push_back(OPQ(dirs[rng.bounded(int(dirs.size()))]));
                break;
            }
        }
        spec.push_back(layer);
    }
    return spec;
}

QString specText(const ImageSpec &spec)
{
    QStringList layers;
    for (const LayerSpec &layer : spec) {
        QStringList entries;
        for (const EntrySpec &e : layer)
            entries << QStringLiteral("%1:%2:%3").arg(sv(e.path)).arg(int(e.type)).arg(e.size);
        layers << entries.join(QLatin1Char(' '));
    }
    return layers.join(QStringLiteral(" || "));
}

} // namespace

class TestDiveEfficiency : public QObject {
    Q_OBJECT

private slots:
    void efficiency_data();
    void efficiency();
    void analyzeImageCarriesTheFigures();
    void randomImagesAgainstDivePort_data();
    void randomImagesAgainstDivePort();
    void exportStructure();
    void exportOrderIsByComponent();
    void exportIntegralScore();
    void exportLeavesOutOpaqueMarkers();
    void goFileModeTable_data();
    void goFileModeTable();
};

void TestDiveEfficiency::efficiency_data()
{
    QTest::addColumn<ImageSpec>("image");
    QTest::addColumn<qint64>("minimumSum");
    QTest::addColumn<qint64>("totalSum");
    QTest::addColumn<qint64>("wasted");
    QTest::addColumn<qint64>("userSize");
    QTest::addColumn<Rows>("inefficiencies");

    // Leaves a(10), d/b(5); d has a child so it is no leaf. 15/15. No user layers.
    QTest::newRow("single layer, no waste") << ImageSpec { { F("a", 10, 1), D("d"), F("d/b", 5, 2) } } << qint64(15)
                                            << qint64(15) << qint64(0) << qint64(0) << Rows {};
    // Only empty directories: /e1 0/0, /e2 0/0. Σtotal 0 → efficiency 1.0.
    QTest::newRow("all sizes zero") << ImageSpec { { D("e1"), D("e2") } } << qint64(0) << qint64(0) << qint64(0)
                                    << qint64(0) << Rows {};
    // /a 10+30 = 40/10 ×2. Σmin 10, Σtotal 40 → 0.25. wasted = 40 (both copies). user = 30.
    QTest::newRow("same file in two layers") << ImageSpec { { F("a", 10, 1) }, { F("a", 30, 2) } } << qint64(10)
                                             << qint64(40) << qint64(40) << qint64(30) << Rows { "/a|2|40" };
    // /a 10+20+30 = 60/10 ×3, /b 60/60. Σmin 70, Σtotal 120. wasted 60. user 20+30 = 50.
    QTest::newRow("file rewritten in three layers")
        << ImageSpec { { F("a", 10, 1), F("b", 60, 2) }, { F("a", 20, 3) }, { F("a", 30, 4) } } << qint64(70)
        << qint64(120) << qint64(60) << qint64(50) << Rows { "/a|3|60" };
    // L1's marker .wh.a: /a was a file below → size 0. /a 10+0 = 10/0 ×2, /keep 10, /z 10.
    // Σmin 0+10+10 = 20, Σtotal 30. wasted 10. user 10.
    QTest::newRow("whiteout of a file") << ImageSpec { { F("a", 10, 1), F("keep", 10, 2) },
        { WH(".wh.a"), F("z", 10, 3) } } << qint64(20)
                                        << qint64(30) << qint64(10) << qint64(10) << Rows { "/a|2|10" };
    // L0 leaves d/sub/z 7, d/x 100, d/y 50. L1 .wh.d: d had its own entry (a dir) → its subtree
    // 0+0+7+100+50 = 157. L2 writes d as a 3-byte file. /d 157+3 = 160/3 ×2, /k 1.
    // Σmin 7+100+50+3+1 = 161, Σtotal 7+100+50+160+1 = 318. wasted 160. user 1+3 = 4.
    QTest::newRow("whiteout of a directory with an entry of its own")
        << ImageSpec { { D("d"), F("d/x", 100, 1), F("d/y", 50, 2), D("d/sub"), F("d/sub/z", 7, 3) },
               { WH(".wh.d"), F("k", 1, 4) }, { F("d", 3, 5) } }
        << qint64(161) << qint64(318) << qint64(160) << qint64(4) << Rows { "/d|2|160" };
    // d exists below only as the implied parent of d/x and d/y → not a directory dive knows: size 0.
    // /d 0+3 = 3/0 ×2. Σmin 100+50+0 = 150, Σtotal 153. wasted 3. user 0+3.
    QTest::newRow("whiteout of a directory that only existed implicitly")
        << ImageSpec { { F("d/x", 100, 1), F("d/y", 50, 2) }, { WH(".wh.d") }, { F("d", 3, 5) } } << qint64(150)
        << qint64(153) << qint64(3) << qint64(3) << Rows { "/d|2|3" };
    // L0 has d's entry, but L1 (the last layer below L2 to touch d) only implies it: dive's stack
    // replaces d's file info with the empty one, so d is no directory any more → size 0.
    // /d/x 100, /d/y 50, /d 0+3 = 3/0 ×2. Σmin 150, Σtotal 153. wasted 3. user 50+0+3 = 53.
    QTest::newRow("whiteout of a directory whose last writer only implied it")
        << ImageSpec { { D("d"), F("d/x", 100, 1) }, { F("d/y", 50, 2) }, { WH(".wh.d") }, { F("d", 3, 5) } }
        << qint64(150) << qint64(153) << qint64(3) << qint64(53) << Rows { "/d|2|3" };
    // Same, but L1 has d's entry too: size 0+100+50 = 150. /d 150+3 = 153/3 ×2.
    // Σmin 100+50+3 = 153, Σtotal 100+50+153 = 303. wasted 153. user 53.
    QTest::newRow("whiteout of a directory whose last writer had its entry")
        << ImageSpec { { D("d"), F("d/x", 100, 1) }, { D("d"), F("d/y", 50, 2) }, { WH(".wh.d") }, { F("d", 3, 5) } }
        << qint64(153) << qint64(303) << qint64(153) << qint64(53) << Rows { "/d|2|153" };
    // L1 (with d's entry) deletes d/x and adds d/w: /d/x 100+0 = 100/0 ×2, /d/w 20. L2 .wh.d: what
    // is still below: d 0 + y 50 + w 20 = 70. Σmin 0+50+20+70 = 140, Σtotal 100+50+20+70 = 240.
    // wasted 100. user 20.
    QTest::newRow("whiteout of a directory counts only what is still below") << ImageSpec {
        { D("d"), F("d/x", 100, 1), F("d/y", 50, 2) }, { D("d"), WH("d/.wh.x"), F("d/w", 20, 3) }, { WH(".wh.d") }
    } << qint64(140) << qint64(240) << qint64(100) << qint64(20) << Rows { "/d/x|2|100" };
    // L1 visits a/z (5), then b/.wh.x: /b/x never existed → record /b/x with minimum -1, and the walk
    // of L1 ends there: c (20) is never visited. /a/z 1+5 = 6/1 ×2, /c 2/2 ×1, /b/x 0/-1.
    // Σmin 1+2-1 = 2, Σtotal 6+2 = 8 → 0.25. wasted 6. user 5+20 = 25.
    // (Without the skip /c would be 22/2 ×2: wasted 28, efficiency 2/28.)
    QTest::newRow("whiteout of a path that never existed skips the rest of the layer")
        << ImageSpec { { F("a/z", 1, 1), F("c", 2, 2) }, { F("a/z", 5, 3), WH("b/.wh.x"), F("c", 20, 4) } } << qint64(2)
        << qint64(8) << qint64(6) << qint64(25) << Rows { "/a/z|2|6" };
    // L1: .wh.b sorts before a and c ('.' < 'a'): /b -1, a and c skipped. L1 is still stacked whole
    // for L2, whose .wh.c finds c (a file: 0). /a 10, /b 0/-1, /c 0/0.
    // Σmin 10-1+0 = 9, Σtotal 10 → 0.9. No inefficiency. user 25+0.
    QTest::newRow("skipped layer is still stacked for the next")
        << ImageSpec { { F("a", 10, 1) }, { WH(".wh.b"), F("c", 20, 2), F("a", 5, 3) }, { WH(".wh.c") } } << qint64(9)
        << qint64(10) << qint64(0) << qint64(25) << Rows {};
    // A whiteout in layer 0 has nothing below: "-x" (sorts before ".wh.") is visited, .wh.a gives
    // /a -1 and b is skipped. Σmin 10-1 = 9, Σtotal 10.
    QTest::newRow("whiteout in layer 0") << ImageSpec { { F("-x", 10, 1), WH(".wh.a"), F("b", 10, 2) } } << qint64(9)
                                         << qint64(10) << qint64(0) << qint64(0) << Rows {};
    // dive's StackTreeRange(trees, 0, -1) is a copy of trees[0]: a whiteout in layer 0 is looked up in
    // layer 0 itself. .wh.g (sorts before g) finds g, a directory with its own entry: 0 + g/a 4 = 4.
    // L1's empty g is a leaf: /g 4+0 = 4/0 ×2, /g/a 4, /z 6. Σmin 0+4+6 = 10, Σtotal 4+4+6 = 14.
    // wasted 4. user 0. (Looking layer 0 up in nothing would give /g -1 and skip g/a and z.)
    QTest::newRow("whiteout in layer 0 of a path layer 0 holds")
        << ImageSpec { { D("g"), F("g/a", 4, 1), WH(".wh.g"), F("z", 6, 2) }, { D("g") } } << qint64(10) << qint64(14)
        << qint64(4) << qint64(0) << Rows { "/g|2|4" };
    // L1 deletes a (0): /a 5/0 ×2. L2 deletes a again: not found below → L2 ends, b skipped; /a's
    // record exists already and is left as it is (no new -1). Σmin 0, Σtotal 5 → 0. wasted 5. user 9.
    QTest::newRow("second whiteout of the same path")
        << ImageSpec { { F("a", 5, 1) }, { WH(".wh.a") }, { WH(".wh.a"), F("b", 9, 2) } } << qint64(0) << qint64(5)
        << qint64(5) << qint64(9) << Rows { "/a|2|5" };
    // Opaque markers, as dive's source handles them: FileTree.AddPath refuses any component starting
    // with ".wh..wh.." (dive/filetree/file_tree.go, "don't add paths that should be deleted"), so
    // `d/.wh..wh..opq` never enters L1's tree (d does) and is neither visited nor stacked.
    // L1 leaves d/new 8, e 2. /d/old 40, /e 1+2 = 3/1 ×2, /d/new 8.
    // Σmin 40+1+8 = 49, Σtotal 40+3+8 = 51. wasted 3. user 8+2 = 10.
    QTest::newRow("opaque marker is not part of dive's tree") << ImageSpec {
        { D("d"), F("d/old", 40, 1), F("e", 1, 2) }, { D("d"), OPQ("d"), F("d/new", 8, 3), F("e", 2, 4) }
    } << qint64(49) << qint64(51) << qint64(3) << qint64(10) << Rows { "/e|2|3" };
    // L1 has only the marker in d, so d is an implied leaf there: /d 0/0 ×1, /z 5. dive does not apply
    // the opaque marker when stacking, so L2's .wh.old still finds d/old (a file: 0).
    // /d/old 40+0 = 40/0 ×2. Σmin 0+0+5 = 5, Σtotal 40+0+5 = 45. wasted 40. user 5.
    QTest::newRow("opaque-only directory is an implied leaf")
        << ImageSpec { { D("d"), F("d/old", 40, 1) }, { OPQ("d"), F("z", 5, 2) }, { WH("d/.wh.old") } } << qint64(5)
        << qint64(45) << qint64(40) << qint64(5) << Rows { "/d/old|2|40" };
    // Empty directories are leaves: /empty 0 ×2 is an inefficiency of 0 bytes. /x 10, /y 5.
    // Σmin 15 = Σtotal. user 5.
    QTest::newRow("empty directories are leaves")
        << ImageSpec { { D("empty"), F("x", 10, 1) }, { D("empty"), F("y", 5, 2) } } << qint64(15) << qint64(15)
        << qint64(0) << qint64(5) << Rows { "/empty|2|0" };
    // d has children in L0 and L1 (not counted), and is an empty leaf in L2 and L3: /d 0 ×2 (not ×4).
    // /d/a 10, /d/b 20. Σmin 30 = Σtotal. user 20.
    QTest::newRow("directories with children are never counted")
        << ImageSpec { { D("d"), F("d/a", 10, 1) }, { D("d"), F("d/b", 20, 2) }, { D("d") }, { D("d") } } << qint64(30)
        << qint64(30) << qint64(0) << qint64(20) << Rows { "/d|2|0" };
    // Hardlinks have size 0: /h 0 ×2, /a 100, /z 1. Σmin 101 = Σtotal. user 1.
    QTest::newRow("hardlinks are size 0")
        << ImageSpec { { F("a", 100, 1), H("h", "a") }, { H("h", "a"), F("z", 1, 2) } } << qint64(101) << qint64(101)
        << qint64(0) << qint64(1) << Rows { "/h|2|0" };
    // /a 100+100 = 200/100 ×2, /b 50. Σmin 150, Σtotal 250 → 0.6. user counts L1 only: 150.
    QTest::newRow("layer 0 counted, but not in the user size")
        << ImageSpec { { F("a", 100, 1) }, { F("a", 100, 1), F("b", 50, 2) } } << qint64(150) << qint64(250)
        << qint64(200) << qint64(150) << Rows { "/a|2|200" };
    // The last of two entries for one path in a layer wins: L0's a is 30. /a 30+5 = 35/5 ×2.
    // Σmin 5, Σtotal 35. user 5.
    QTest::newRow("duplicate entry in one layer: last wins")
        << ImageSpec { { F("a", 10, 1), F("a", 30, 2) }, { F("a", 5, 3) } } << qint64(5) << qint64(35) << qint64(35)
        << qint64(5) << Rows { "/a|2|35" };
    // Become inefficient in the order a, b, c (L1, sorted), then d (L2). Totals a 20, b 20, c 31,
    // d 1+19 = 20. Ascending (stable): a b d c; printed reversed: c d b a.
    // Σmin 10+10+1+1 = 22, Σtotal 91. user 21+19 = 40.
    QTest::newRow("order: largest first, ties later first")
        << ImageSpec { { F("a", 10, 1), F("b", 10, 2), F("c", 30, 3), F("d", 1, 4) },
               { F("a", 10, 1), F("b", 10, 2), F("c", 1, 5) }, { F("d", 19, 6) } }
        << qint64(22) << qint64(91) << qint64(91) << qint64(40) << Rows { "/c|2|31", "/d|2|20", "/b|2|20", "/a|2|20" };
    // dive's own TestEfficency (dive/filetree/efficiency_test.go): expected 0.75 and one match.
    // /etc/nginx/nginx.conf 7000/2000, public 3000, athing 10000, /etc/nginx (implied below) 0.
    QTest::newRow("dive's TestEfficency")
        << ImageSpec { { F("etc/nginx/nginx.conf", 2000, 1), F("etc/nginx/public", 3000, 2) },
               { F("etc/nginx/nginx.conf", 5000, 3), F("etc/athing", 10000, 4) }, { WH("etc/.wh.nginx") } }
        << qint64(15000) << qint64(20000) << qint64(7000) << qint64(15000) << Rows { "/etc/nginx/nginx.conf|2|7000" };
}

void TestDiveEfficiency::efficiency()
{
    QFETCH(ImageSpec, image);
    QFETCH(qint64, minimumSum);
    QFETCH(qint64, totalSum);
    QFETCH(qint64, wasted);
    QFETCH(qint64, userSize);
    QFETCH(Rows, inefficiencies);
    const double expectedEfficiency = totalSum == 0 ? 1.0 : double(minimumSum) / double(totalSum);
    const double expectedUserPercent = userSize > 0 ? double(wasted) / double(userSize) : 0.0;

    // The hand derivation against the port of dive's code first: a wrong comment fails here.
    const refdive::Result ref = refdive::analyze(referenceLayers(image));
    QCOMPARE(ref.efficiency, expectedEfficiency);
    QCOMPARE(ref.wastedBytes, wasted);
    QCOMPARE(ref.userSizeBytes, userSize);
    QCOMPARE(inefficiencyRows(ref), inefficiencies);

    auto img = makeImage(image);
    const ballast::DiveEfficiency dive = ballast::computeDiveEfficiency(*img, analysistest::ownTrees(*img));
    QCOMPARE(inefficiencyRows(dive), inefficiencies);
    QCOMPARE(dive.wastedBytes, wasted);
    QCOMPARE(dive.userSizeBytes, userSize);
    QCOMPARE(dive.efficiency, expectedEfficiency); // exact: same division of the same integers
    QCOMPARE(dive.wastedUserPercent, expectedUserPercent);
}

void TestDiveEfficiency::analyzeImageCarriesTheFigures()
{
    // The "layer 0 counted" image: analyzeImage and `analyze --format json` carry the same figures.
    auto img = makeImage({ { F("a", 100, 1) }, { F("a", 100, 1), F("b", 50, 2) } });
    const ballast::ImageAnalysis analysis = ballast::analyzeImage(*img);
    QCOMPARE(analysis.dive.efficiency, 0.6);
    QCOMPARE(analysis.dive.wastedBytes, int64_t(200));
    const auto json = ballast::analyzeJson(*img, analysis);
    const auto &image = json.at("image");
    QCOMPARE(image.at("efficiency").get<double>(), 0.6);
    QCOMPARE(image.at("wastedBytes").get<int64_t>(), int64_t(200));
    QCOMPARE(image.at("userSizeBytes").get<int64_t>(), int64_t(150));
    QCOMPARE(image.at("wastedUserPercent").get<double>(), 200.0 / 150.0);
    const auto &list = json.at("inefficiencies");
    QCOMPARE(list.size(), size_t(1));
    QCOMPARE(list[0].at("count").get<int>(), 2);
    QCOMPARE(list[0].at("wastedBytes").get<int64_t>(), int64_t(200));
    QVERIFY(list[0].at("path").get<std::string>() == "a" || list[0].at("path").get<std::string>() == "/a");
}

void TestDiveEfficiency::randomImagesAgainstDivePort_data()
{
    QTest::addColumn<int>("seed");
    QTest::addColumn<bool>("withOpaque");
    QTest::newRow("no opaque markers") << 3 << false;
    QTest::newRow("with opaque markers") << 5 << true;
}

void TestDiveEfficiency::randomImagesAgainstDivePort()
{
    QFETCH(int, seed);
    QFETCH(bool, withOpaque);
    QRandomGenerator rng { quint32(seed) };
    for (int round = 0; round < 400; ++round) {
        const ImageSpec spec = randomImage(rng, withOpaque);
        const refdive::Result ref = refdive::analyze(referenceLayers(spec));
        auto img = makeImage(spec);
        const ballast::ImageAnalysis analysis = ballast::analyzeImage(*img);
        const QString context = QStringLiteral("round %1: %2").arg(round).arg(specText(spec));
        QVERIFY2(analysis.dive.efficiency == ref.efficiency,
            qPrintable(QStringLiteral("efficiency %1 vs dive %2; %3")
                           .arg(analysis.dive.efficiency, 0, 'g', 17)
                           .arg(ref.efficiency, 0, 'g', 17)
                           .arg(context)));
        QVERIFY2(analysis.dive.wastedBytes == ref.wastedBytes, qPrintable(context));
        QVERIFY2(analysis.dive.userSizeBytes == ref.userSizeBytes, qPrintable(context));
        QStringList mine = inefficiencyRows(analysis.dive), theirs = inefficiencyRows(ref);
        if (theirs.size() > 12) { // Go's sort.Sort is not stable past 12 elements: compare as sets
            mine.sort();
            theirs.sort();
        }
        QVERIFY2(mine == theirs,
            qPrintable(mine.join(QLatin1Char(' ')) + QStringLiteral(" vs dive ") + theirs.join(QLatin1Char(' '))
                + QStringLiteral("; ") + context));
        const auto exported = ballast::diveExportJson(*img, analysis);
        for (size_t l = 0; l < spec.size(); ++l) {
            const auto &fileList = exported.at("layer").at(l).at("fileList");
            QStringList got, want;
            for (const auto &item : fileList)
                got << describe(fileInfoOf(item));
            for (const auto &info : ref.fileLists[l])
                want << describe(info);
            QVERIFY2(got == want,
                qPrintable(QStringLiteral("layer %1 fileList\n  ballast %2\n  dive    %3\n%4")
                               .arg(l)
                               .arg(got.join(QLatin1Char(' ')), want.join(QLatin1Char(' ')), context)));
            QCOMPARE(exported.at("layer").at(l).at("sizeBytes").get<int64_t>(), ref.layerSizes[l]);
        }
    }
}

void TestDiveEfficiency::exportStructure()
{
    ImageOptions options;
    options.archivePaths = { QStringLiteral("abc123/layer.tar"), QStringLiteral("def456/layer.tar") };
    options.createdBy = { QStringLiteral("/bin/sh -c #(nop) ADD file:x in / "),
        QStringLiteral("/bin/sh -c rm -rf /a && echo hi > /a.b") };
    options.emptyHistoryBefore = { { 1, QStringLiteral("/bin/sh -c #(nop) ENV A=1") } };
    // L0 leaves: a/f 5, a-b 1, a.b 2, hl 0, ln 0, su 3, tmp 0 (empty dir), x/y/z 4.
    // L1: .wh.a → /a, a dir with its own entry below: 0 + a/f 5 = 5; a.b 7.
    // /a.b 2+7 = 9/2 ×2. Σmin 5+1+2+0+0+3+0+4+5 = 20, Σtotal 5+1+9+0+0+3+0+4+5 = 27.
    // sizes: L0 5+1+2+3+4 = 15, L1 7; image 22.
    auto img = makeImage({ { D("a"), F("a/f", 5, 1).owner(1000, 1001), F("a-b", 1, 2), F("a.b", 2, 3), L("ln", "a/f"),
                               F("su", 3, 4).mode(04755), D("tmp").mode(01777), H("hl", "a/f"), F("x/y/z", 4, 5) },
                             { WH(".wh.a"), F("a.b", 7, 6) } },
        options);
    const auto analysis = ballast::analyzeImage(*img);
    const nlohmann::ordered_json json = ballast::diveExportJson(*img, analysis);

    QCOMPARE(keysOf(json), (QStringList { "layer", "image" }));
    QCOMPARE(json.at("layer").size(), size_t(2));
    const auto &l0 = json.at("layer")[0];
    QCOMPARE(keysOf(l0), (QStringList { "index", "id", "digestId", "sizeBytes", "command", "fileList" }));
    QCOMPARE(l0.at("index").get<int>(), 0);
    QCOMPARE(l0.at("id").get<std::string>(), std::string("abc123"));
    QCOMPARE(l0.at("digestId").get<std::string>(), img->layers[0].diffId.toStdString());
    QCOMPARE(l0.at("sizeBytes").get<int64_t>(), int64_t(15));
    QCOMPARE(l0.at("command").get<std::string>(), std::string("#(nop) ADD file:x in / "));
    const auto &l1 = json.at("layer")[1];
    QCOMPARE(l1.at("id").get<std::string>(), std::string("def456"));
    QCOMPARE(l1.at("command").get<std::string>(), std::string("rm -rf /a && echo hi > /a.b"));
    QCOMPARE(l1.at("sizeBytes").get<int64_t>(), int64_t(7));

    // Post-order, children sorted by byte-wise name at each level (so a/f, inside a, comes before a-b
    // although "a-b" < "a.b" < "a/f" as whole strings); implied x/y and x are dive's zero FileInfo.
    const QStringList expected0 = {
        QStringLiteral("{a/f 48 '' 5 420 1000:1001 0}"),
        QStringLiteral("{a 53 '' 0 2147484141 0:0 1}"),
        QStringLiteral("{a-b 48 '' 1 420 0:0 0}"),
        QStringLiteral("{a.b 48 '' 2 420 0:0 0}"),
        QStringLiteral("{hl 49 'a/f' 0 420 0:0 0}"),
        QStringLiteral("{ln 50 'a/f' 0 134218239 0:0 0}"),
        QStringLiteral("{su 48 '' 3 8389101 0:0 0}"),
        QStringLiteral("{tmp 53 '' 0 2148532735 0:0 1}"),
        QStringLiteral("{x/y/z 48 '' 4 420 0:0 0}"),
        QStringLiteral("{ 0 '' 0 0 0:0 0}"),
        QStringLiteral("{ 0 '' 0 0 0:0 0}"),
    };
    QStringList got0;
    for (const auto &item : l0.at("fileList")) {
        QCOMPARE(
            keysOf(item), (QStringList { "path", "typeFlag", "linkName", "size", "fileMode", "uid", "gid", "isDir" }));
        got0 << describe(fileInfoOf(item));
    }
    QCOMPARE(got0, expected0);
    QStringList got1;
    for (const auto &item : l1.at("fileList"))
        got1 << describe(fileInfoOf(item));
    QCOMPARE(got1, (QStringList { "{.wh.a 48 '' 0 0 0:0 0}", "{a.b 48 '' 7 420 0:0 0}" }));

    const auto &image = json.at("image");
    QCOMPARE(keysOf(image), (QStringList { "sizeBytes", "inefficientBytes", "efficiencyScore", "fileReference" }));
    QCOMPARE(image.at("sizeBytes").get<int64_t>(), int64_t(22));
    QCOMPARE(image.at("inefficientBytes").get<int64_t>(), int64_t(9));
    QCOMPARE(image.at("efficiencyScore").get<double>(), 20.0 / 27.0);
    QCOMPARE(image.at("fileReference").size(), size_t(1));
    const auto &ref = image.at("fileReference")[0];
    QCOMPARE(keysOf(ref), (QStringList { "count", "sizeBytes", "file" }));
    QCOMPARE(ref.at("count").get<int>(), 2);
    QCOMPARE(ref.at("sizeBytes").get<int64_t>(), int64_t(9));
    QCOMPARE(ref.at("file").get<std::string>(), std::string("/a.b"));
}

void TestDiveEfficiency::exportOrderIsByComponent()
{
    // Names chosen so that whole-path order and per-component order differ: "b/c" vs "b-c", "b.c".
    // Per component: b's subtree first (b/c, b), then b-c, b.c. Bytes '-' 0x2d < '.' 0x2e < '/' 0x2f.
    auto img = makeImage({ { F("b.c", 1, 1), F("b-c", 1, 2), D("b"), F("b/c", 1, 3), F("B", 1, 4) } });
    const auto json = ballast::diveExportJson(*img, ballast::analyzeImage(*img));
    QStringList paths;
    for (const auto &item : json.at("layer")[0].at("fileList"))
        paths << sv(item.at("path").get<std::string>());
    QCOMPARE(paths, (QStringList { "B", "b/c", "b", "b-c", "b.c" })); // 'B' 0x42 sorts before 'b' 0x62
}

void TestDiveEfficiency::exportIntegralScore()
{
    auto img = makeImage({ { F("a", 10, 1) } });
    const auto text = ballast::diveExportJson(*img, ballast::analyzeImage(*img)).dump(2);
    QVERIFY2(QString::fromStdString(text).contains(QStringLiteral("\"efficiencyScore\": 1,")), text.c_str());
    QVERIFY(!QString::fromStdString(text).contains(QStringLiteral("1.0")));
}

void TestDiveEfficiency::exportLeavesOutOpaqueMarkers()
{
    // dive's FileTree.AddPath never adds a ".wh..wh.." component, so the opaque marker is in no
    // layer tree and in no fileList; its directory is (here with its own entry).
    auto img = makeImage({ { D("d"), F("d/old", 1, 1) }, { D("d"), OPQ("d"), F("d/new", 2, 2) } });
    const auto json = ballast::diveExportJson(*img, ballast::analyzeImage(*img));
    QStringList paths;
    for (const auto &item : json.at("layer")[1].at("fileList"))
        paths << sv(item.at("path").get<std::string>());
    QCOMPARE(paths, (QStringList { "d/new", "d" }));
}

void TestDiveEfficiency::goFileModeTable_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<uint>("mode");
    QTest::addColumn<uint>("expected");
    // os.FileMode: ModeDir 1<<31, ModeSymlink 1<<27, ModeDevice 1<<26, ModeNamedPipe 1<<25,
    // ModeSocket 1<<24, ModeSetuid 1<<23, ModeSetgid 1<<22, ModeCharDevice 1<<21, ModeSticky 1<<20.
    QTest::newRow("file 0644") << int(EntryType::File) << 0644u << 420u;
    QTest::newRow("dir 0755") << int(EntryType::Directory) << 0755u << 2147484141u; // 2^31 + 493
    QTest::newRow("symlink 0777") << int(EntryType::Symlink) << 0777u << 134218239u; // 2^27 + 511
    QTest::newRow("setuid 04755") << int(EntryType::File) << 04755u << 8389101u; // 2^23 + 493
    QTest::newRow("setgid 02755") << int(EntryType::File) << 02755u << 4194797u; // 2^22 + 493
    QTest::newRow("sticky dir 01777") << int(EntryType::Directory) << 01777u << 2148532735u; // 2^31 + 2^20 + 511
    QTest::newRow("char device 0620") << int(EntryType::CharDevice) << 0620u << 69206416u; // 2^26 + 2^21 + 400
    QTest::newRow("block device 0660") << int(EntryType::BlockDevice) << 0660u << 67109296u; // 2^26 + 432
    QTest::newRow("fifo 0644") << int(EntryType::Fifo) << 0644u << 33554852u; // 2^25 + 420
    QTest::newRow("hardlink 0644") << int(EntryType::Hardlink) << 0644u << 420u;
}

void TestDiveEfficiency::goFileModeTable()
{
    QFETCH(int, type);
    QFETCH(uint, mode);
    QFETCH(uint, expected);
    ballast::LayerEntry entry;
    entry.type = EntryType(type);
    entry.mode = mode;
    QCOMPARE(ballast::goFileMode(entry), uint32_t(expected));
}

QTEST_GUILESS_MAIN(TestDiveEfficiency)
#include "test_dive_efficiency.moc"
