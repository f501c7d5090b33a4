// The merged tree against hand-derived expectations: each row is a small image described in memory
// (LayerSpec.h) plus what the tree must say about some paths after some layers. Every expected value
// below was worked out by hand from the whiteout rules (OCI image spec, "Whiteouts"), not
// read back from Ballast.
#include "LayerSpec.h"
#include "ReferenceMerge.h"
#include "tree/MergedTree.h"
#include "util/LoadError.h"

#include <QRandomGenerator>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <set>

using namespace treetest;
using ballast::EntryType;
using ballast::MergedTree;
using ballast::NodeStatus;

namespace {

enum class Ent { Skip, None, File, Dir, Symlink, Hardlink }; // what entry(node, layer) must be

struct Expect {
    std::string path;
    int layer = 0;
    NodeStatus status = NodeStatus::Absent;
    int writer = -2; // lastWriter(node, layer); -2 = not checked
    int64_t bytes = -1; // aggregatedSizes(layer)[node]; -1 = not checked
    Ent entry = Ent::Skip; // entry(node, layer)
    int64_t entrySize = -1;
    int directory = -1; // isDirectory(node, layer): 0/1, -1 = not checked
    bool missing = false; // the path is no node of the tree at all

    Expect dir(bool d) const
    {
        Expect e = *this;
        e.directory = d ? 1 : 0;
        return e;
    }
};

Expect X(std::string path, int layer, NodeStatus status, int writer, int64_t bytes = -1, Ent entry = Ent::Skip,
    int64_t entrySize = -1)
{
    Expect e;
    e.path = std::move(path);
    e.layer = layer;
    e.status = status;
    e.writer = writer;
    e.bytes = bytes;
    e.entry = entry;
    e.entrySize = entrySize;
    return e;
}
Expect Missing(std::string path)
{
    Expect e;
    e.path = std::move(path);
    e.missing = true;
    return e;
}

using Checks = std::vector<Expect>;

constexpr auto Added = NodeStatus::Added;
constexpr auto Modified = NodeStatus::Modified;
constexpr auto Removed = NodeStatus::Removed;
constexpr auto Unchanged = NodeStatus::Unchanged;
constexpr auto Absent = NodeStatus::Absent;

QString sv(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}
QString statusText(NodeStatus s)
{
    return QString::fromLatin1(ballast::nodeStatusName(s));
}

QString entText(const ballast::LayerEntry *e)
{
    if (!e)
        return QStringLiteral("none");
    switch (e->type) {
    case EntryType::File:
        return QStringLiteral("file");
    case EntryType::Directory:
        return QStringLiteral("dir");
    case EntryType::Symlink:
        return QStringLiteral("symlink");
    case EntryType::Hardlink:
        return QStringLiteral("hardlink");
    default:
        return QString::fromLatin1(ballast::entryTypeName(e->type));
    }
}
QString entText(Ent e)
{
    switch (e) {
    case Ent::None:
        return QStringLiteral("none");
    case Ent::File:
        return QStringLiteral("file");
    case Ent::Dir:
        return QStringLiteral("dir");
    case Ent::Symlink:
        return QStringLiteral("symlink");
    case Ent::Hardlink:
        return QStringLiteral("hardlink");
    case Ent::Skip:
        break;
    }
    return {};
}

// Paths of every node that exists after `layer`, found by walking children() from the root.
QStringList pathsAfter(const MergedTree &tree, int layer)
{
    QStringList out;
    std::vector<MergedTree::NodeId> stack { MergedTree::Root };
    while (!stack.empty()) {
        const auto node = stack.back();
        stack.pop_back();
        if (node != MergedTree::Root && tree.existsAfter(node, layer))
            out << QString::fromStdString(tree.path(node));
        for (auto child : tree.children(node))
            stack.push_back(child);
    }
    out.sort();
    return out;
}

// Structural facts that hold for every tree, whatever the input.
void checkInvariants(const MergedTree &tree)
{
    QVERIFY(tree.nodeCount() >= 1);
    QCOMPARE(tree.find(""), MergedTree::Root);
    QCOMPARE(tree.path(MergedTree::Root), std::string());
    size_t childCount = 0;
    for (MergedTree::NodeId node = 0; node < tree.nodeCount(); ++node) {
        const auto kids = tree.children(node);
        childCount += kids.size();
        for (size_t i = 0; i < kids.size(); ++i) {
            QCOMPARE(tree.parent(kids[i]), node);
            if (i > 0) // strictly increasing, byte-wise (memcmp order: unsigned bytes)
                QVERIFY2(tree.name(kids[i - 1]) < tree.name(kids[i]),
                    qPrintable(sv(tree.name(kids[i - 1])) + " !< " + sv(tree.name(kids[i]))));
        }
        if (node != MergedTree::Root) {
            QVERIFY(!tree.name(node).empty());
            QCOMPARE(tree.find(tree.path(node)), node);
        }
    }
    QCOMPARE(childCount + 1, tree.nodeCount()); // every node but the root is somebody's child once

    for (int layer = 0; layer < tree.layerCount(); ++layer) {
        const auto sizes = tree.aggregatedSizes(layer);
        QCOMPARE(sizes.size(), tree.nodeCount());
        for (MergedTree::NodeId node = 1; node < tree.nodeCount(); ++node) {
            const bool exists = tree.existsAfter(node, layer);
            const NodeStatus st = tree.status(node, layer);
            const QString where
                = QStringLiteral("%1 after layer %2").arg(QString::fromStdString(tree.path(node))).arg(layer);
            QVERIFY2(exists == (st == Added || st == Modified || st == Unchanged), qPrintable(where));
            QVERIFY2(exists == (tree.lastWriter(node, layer) >= 0), qPrintable(where));
            if (exists) // a present node has a present parent
                QVERIFY2(tree.existsAfter(tree.parent(node), layer), qPrintable(where));
            if (st == Absent)
                QVERIFY2(sizes[node] == 0, qPrintable(where));
        }
    }
    if (tree.layerCount() > 0) {
        const int last = tree.layerCount() - 1;
        const auto sizes = tree.aggregatedSizes(last);
        QCOMPARE(sizes[MergedTree::Root], tree.finalFileBytes());
        QCOMPARE(tree.finalSize(MergedTree::Root), tree.finalFileBytes());
        for (MergedTree::NodeId node = 1; node < tree.nodeCount(); ++node)
            if (tree.existsAfter(node, last))
                QCOMPARE(tree.finalSize(node), sizes[node]);
        QCOMPARE(qint64(pathsAfter(tree, last).size()), qint64(tree.finalEntryCount()));
    }
}

} // namespace

