// Hardlinks in the merged tree: which name carries the bytes, which names share them, and what a
// directory of links holds beyond its own total. Each image is built in memory (LayerSpec.h) and
// every expected value follows from tar's rule that a link (typeflag '1', size 0) names a member
// stored as the file, worked out by hand.
#include "LayerSpec.h"
#include "tree/LayerSnapshot.h"
#include "tree/MergedTree.h"

#include <QTest>

using namespace treetest;
using ballast::LayerSnapshot;
using ballast::MergedTree;

class TestHardlinks : public QObject {
    Q_OBJECT
private slots:
    void linkSharesTheCarriersBytes();
    void directoryOfLinksHoldsLinkedBytes();
    void rewrittenOrRemovedCarrierBreaksTheLink();
    void linkToALowerLayer();
    void replacedLinkAndDanglingLink();
};

namespace {
// The sample's pair, as `tar -tvf` lists its layer 5: opt/app/bin/app is stored as the 8 MiB file,
// opt/app/dist/app.bin as a link to it.
LayerSpec samplePair()
{
    return { D("opt"), D("opt/app"), D("opt/app/bin"), F("opt/app/bin/app", 8388608, 7), D("opt/app/dist"),
        H("opt/app/dist/app.bin", "opt/app/bin/app"), F("opt/app/README.txt", 69, 3) };
}
} // namespace

void TestHardlinks::linkSharesTheCarriersBytes()
{
    const auto layers = makeLayers({ samplePair() });
    const MergedTree tree = MergedTree::build(layers);
    const auto link = tree.find("opt/app/dist/app.bin"), carrier = tree.find("opt/app/bin/app");
    QCOMPARE(tree.hardlinks().size(), size_t(1));
    QCOMPARE(tree.hardlinks()[0].node, link);
    QCOMPARE(tree.hardlinks()[0].target, carrier);

    const MergedTree::HardlinkShare share = tree.hardlinkShare(link, 0);
    QCOMPARE(share.target, carrier);
    QVERIFY(share.carrier);
    QCOMPARE(share.carrier->size, int64_t(8388608));
    QVERIFY(share.countedAtTarget);
    QCOMPARE(tree.hardlinksTo(carrier, 0), std::vector<MergedTree::NodeId> { link });
    // The carrier is no link, and names no other carrier.
    QCOMPARE(tree.hardlinkShare(carrier, 0).target, MergedTree::NoNode);
    QVERIFY(tree.hardlinksTo(link, 0).empty());
    // Bytes are counted once: 8 MiB + 69 in /opt/app, nothing in dist.
    QCOMPARE(tree.finalFileBytes(), int64_t(8388608 + 69));
    QCOMPARE(tree.finalSize(tree.find("opt/app/dist")), int64_t(0));
}

void TestHardlinks::directoryOfLinksHoldsLinkedBytes()
{
    // A second link in another tree (srv) and two links side by side with their carrier (lib).
    LayerSpec layer = samplePair();
    for (const EntrySpec &e : { D("srv"), H("srv/app", "opt/app/bin/app"), D("lib"), F("lib/libz.so.1.3", 1000, 9),
             H("lib/libz.so.1", "lib/libz.so.1.3") })
        layer.push_back(e);
    const auto layers = makeLayers({ layer });
    const MergedTree tree = MergedTree::build(layers);
    const LayerSnapshot snapshot = LayerSnapshot::compute(tree, 0);
    auto linked = [&](const char *path) {
        const auto it = snapshot.linkedBytes.find(tree.find(path));
        return it == snapshot.linkedBytes.end() ? int64_t(0) : it->second;
    };
    QCOMPARE(linked("opt/app/dist"), int64_t(8388608)); // its link's carrier is in bin, outside it
    QCOMPARE(linked("srv"), int64_t(8388608));
    QCOMPARE(linked("opt/app"), int64_t(0)); // holds the carrier: the bytes are in its total already
    QCOMPARE(linked("opt"), int64_t(0));
    QCOMPARE(linked("lib"), int64_t(0));
    QCOMPARE(linked(""), int64_t(0));
    QCOMPARE(snapshot.linkedBytes.size(), size_t(2));
    // The totals do not change: dist and srv count 0 B, the image 8 MiB + 69 + 1000.
    QCOMPARE(snapshot.bytes[tree.find("opt/app/dist")], int64_t(0));
    QCOMPARE(snapshot.bytes[tree.find("srv")], int64_t(0));
    QCOMPARE(snapshot.bytes[MergedTree::Root], int64_t(8388608 + 69 + 1000));
    const auto carrier = tree.find("opt/app/bin/app");
    QCOMPARE(tree.hardlinksTo(carrier, 0),
        (std::vector<MergedTree::NodeId> { tree.find("opt/app/dist/app.bin"), tree.find("srv/app") }));
}