Q_DECLARE_METATYPE(Checks)

class TestMergedTree : public QObject {
    Q_OBJECT

private slots:
    void scenarios_data();
    void scenarios();
    void findAndPath_data();
    void findAndPath();
    void childrenSortedByteWise_data();
    void childrenSortedByteWise();
    void randomImagesAgainstReference_data();
    void randomImagesAgainstReference();
    void isDirectoryOfMarkerImpliedDir_data();
    void isDirectoryOfMarkerImpliedDir();
    void emptyTree();
    void cancellation();
};

void TestMergedTree::scenarios_data()
{
    QTest::addColumn<ImageSpec>("image");
    QTest::addColumn<Checks>("checks");
    QTest::addColumn<qint64>("finalEntries");
    QTest::addColumn<qint64>("finalFiles");
    QTest::addColumn<qint64>("finalBytes");
    QTest::addColumn<QStringList>("finalPaths");

    // ---- plain adds and implicit parents -------------------------------------------------------
    QTest::newRow("plain adds")
        << ImageSpec { { D("etc"), F("etc/hosts", 10, 1), F("etc/passwd", 20, 2) }, { F("bin/sh", 100, 3) } }
        << Checks { X("etc", 0, Added, 0, 30, Ent::Dir).dir(true),
               X("etc/hosts", 0, Added, 0, 10, Ent::File, 10).dir(false),
               X("etc/passwd", 0, Added, 0, 20, Ent::File, 20), X("bin", 0, Absent, -1, 0, Ent::None),
               X("bin/sh", 0, Absent, -1, 0, Ent::None), X("bin", 1, Added, 1, 100, Ent::None).dir(true),
               X("bin/sh", 1, Added, 1, 100, Ent::File, 100), X("etc", 1, Unchanged, 0, 30, Ent::Dir),
               X("etc/hosts", 1, Unchanged, 0, 10, Ent::File, 10), X("", 0, Unchanged, -2, 30),
               X("", 1, Unchanged, -2, 130) }
        << qint64(5) << qint64(3) << qint64(130) << QStringList { "bin", "bin/sh", "etc", "etc/hosts", "etc/passwd" };

    QTest::newRow("implicit parents counted once")
        << ImageSpec { { F("a/b/c/one", 1, 1), F("a/b/c/two", 2, 2), F("a/b/three", 4, 3) }, { F("a/b/c/four", 8, 4) } }
        << Checks { X("a", 0, Added, 0, 7, Ent::None).dir(true), X("a/b", 0, Added, 0, 7, Ent::None),
               X("a/b/c", 0, Added, 0, 3, Ent::None), X("a/b/c", 1, Unchanged, 0, 11, Ent::None),
               X("a", 1, Unchanged, 0, 15), X("a/b/c/four", 1, Added, 1, 8, Ent::File, 8),
               X("a/b/c/one", 1, Unchanged, 0, 1) }
        << qint64(7) << qint64(4) << qint64(15)
        << QStringList { "a", "a/b", "a/b/c", "a/b/c/four", "a/b/c/one", "a/b/c/two", "a/b/three" };

    QTest::newRow("explicit dir entry after its child in one layer")
        << ImageSpec { { F("x/y", 3, 1), D("x").mode(0700) } }
        << Checks { X("x", 0, Added, 0, 3, Ent::Dir), X("x/y", 0, Added, 0, 3, Ent::File, 3) } << qint64(2) << qint64(1)
        << qint64(3) << QStringList { "x", "x/y" };

    QTest::newRow("implied dir, explicit entry in a later layer")
        << ImageSpec { { F("x/y", 3, 1) }, { D("x") } }
        << Checks { X("x", 0, Added, 0, 3, Ent::None), X("x", 1, Unchanged, 1, 3, Ent::Dir) } << qint64(2) << qint64(1)
        << qint64(3) << QStringList { "x", "x/y" };

    // ---- modifications -------------------------------------------------------------------------
    QTest::newRow("modify: content hash")
        << ImageSpec { { F("f", 10, 1) }, { F("f", 10, 2) } }
        << Checks { X("f", 0, Added, 0, 10), X("f", 1, Modified, 1, 10, Ent::File, 10) } << qint64(1) << qint64(1)
        << qint64(10) << QStringList { "f" };
    QTest::newRow("modify: size") << ImageSpec { { F("f", 10, 1) }, { F("f", 12, 1) } }
                                  << Checks { X("f", 1, Modified, 1, 12, Ent::File, 12), X("", 1, Unchanged, -2, 12) }
                                  << qint64(1) << qint64(1) << qint64(12) << QStringList { "f" };
    QTest::newRow("modify: mode only") << ImageSpec { { F("f", 10, 1) }, { F("f", 10, 1).mode(0600) } }
                                       << Checks { X("f", 1, Modified, 1, 10) } << qint64(1) << qint64(1) << qint64(10)
                                       << QStringList { "f" };
    QTest::newRow("modify: uid only") << ImageSpec { { F("f", 10, 1) }, { F("f", 10, 1).owner(1000, 0) } }
                                      << Checks { X("f", 1, Modified, 1, 10) } << qint64(1) << qint64(1) << qint64(10)
                                      << QStringList { "f" };
    QTest::newRow("modify: gid only") << ImageSpec { { F("f", 10, 1) }, { F("f", 10, 1).owner(0, 50) } }
                                      << Checks { X("f", 1, Modified, 1, 10) } << qint64(1) << qint64(1) << qint64(10)
                                      << QStringList { "f" };
    QTest::newRow("identical re-write: unchanged, lastWriter moves")
        << ImageSpec { { F("f", 10, 1) }, { F("f", 10, 1) }, { F("g", 1, 2) } }
        << Checks { X("f", 0, Added, 0, 10), X("f", 1, Unchanged, 1, 10, Ent::File, 10), X("f", 2, Unchanged, 1, 10) }
        << qint64(2) << qint64(2) << qint64(11) << QStringList { "f", "g" };
    QTest::newRow("mtime-only re-write is unchanged")
        << ImageSpec { { F("f", 10, 1) }, { F("f", 10, 1).at(1800000000) } } << Checks { X("f", 1, Unchanged, 1, 10) }
        << qint64(1) << qint64(1) << qint64(10) << QStringList { "f" };
    QTest::newRow("symlink retarget, then same target")
        << ImageSpec { { L("l", "a") }, { L("l", "b") }, { L("l", "b") } }
        << Checks { X("l", 0, Added, 0, 0, Ent::Symlink), X("l", 1, Modified, 1, 0, Ent::Symlink),
               X("l", 2, Unchanged, 2, 0, Ent::Symlink) }
        << qint64(1) << qint64(0) << qint64(0) << QStringList { "l" };
    QTest::newRow("directory re-listed, then chmod")
        << ImageSpec { { D("d"), F("d/x", 4, 1) }, { D("d") }, { D("d").mode(0700) } }
        << Checks { X("d", 1, Unchanged, 1, 4, Ent::Dir), X("d", 2, Modified, 2, 4, Ent::Dir),
               X("d/x", 2, Unchanged, 0, 4) }
        << qint64(2) << qint64(1) << qint64(4) << QStringList { "d", "d/x" };

    // ---- whiteouts -----------------------------------------------------------------------------
    QTest::newRow("whiteout of a file")
        << ImageSpec { { D("d"), F("d/a", 5, 1), F("d/b", 7, 2) }, { WH("d/.wh.a") }, { F("other", 1, 9) } }
        << Checks { X("d/a", 0, Added, 0, 5),
               X("d/a", 1, Removed, -1, 5, Ent::File, 5), // visible in the removing layer with its bytes
               X("d", 1, Unchanged, 0, 7, Ent::Dir), // ...but not counted in its present parent
               X("", 1, Unchanged, -2, 7), X("d/b", 1, Unchanged, 0, 7), X("d/a", 2, Absent, -1, 0, Ent::None),
               X("d", 2, Unchanged, 0, 7), Missing("d/.wh.a"), Missing(".wh.a") }
        << qint64(3) << qint64(2) << qint64(8) << QStringList { "d", "d/b", "other" };

    QTest::newRow("whiteout of a directory removes all descendants")
        << ImageSpec { { D("d"), D("d/sub"), F("d/sub/x", 3, 1), F("d/y", 4, 2), L("d/sub/l", "x"), F("keep", 1, 3) },
               { WH(".wh.d") } }
        << Checks { X("d", 1, Removed, -1, 7, Ent::Dir).dir(true), X("d/sub", 1, Removed, -1, 3, Ent::Dir),
               X("d/sub/x", 1, Removed, -1, 3, Ent::File, 3), X("d/sub/l", 1, Removed, -1, 0, Ent::Symlink),
               X("d/y", 1, Removed, -1, 4), X("keep", 1, Unchanged, 0, 1), X("", 1, Unchanged, -2, 1),
               X("d", 0, Added, 0, 7) }
        << qint64(1) << qint64(1) << qint64(1) << QStringList { "keep" };

    QTest::newRow("whiteout of an implied directory")
        << ImageSpec { { F("p/q/r", 6, 1) }, { WH("p/.wh.q") } }
        << Checks { X("p/q", 1, Removed, -1, 6, Ent::None).dir(true), X("p/q/r", 1, Removed, -1, 6, Ent::File, 6),
               X("p", 1, Unchanged, 0, 0, Ent::None) }
        << qint64(1) << qint64(0) << qint64(0) << QStringList { "p" };

    QTest::newRow("whiteout of a path that never existed is ignored")
        << ImageSpec { { F("a", 1, 1) }, { WH(".wh.ghost"), F("b", 2, 2) } }
        << Checks { Missing("ghost"), Missing(".wh.ghost"), X("a", 1, Unchanged, 0, 1), X("b", 1, Added, 1, 2) }
        << qint64(2) << qint64(2) << qint64(3) << QStringList { "a", "b" };

    QTest::newRow("whiteout of an already removed path changes nothing")
        << ImageSpec { { F("a", 1, 1) }, { WH(".wh.a") }, { WH(".wh.a") } }
        << Checks { X("a", 1, Removed, -1, 1), X("a", 2, Absent, -1, 0, Ent::None) } << qint64(0) << qint64(0)
        << qint64(0) << QStringList {};

    // Like docker's and containerd's unpackers, the marker's parent directory is created even when
    // the whiteout itself has nothing to hide.
    QTest::newRow("whiteout below a missing directory implies only the directory")
        << ImageSpec { { F("a", 1, 1) }, { WH("nodir/.wh.x") } }
        << Checks { X("nodir", 1, Added, 1, 0, Ent::None), Missing("nodir/x"), Missing("nodir/.wh.x") } << qint64(2)
        << qint64(1) << qint64(1) << QStringList { "a", "nodir" };

    QTest::newRow("whiteout hits only the exact name, not prefixes")
        << ImageSpec { { F("ab", 1, 1), F("a", 2, 2), D("a.d"), F("a.d/x", 3, 3) }, { WH(".wh.a") } }
        << Checks { X("a", 1, Removed, -1, 2), X("ab", 1, Unchanged, 0, 1), X("a.d", 1, Unchanged, 0, 3),
               X("a.d/x", 1, Unchanged, 0, 3), X("", 1, Unchanged, -2, 4) }
        << qint64(3) << qint64(2) << qint64(4) << QStringList { "a.d", "a.d/x", "ab" };

    QTest::newRow("re-added after a whiteout")
        << ImageSpec { { F("f", 1, 1) }, { WH(".wh.f") }, { F("f", 1, 1) } }
        << Checks { X("f", 1, Removed, -1, 1), X("f", 2, Added, 2, 1, Ent::File, 1) } << qint64(1) << qint64(1)
        << qint64(1) << QStringList { "f" };

    // A layer's whiteouts hide only what the layers below hold, whatever the order of its entries.
    QTest::newRow("same layer: add then whiteout, nothing below")
        << ImageSpec { { F("d/f", 5, 1), WH("d/.wh.f") } }
        << Checks { X("d/f", 0, Added, 0, 5, Ent::File, 5), X("d", 0, Added, 0, 5) } << qint64(2) << qint64(1)
        << qint64(5) << QStringList { "d", "d/f" };
    QTest::newRow("same layer: whiteout then add, nothing below")
        << ImageSpec { { WH("d/.wh.f"), F("d/f", 5, 1) } } << Checks { X("d/f", 0, Added, 0, 5, Ent::File, 5) }
        << qint64(2) << qint64(1) << qint64(5) << QStringList { "d", "d/f" };
    QTest::newRow("same layer: add then whiteout, replaces lower")
        << ImageSpec { { F("d/f", 5, 1) }, { F("d/f", 6, 2), WH("d/.wh.f") } }
        << Checks { X("d/f", 1, Modified, 1, 6, Ent::File, 6), X("d", 1, Unchanged, 0, 6) } << qint64(2) << qint64(1)
        << qint64(6) << QStringList { "d", "d/f" };
    QTest::newRow("same layer: whiteout then add, replaces lower")
        << ImageSpec { { F("d/f", 5, 1) }, { WH("d/.wh.f"), F("d/f", 6, 2) } }
        << Checks { X("d/f", 1, Modified, 1, 6, Ent::File, 6) } << qint64(2) << qint64(1) << qint64(6)
        << QStringList { "d", "d/f" };
    QTest::newRow("same layer: whiteout of a dir, new child re-creates it")
        << ImageSpec { { D("d"), F("d/old", 1, 1) }, { F("d/new", 2, 2), WH(".wh.d") } }
        << Checks { X("d", 1, Unchanged, 1, 2, Ent::None), X("d/old", 1, Removed, -1, 1), X("d/new", 1, Added, 1, 2),
               X("", 1, Unchanged, -2, 2) }
        << qint64(2) << qint64(1) << qint64(2) << QStringList { "d", "d/new" };

    // ---- opaque directories --------------------------------------------------------------------
    const LayerSpec opaqueBase { D("d"), F("d/a", 1, 1), D("d/s"), F("d/s/b", 2, 2), F("e", 4, 4) };
    const Checks opaqueChecks { X("d/a", 1, Removed, -1, 1, Ent::File, 1), X("d/s", 1, Removed, -1, 2, Ent::Dir),
        X("d/s/b", 1, Removed, -1, 2), X("d/c", 1, Added, 1, 8, Ent::File, 8), X("d", 1, Unchanged, 1, 8, Ent::Dir),
        X("e", 1, Unchanged, 0, 4), X("", 1, Unchanged, -2, 12), Missing("d/.wh..wh..opq"), X("d/s", 0, Added, 0, 2) };
    QTest::newRow("opaque dir: marker first")
        << ImageSpec { opaqueBase, { D("d"), OPQ("d"), F("d/c", 8, 3) } } << opaqueChecks << qint64(3) << qint64(2)
        << qint64(12) << QStringList { "d", "d/c", "e" };
    QTest::newRow("opaque dir: marker last")
        << ImageSpec { opaqueBase, { D("d"), F("d/c", 8, 3), OPQ("d") } } << opaqueChecks << qint64(3) << qint64(2)
        << qint64(12) << QStringList { "d", "d/c", "e" };
    QTest::newRow("opaque dir: this layer re-adds a lower name")
        << ImageSpec { opaqueBase, { OPQ("d"), F("d/a", 1, 1) } }
        << Checks { X("d/a", 1, Unchanged, 1, 1), X("d/s", 1, Removed, -1, 2), X("d/s/b", 1, Removed, -1, 2),
               X("d", 1, Unchanged, 0, 1, Ent::Dir) }
        << qint64(3) << qint64(2) << qint64(5) << QStringList { "d", "d/a", "e" };
    QTest::newRow("opaque on a nonexistent dir")
        << ImageSpec { { F("e", 1, 1) }, { OPQ("x"), F("x/n", 2, 2) } }
        << Checks { X("x", 1, Added, 1, 2, Ent::None), X("x/n", 1, Added, 1, 2), X("e", 1, Unchanged, 0, 1) }
        << qint64(3) << qint64(2) << qint64(3) << QStringList { "e", "x", "x/n" };
    QTest::newRow("opaque on a dir emptied below")
        << ImageSpec { { F("d/s/t/u", 3, 1) }, { OPQ("d/s") } }
        << Checks { X("d/s", 1, Unchanged, 0, 0, Ent::None), X("d/s/t", 1, Removed, -1, 3),
               X("d/s/t/u", 1, Removed, -1, 3), X("d", 1, Unchanged, 0, 0) }
        << qint64(2) << qint64(0) << qint64(0) << QStringList { "d", "d/s" };
    QTest::newRow("opaque at the root") << ImageSpec { { F("a", 1, 1), D("d"), F("d/x", 5, 5) },
        { OPQ(""), F("b", 2, 2) } }
                                        << Checks { X("a", 1, Removed, -1, 1), X("d", 1, Removed, -1, 5),
                                               X("d/x", 1, Removed, -1, 5), X("b", 1, Added, 1, 2),
                                               X("", 1, Unchanged, -2, 2) }
                                        << qint64(1) << qint64(1) << qint64(2) << QStringList { "b" };

    // ---- type changes --------------------------------------------------------------------------
    QTest::newRow("dir replaced by a file and back")
        << ImageSpec { { D("d"), F("d/x", 3, 1), D("d/s"), F("d/s/y", 4, 2) }, { F("d", 10, 3) }, { D("d") } }
        << Checks { X("d", 1, Modified, 1, 10, Ent::File, 10).dir(false), X("d/x", 1, Removed, -1, 3),
               X("d/s", 1, Removed, -1, 4, Ent::Dir), X("d/s/y", 1, Removed, -1, 4), X("", 1, Unchanged, -2, 10),
               X("d", 2, Modified, 2, 0, Ent::Dir).dir(true), X("d/x", 2, Absent, -1, 0, Ent::None),
               X("d/s/y", 2, Absent, -1, 0) }
        << qint64(1) << qint64(0) << qint64(0) << QStringList { "d" };
    QTest::newRow("file replaced by a dir via a child entry")
        << ImageSpec { { F("f", 5, 1) }, { F("f/x", 2, 2) } }
        << Checks { X("f", 0, Added, 0, 5, Ent::File, 5).dir(false), X("f", 1, Modified, 1, 2, Ent::None).dir(true),
               X("f/x", 1, Added, 1, 2), X("", 1, Unchanged, -2, 2) }
        << qint64(2) << qint64(1) << qint64(2) << QStringList { "f", "f/x" };
    QTest::newRow("dir replaced by a symlink")
        << ImageSpec { { D("d"), F("d/x", 1, 1) }, { L("d", "/elsewhere") } }
        << Checks { X("d", 1, Modified, 1, 0, Ent::Symlink), X("d/x", 1, Removed, -1, 1) } << qint64(1) << qint64(0)
        << qint64(0) << QStringList { "d" };
    QTest::newRow("symlink replaced by a dir")
        << ImageSpec { { L("l", "t") }, { D("l"), F("l/x", 1, 1) } }
        << Checks { X("l", 1, Modified, 1, 1, Ent::Dir), X("l/x", 1, Added, 1, 1) } << qint64(2) << qint64(1)
        << qint64(1) << QStringList { "l", "l/x" };

    // ---- duplicates within one layer: the last entry wins ----------------------------------------
    QTest::newRow("duplicate file entries")
        << ImageSpec { { F("a", 1, 1), F("a", 5, 2) } } << Checks { X("a", 0, Added, 0, 5, Ent::File, 5) } << qint64(1)
        << qint64(1) << qint64(5) << QStringList { "a" };
    QTest::newRow("duplicate: dir with child, then file")
        << ImageSpec { { D("d"), F("d/x", 1, 1), F("d", 2, 2) } }
        << Checks { X("d", 0, Added, 0, 2, Ent::File, 2), X("d/x", 0, Absent, -1, 0, Ent::None) } << qint64(1)
        << qint64(1) << qint64(2) << QStringList { "d" };
    QTest::newRow("duplicate: file, then dir with child")
        << ImageSpec { { F("d", 2, 2), D("d"), F("d/x", 1, 1) } }
        << Checks { X("d", 0, Added, 0, 1, Ent::Dir), X("d/x", 0, Added, 0, 1) } << qint64(2) << qint64(1) << qint64(1)
        << QStringList { "d", "d/x" };
    QTest::newRow("duplicate over a lower version") << ImageSpec { { F("a", 3, 3) }, { F("a", 1, 1), F("a", 3, 3) } }
                                                    << Checks { X("a", 1, Unchanged, 1, 3, Ent::File, 3) } << qint64(1)
                                                    << qint64(1) << qint64(3) << QStringList { "a" };

    // ---- counting --------------------------------------------------------------------------------
    QTest::newRow("hardlinks and symlinks are not files")
        << ImageSpec { { F("a", 10, 1), H("b", "a"), H("c", "a"), L("s", "a") } }
        << Checks { X("b", 0, Added, 0, 0, Ent::Hardlink), X("", 0, Unchanged, -2, 10) } << qint64(4) << qint64(1)
        << qint64(10) << QStringList { "a", "b", "c", "s" };
    QTest::newRow("aggregated sizes over three layers")
        << ImageSpec { { D("usr"), F("usr/a", 100, 1), F("usr/b", 200, 2) }, { F("usr/a", 150, 3), F("usr/c", 50, 4) },
               { WH("usr/.wh.b"), F("tmp/t", 7, 5) } }
        << Checks { X("usr", 0, Added, 0, 300), X("usr", 1, Unchanged, 0, 400), X("usr/a", 1, Modified, 1, 150),
               X("usr", 2, Unchanged, 0, 200), X("usr/b", 2, Removed, -1, 200), X("", 2, Unchanged, -2, 207),
               X("", 0, Unchanged, -2, 300), X("tmp", 2, Added, 2, 7, Ent::None) }
        << qint64(5) << qint64(3) << qint64(207) << QStringList { "tmp", "tmp/t", "usr", "usr/a", "usr/c" };
}

void TestMergedTree::scenarios()
{
    QFETCH(ImageSpec, image);
    QFETCH(Checks, checks);
    QFETCH(qint64, finalEntries);
    QFETCH(qint64, finalFiles);
    QFETCH(qint64, finalBytes);
    QFETCH(QStringList, finalPaths);

    const std::vector<ballast::Layer> layers = makeLayers(image);
    const MergedTree tree = MergedTree::build(layers);
    QCOMPARE(tree.layerCount(), int(layers.size()));

    for (const Expect &x : checks) {
        const auto node = tree.find(x.path);
        const QString where = QStringLiteral("\"%1\" after layer %2").arg(QString::fromStdString(x.path)).arg(x.layer);
        if (x.missing) {
            QVERIFY2(node == MergedTree::NoNode, qPrintable(where + " should be no node"));
            continue;
        }
        QVERIFY2(node != MergedTree::NoNode, qPrintable(where + " not found"));
        QCOMPARE(tree.path(node), x.path);
        QVERIFY2(tree.status(node, x.layer) == x.status,
            qPrintable(
                where + ": status " + statusText(tree.status(node, x.layer)) + ", expected " + statusText(x.status)));
        const bool shouldExist = x.status == Added || x.status == Modified || x.status == Unchanged;
        QVERIFY2(tree.existsAfter(node, x.layer) == shouldExist, qPrintable(where + ": existsAfter"));
        if (x.writer != -2)
            QVERIFY2(tree.lastWriter(node, x.layer) == x.writer,
                qPrintable(where
                    + QStringLiteral(": lastWriter %1, expected %2")
                          .arg(tree.lastWriter(node, x.layer))
                          .arg(x.writer)));
        if (x.bytes >= 0) {
            const auto sizes = tree.aggregatedSizes(x.layer);
            QVERIFY2(sizes[node] == x.bytes,
                qPrintable(where + QStringLiteral(": aggregated %1 bytes, expected %2").arg(sizes[node]).arg(x.bytes)));
        }
        if (x.entry != Ent::Skip) {
            const ballast::LayerEntry *e = tree.entry(node, x.layer);
            QVERIFY2(entText(e) == entText(x.entry),
                qPrintable(where + ": entry " + entText(e) + ", expected " + entText(x.entry)));
            if (e && x.entrySize >= 0)
                QCOMPARE(e->size, x.entrySize);
        }
        if (x.directory >= 0)
            QVERIFY2(tree.isDirectory(node, x.layer) == bool(x.directory), qPrintable(where + ": isDirectory"));
    }

    QCOMPARE(qint64(tree.finalEntryCount()), finalEntries);
    QCOMPARE(qint64(tree.finalFileCount()), finalFiles);
    QCOMPARE(qint64(tree.finalFileBytes()), finalBytes);
    if (!layers.empty())
        QCOMPARE(pathsAfter(tree, int(layers.size()) - 1), finalPaths);
    checkInvariants(tree);
    if (QTest::currentTestFailed())
        return;
    compareWithReference(tree, layers, image, true); // and the naive model agrees with the table row
}