void TestHardlinks::rewrittenOrRemovedCarrierBreaksTheLink()
{
    const auto layers = makeLayers({ samplePair(), { F("opt/app/bin/app", 50, 8) }, { WH("opt/app/bin/.wh.app") } });
    const MergedTree tree = MergedTree::build(layers);
    const auto link = tree.find("opt/app/dist/app.bin"), carrier = tree.find("opt/app/bin/app");
    // Layer 1 writes the carrier's path anew: the link keeps the 8 MiB it had (a copy-up breaks a
    // hardlink in overlayfs), and the path that counted them no longer holds them.
    for (int layer : { 1, 2 }) {
        const MergedTree::HardlinkShare share = tree.hardlinkShare(link, layer);
        QCOMPARE(share.target, carrier);
        QVERIFY(share.carrier);
        QCOMPARE(share.carrier->size, int64_t(8388608));
        QVERIFY(!share.countedAtTarget);
        QVERIFY(tree.hardlinksTo(carrier, layer).empty());
        QVERIFY(LayerSnapshot::compute(tree, layer).linkedBytes.empty());
    }
    QVERIFY(tree.hardlinkShare(link, 0).countedAtTarget);
    QCOMPARE(LayerSnapshot::compute(tree, 0).linkedBytes.size(), size_t(1));
}

void TestHardlinks::linkToALowerLayer()
{
    const auto layers = makeLayers({ { F("a", 10, 1) }, { H("b", "a") } });
    const MergedTree tree = MergedTree::build(layers);
    const MergedTree::HardlinkShare share = tree.hardlinkShare(tree.find("b"), 1);
    QCOMPARE(share.target, tree.find("a"));
    QVERIFY(share.carrier);
    QCOMPARE(share.carrier->size, int64_t(10));
    QVERIFY(share.countedAtTarget);
    QCOMPARE(tree.hardlinksTo(tree.find("a"), 1), std::vector<MergedTree::NodeId> { tree.find("b") });
    QVERIFY(tree.hardlinksTo(tree.find("a"), 0).empty()); // b does not exist yet
}

void TestHardlinks::replacedLinkAndDanglingLink()
{
    const auto layers
        = makeLayers({ { F("a", 10, 1), H("b", "a"), H("c", "missing") }, { F("b", 4, 2) }, { WH(".wh.c") } });
    const MergedTree tree = MergedTree::build(layers);
    const auto a = tree.find("a"), b = tree.find("b"), c = tree.find("c");
    QCOMPARE(tree.hardlinkShare(b, 1).target, MergedTree::NoNode); // b is a regular file now
    QVERIFY(tree.hardlinksTo(a, 1).empty());
    QCOMPARE(tree.hardlinksTo(a, 0), std::vector<MergedTree::NodeId> { b });
    const MergedTree::HardlinkShare dangling = tree.hardlinkShare(c, 0);
    QCOMPARE(dangling.target, MergedTree::NoNode);
    QVERIFY(!dangling.carrier);
    QVERIFY(!dangling.countedAtTarget);
    QCOMPARE(tree.hardlinkShare(c, 2).target, MergedTree::NoNode); // removed
}

QTEST_GUILESS_MAIN(TestHardlinks)
#include "test_hardlinks.moc"