void TestMergedTree::findAndPath_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("existsFinally");

    QTest::newRow("file") << "usr/lib/libc.so" << true << "usr/lib/libc.so" << true;
    QTest::newRow("leading slash") << "/usr/lib/libc.so" << true << "usr/lib/libc.so" << true;
    QTest::newRow("doubled and trailing slashes") << "usr//lib/" << true << "usr/lib" << true;
    QTest::newRow("empty is the root") << "" << true << "" << true;
    QTest::newRow("slash is the root") << "/" << true << "" << true;
    QTest::newRow("implied dir") << "usr/share" << true << "usr/share" << true;
    QTest::newRow("top-level file") << "top" << true << "top" << true;
    QTest::newRow("missing leaf") << "usr/lib/nope" << false << "" << false;
    QTest::newRow("below a file") << "usr/lib/libc.so/x" << false << "" << false;
    QTest::newRow("name prefix") << "us" << false << "" << false;
    QTest::newRow("longer name") << "usrx" << false << "" << false;
    QTest::newRow("case matters") << "TOP" << false << "" << false;
    QTest::newRow("removed stays findable") << "usr/bin/env" << true << "usr/bin/env" << false;
    QTest::newRow("removed dir stays findable") << "usr/bin" << true << "usr/bin" << false;
    QTest::newRow("utf-8 name") << "usr/share/grüße.txt" << true << "usr/share/grüße.txt" << true;
    QTest::newRow("name with space") << "usr/share/a b" << true << "usr/share/a b" << true;
    QTest::newRow("whiteout marker is no node") << "usr/.wh.bin" << false << "" << false;
}

void TestMergedTree::findAndPath()
{
    QFETCH(QString, query);
    QFETCH(bool, found);
    QFETCH(QString, path);
    QFETCH(bool, existsFinally);

    const ImageSpec image { { D("usr"), D("usr/lib"), F("usr/lib/libc.so", 10, 1), F("usr/bin/env", 1, 2),
                                F("top", 1, 3), F("usr/share/grüße.txt", 2, 4), F("usr/share/a b", 3, 5) },
        { WH("usr/.wh.bin") } };
    const auto layers = makeLayers(image);
    const MergedTree tree = MergedTree::build(layers);
    const auto node = tree.find(query.toStdString());
    QCOMPARE(node != MergedTree::NoNode, found);
    if (!found)
        return;
    QCOMPARE(QString::fromStdString(tree.path(node)), path);
    QCOMPARE(tree.existsAfter(node, 1), existsFinally);
    checkInvariants(tree);
}

void TestMergedTree::childrenSortedByteWise_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("sorted");

    QTest::newRow("ascii case and digits")
        << QStringList { "b", "B", "a", "A", "_", "0" } << QStringList { "0", "A", "B", "_", "a", "b" };
    QTest::newRow("punctuation after a prefix")
        << QStringList { "a0", "a.txt", "a", "a-b" } << QStringList { "a", "a-b", "a.txt", "a0" };
    QTest::newRow("utf-8 after ascii") << QStringList { "é", "z", "Z", "ä", "~" }
                                       << QStringList { "Z", "z", "~", "ä", "é" }; // ä = C3 A4, é = C3 A9
    QStringList many, manySorted;
    for (int i = 2999; i >= 0; --i)
        many << QStringLiteral("n%1").arg(i, 4, 10, QLatin1Char('0'));
    manySorted = many;
    std::sort(manySorted.begin(), manySorted.end());
    QTest::newRow("3000 names, reversed (hash tables grow)") << many << manySorted;
}

void TestMergedTree::childrenSortedByteWise()
{
    QFETCH(QStringList, names);
    QFETCH(QStringList, sorted);

    // The same names at the root, under a directory, and spread over two layers.
    LayerSpec first, second;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const std::string n = names[i].toStdString();
        first.push_back(F(n, 1, 1));
        (i % 2 ? second : first).push_back(F("p/" + n, 1, 1));
    }
    const auto layers = makeLayers({ first, second });
    const MergedTree tree = MergedTree::build(layers);
    for (const char *dir : { "", "p" }) {
        const auto node = tree.find(dir);
        QVERIFY(node != MergedTree::NoNode);
        QStringList got;
        for (auto child : tree.children(node))
            if (tree.name(child) != "p")
                got << sv(tree.name(child));
        QCOMPARE(got, sorted);
        for (const QString &name : names)
            QVERIFY(tree.find(std::string(dir) + "/" + name.toStdString()) != MergedTree::NoNode);
    }
    QCOMPARE(qint64(tree.finalEntryCount()), qint64(2 * names.size() + 1));
    QCOMPARE(qint64(tree.finalFileCount()), qint64(2 * names.size()));
    checkInvariants(tree);
}

// Random small images over a tiny name space (so paths collide, shadow, get whited out and change
// type often), each checked layer by layer against the naive reference merge. Rows are seeds.
void TestMergedTree::randomImagesAgainstReference_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 40; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

void TestMergedTree::randomImagesAgainstReference()
{
    QFETCH(quint32, seed);
    QRandomGenerator rng(seed);
    const char *const names[] = { "a", "b", "c" };
    auto randomPath = [&](int minDepth, int maxDepth) {
        std::string path;
        const int depth = minDepth + int(rng.bounded(maxDepth - minDepth + 1));
        for (int i = 0; i < depth; ++i)
            path += (path.empty() ? "" : "/") + std::string(names[rng.bounded(3)]);
        return path;
    };
    for (int image = 0; image < 25; ++image) {
        ImageSpec spec(1 + rng.bounded(5));
        for (LayerSpec &layer : spec) {
            const int count = 1 + int(rng.bounded(8));
            for (int i = 0; i < count; ++i) {
                const quint32 roll = rng.bounded(100);
                if (roll < 40) {
                    EntrySpec f = F(randomPath(1, 3), int64_t(rng.bounded(4)) * 5, 1 + rng.bounded(2));
                    if (rng.bounded(5) == 0)
                        f = f.mode(0600);
                    if (rng.bounded(6) == 0)
                        f = f.owner(1000, 1000);
                    layer.push_back(f.at(int64_t(rng.bounded(3))));
                } else if (roll < 60) {
                    layer.push_back(rng.bounded(5) == 0 ? D(randomPath(1, 3)).mode(0700) : D(randomPath(1, 3)));
                } else if (roll < 67) {
                    layer.push_back(L(randomPath(1, 3), names[rng.bounded(3)]));
                } else if (roll < 72) {
                    layer.push_back(H(randomPath(1, 3), randomPath(1, 3)));
                } else if (roll < 90) {
                    const std::string dir = randomPath(0, 2);
                    layer.push_back(WH((dir.empty() ? "" : dir + "/") + ".wh." + names[rng.bounded(3)]));
                } else {
                    layer.push_back(OPQ(randomPath(0, 2)));
                }
            }
        }
        const auto layers = makeLayers(spec);
        const MergedTree tree = MergedTree::build(layers);
        checkInvariants(tree);
        compareWithReference(tree, layers, spec, true);
        if (QTest::currentTestFailed()) {
            QString dump;
            for (size_t k = 0; k < spec.size(); ++k) {
                dump += QStringLiteral("layer %1:").arg(k);
                for (const EntrySpec &e : spec[k])
                    dump
                        += QStringLiteral(" %1(%2%3 %4b h%5 %6)")
                               .arg(QString::fromLatin1(ballast::entryTypeName(e.type)), QString::fromStdString(e.path),
                                   e.link.empty() ? QString() : " -> " + QString::fromStdString(e.link))
                               .arg(e.size)
                               .arg(e.hash)
                               .arg(e.permissions, 0, 8);
                dump += QLatin1Char('\n');
            }
            qWarning().noquote() << "image" << image << "of seed" << seed << "\n" << dump;
            return;
        }
    }
}

// A marker's directory exists in the marker's layer (an implied directory, like any entry's parent),
// but it gets no child node: isDirectory() must not decide implied directories by "has children".
void TestMergedTree::isDirectoryOfMarkerImpliedDir_data()
{
    QTest::addColumn<ImageSpec>("image");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("layer");
    QTest::newRow("whiteout in a directory no layer has")
        << ImageSpec { { F("a", 1, 1) }, { WH("nodir/.wh.x") } } << "nodir" << 1;
    QTest::newRow("opaque marker alone in a new directory") << ImageSpec { { OPQ("x") } } << "x" << 0;
    QTest::newRow("whiteout below a file makes it a directory")
        << ImageSpec { { F("f", 1, 1) }, { WH("f/.wh.x") } } << "f" << 1;
}

void TestMergedTree::isDirectoryOfMarkerImpliedDir()
{
    QFETCH(ImageSpec, image);
    QFETCH(QString, path);
    QFETCH(int, layer);
    const auto layers = makeLayers(image);
    const MergedTree tree = MergedTree::build(layers);
    const auto node = tree.find(path.toStdString());
    QVERIFY(node != MergedTree::NoNode);
    QVERIFY(tree.existsAfter(node, layer));
    QCOMPARE(tree.entry(node, layer), nullptr); // an implied directory
    QVERIFY(tree.status(node, layer) == Added || tree.status(node, layer) == Modified);
    QVERIFY2(tree.isDirectory(node, layer), "isDirectory() is false for an existing implied directory");
}

void TestMergedTree::emptyTree()
{
    const MergedTree none;
    QCOMPARE(none.find("a"), MergedTree::NoNode);
    QCOMPARE(none.finalFileBytes(), int64_t(0));

    const std::vector<ballast::Layer> layers;
    const MergedTree tree = MergedTree::build(layers);
    QCOMPARE(tree.nodeCount(), size_t(1));
    QCOMPARE(tree.finalEntryCount(), int64_t(0));
    QCOMPARE(tree.finalFileCount(), int64_t(0));
    QCOMPARE(tree.finalFileBytes(), int64_t(0));
    QCOMPARE(tree.find(""), MergedTree::Root);

    const auto one = makeLayers(ImageSpec(1)); // one layer without entries
    const MergedTree empty = MergedTree::build(one);
    QCOMPARE(empty.finalEntryCount(), int64_t(0));
    QCOMPARE(empty.aggregatedSizes(0).size(), size_t(1));
}

void TestMergedTree::cancellation()
{
    const auto layers = makeLayers({ { F("a", 1, 1) } });
    std::atomic<bool> cancelled { true };
    QVERIFY_THROWS_EXCEPTION(ballast::LoadCancelled, MergedTree::build(layers, &cancelled));
}

QTEST_GUILESS_MAIN(TestMergedTree)
#include "test_merged_tree.moc"
