// ImageDiff and the diff report against hand-derived expectations. Each row is a pair of small images
// built in memory (tests/support/LayerSpec.h through tests/support/AnalysisTestSupport.h) and
// everything the compare must say about them, worked out by hand from what a compare of two versions of an
// image must say: every changed path with its status, kind and sizes, directory roll-ups, layer
// alignment, the path counts, the top movements and the JSON rows. Nothing is read back from Ballast.
// A last suite writes the same content as real archives in different formats (tests/support) and
// diffs them after a real load.
#include "AnalysisTestSupport.h"
#include "ImageLoader.h"
#include "ImageWriter.h"
#include "diff/ImageDiff.h"
#include "report/DiffReport.h"
#include "util/LoadError.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

using namespace treetest;
using ballast::DiffStatus;
using ballast::EntryType;
using ballast::ImageDiff;
using ballast::MergedTree;
namespace bt = ballast::test;

namespace {

constexpr int64_t Absent = -1; // the path is not in that image (JSON: null; DiffNode: 0 bytes)

// One changed path: what `files` in the JSON and the ImageDiff must hold for it.
struct Row {
    std::string path;
    DiffStatus status;
    const char *kind;
    int64_t sizeA;
    int64_t sizeB;
};

// A roll-up check on any node, changed or not.
struct Roll {
    std::string path; // "" = the root
    int64_t bytesA;
    int64_t bytesB;
    bool contentsChanged;
    DiffStatus status = DiffStatus::Unchanged;
};

struct Move {
    std::string path;
    DiffStatus status;
    int64_t delta;
};

// One side: the layers, one diff_id label per layer (equal labels = equal diff_ids) and one
// created_by per layer (empty = no history entry).
struct Side {
    ImageSpec layers;
    QStringList ids;
    QStringList createdBy;
};

using Pairs = std::vector<std::pair<int, int>>;

struct Case {
    Side a, b;
    std::vector<Row> rows; // every changed path, in the order the JSON lists them
    std::vector<Roll> rolls;
    int64_t finalA = 0, finalB = 0; // regular-file bytes of each final filesystem
    Pairs shared, aligned, edited;
    std::vector<int> onlyA, onlyB;
    std::vector<Move> top; // topMovements(), largest |delta| first
};

QString diffIdOf(const QString &label)
{
    return QStringLiteral("sha256:")
        + QString::fromLatin1(QCryptographicHash::hash(label.toUtf8(), QCryptographicHash::Sha256).toHex());
}

std::shared_ptr<ballast::Image> build(const Side &side)
{
    analysistest::ImageOptions options;
    options.createdBy = side.createdBy;
    auto image = analysistest::makeImage(side.layers, options);
    image->config.diffIds.clear();
    for (size_t i = 0; i < image->layers.size(); ++i) {
        image->layers[i].diffId = diffIdOf(side.ids.value(qsizetype(i), QStringLiteral("unnamed-%1").arg(i)));
        image->config.diffIds << image->layers[i].diffId;
    }
    return image;
}

const char *kindName(EntryType type)
{
    switch (type) {
    case EntryType::File:
        return "file";
    case EntryType::Directory:
        return "dir";
    case EntryType::Symlink:
        return "symlink";
    case EntryType::Hardlink:
        return "hardlink";
    default:
        return "other";
    }
}

QString describe(const Row &r)
{
    auto size = [](int64_t s) { return s == Absent ? QStringLiteral("-") : QString::number(s); };
    return QStringLiteral("%1 %2 %3 %4 -> %5")
        .arg(QString::fromStdString(r.path), QLatin1String(ballast::diffStatusName(r.status)), QLatin1String(r.kind),
            size(r.sizeA), size(r.sizeB));
}

QString describe(const Move &m)
{
    return QStringLiteral("%1 %2 %3")
        .arg(QString::fromStdString(m.path), QLatin1String(ballast::diffStatusName(m.status)))
        .arg(m.delta);
}

QString describePair(const std::pair<int, int> &p)
{
    return QStringLiteral("A%1=B%2").arg(p.first).arg(p.second);
}

QStringList describeAll(const Pairs &pairs)
{
    QStringList out;
    for (const auto &p : pairs)
        out << describePair(p);
    return out;
}
QStringList describeAll(const std::vector<int> &list)
{
    QStringList out;
    for (int i : list)
        out << QString::number(i);
    return out;
}
template <typename T> QStringList describeAll(const std::vector<T> &list)
{
    QStringList out;
    for (const T &x : list)
        out << describe(x);
    return out;
}

// The changed paths of a diff, depth first in name order (a directory, then what it holds), over the
// whole tree (not only below nodes flagged contentsChanged, so that a wrong flag cannot hide a row).
std::vector<Row> changedRows(const ImageDiff &diff)
{
    std::vector<Row> out;
    std::vector<uint32_t> stack(diff.childrenOf[0].rbegin(), diff.childrenOf[0].rend());
    while (!stack.empty()) {
        const uint32_t n = stack.back();
        stack.pop_back();
        const ballast::DiffNode &node = diff.nodes[n];
        if (node.status != DiffStatus::Unchanged)
            out.push_back({ diff.path(n), node.status, kindName(diff.kind(n)),
                node.nodeA == MergedTree::NoNode ? Absent : node.bytesA,
                node.nodeB == MergedTree::NoNode ? Absent : node.bytesB });
        stack.insert(stack.end(), diff.childrenOf[n].rbegin(), diff.childrenOf[n].rend());
    }
    return out;
}

uint32_t nodeOf(const ImageDiff &diff, const std::string &path)
{
    if (path.empty())
        return 0;
    for (uint32_t n = 1; n < diff.nodes.size(); ++n)
        if (diff.path(n) == path)
            return n;
    return UINT32_MAX;
}

// A directory holding `entries`, in one layer. Paths use the layer decoder's form (relative).
LayerSpec baseLayer()
{
    // Final: etc, etc/passwd (100), usr, usr/bin, usr/bin/t -> tool, usr/bin/tool (1000), var,
    // var/log.txt (10) = 1110 bytes of regular files.
    return { D("etc"), F("etc/passwd", 100, 1), D("usr"), D("usr/bin"), F("usr/bin/tool", 1000, 2),
        L("usr/bin/t", "tool"), D("var"), F("var/log.txt", 10, 3) };
}
constexpr int64_t BaseBytes = 1110;

// `layer` without `path` and everything below it.
LayerSpec without(LayerSpec layer, const std::string &path)
{
    std::erase_if(layer, [&](const EntrySpec &e) { return e.path == path || e.path.starts_with(path + "/"); });
    return layer;
}
// `layer` with `entry` in place of the entry of the same path (appended when there is none).
LayerSpec with(LayerSpec layer, const EntrySpec &entry)
{
    auto it = std::find_if(layer.begin(), layer.end(), [&](const EntrySpec &e) { return e.path == entry.path; });
    if (it == layer.end())
        layer.push_back(entry);
    else
        *it = entry;
    return layer;
}
LayerSpec plus(LayerSpec layer, const LayerSpec &more)
{
    layer.insert(layer.end(), more.begin(), more.end());
    return layer;
}

// Single-layer pair: A is the base layer, B is `b` (a different layer with the same instruction, so
// the two align).
Case oneLayer(const LayerSpec &b)
{
    Case c;
    c.a = { { baseLayer() }, { "base" }, { "COPY rootfs /" } };
    c.b = { { b }, { "base-changed" }, { "COPY rootfs /" } };
    c.aligned = { { 0, 0 } };
    c.finalA = BaseBytes;
    return c;
}

const QString DigestA = QStringLiteral("3b1b4f7a0f7c2d8e9a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f");
const QString DigestB = QStringLiteral("c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00");
const QString DigestC = QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

// The same image content for the format suite: 3 layers; final regular files etc/hostname (8),
// bin/sh (1000), etc/motd (3), app/data.bin (5000) = 6011 bytes (bin/ash is a hardlink,
// tmp/old.log is whited out, usr/local/bin/tool is a symlink).
constexpr int64_t WrittenFinalBytes = 6011;
bt::ImageSpec writtenImage(char dataSeed = 'd', const std::string &architecture = "amd64")
{
    bt::ImageSpec image;
    image.tags = { "compare/me:1" };
    image.architecture = architecture;
    bt::LayerSpec base;
    base.createdBy = "/bin/sh -c #(nop) ADD file:" + DigestA.toStdString() + " in / ";
    base.entries = { bt::dirEntry("etc/"), bt::fileEntry("etc/hostname", "ballast\n"), bt::dirEntry("bin/"),
        bt::fileEntry("bin/sh", bt::filler(1000, 's'), 0755), bt::hardlinkEntry("bin/ash", "bin/sh"),
        bt::dirEntry("tmp/", 01777), bt::fileEntry("tmp/old.log", bt::filler(300, 't')) };
    bt::LayerSpec run;
    run.createdBy = "/bin/sh -c rm /tmp/old.log && echo hi > /etc/motd";
    run.entries = { bt::whiteoutEntry("tmp", "old.log"), bt::fileEntry("etc/motd", "hi\n"),
        bt::symlinkEntry("usr/local/bin/tool", "/bin/sh") };
    bt::LayerSpec copy;
    copy.createdBy = "/bin/sh -c #(nop) COPY dir:" + DigestB.toStdString() + " in /app ";
    copy.entries = { bt::dirEntry("app/"), bt::fileEntry("app/data.bin", bt::filler(5000, dataSeed)) };
    image.layers = { base, run, copy };
    return image;
}

} // namespace

Q_DECLARE_METATYPE(Case)
Q_DECLARE_METATYPE(bt::Format)
Q_DECLARE_METATYPE(bt::LayerCompression)

class TestImageDiff : public QObject {
    Q_OBJECT
private slots:
    void compare_data();
    void compare();
    void normalizedInstructions_data();
    void normalizedInstructions();
    void formats_data();
    void formats();
    void stopsWhenCancelled();
};

void TestImageDiff::compare_data()
{
    QTest::addColumn<Case>("c");
    using S = DiffStatus;
    const S Added = S::Added, Removed = S::Removed, Modified = S::Modified;

    // ---- files --------------------------------------------------------------------------------------
    {
        Case c;
        c.a = c.b = { { baseLayer() }, { "base" }, { "COPY rootfs /" } };
        c.finalA = c.finalB = BaseBytes;
        c.shared = { { 0, 0 } };
        c.rolls = { { "", 1110, 1110, false }, { "usr", 1000, 1000, false }, { "usr/bin", 1000, 1000, false },
            { "usr/bin/t", 0, 0, false }, { "var/log.txt", 10, 10, false } };
        QTest::newRow("identical") << c;
    }
    {
        Case c;
        c.a = c.b = { { baseLayer(), { F("opt/x", 5, 9) }, {} }, { "base", "x", "empty" },
            { "COPY rootfs /", "COPY x /opt", "WORKDIR /" } };
        c.finalA = c.finalB = BaseBytes + 5;
        c.shared = { { 0, 0 }, { 1, 1 }, { 2, 2 } };
        QTest::newRow("identical, three layers") << c;
    }
    {
        Case c = oneLayer(with(baseLayer(), F("etc/new.conf", 50, 9)));
        c.finalB = 1160;
        c.rows = { { "etc/new.conf", Added, "file", Absent, 50 } };
        c.rolls = { { "", 1110, 1160, true }, { "etc", 100, 150, true }, { "usr", 1000, 1000, false },
            { "etc/new.conf", 0, 50, true, Added } };
        c.top = { { "etc/new.conf", Added, 50 } };
        QTest::newRow("file added") << c;
    }
    {
        Case c = oneLayer(without(baseLayer(), "var/log.txt"));
        c.finalB = 1100;
        c.rows = { { "var/log.txt", Removed, "file", 10, Absent } };
        c.rolls = { { "var", 10, 0, true }, { "etc", 100, 100, false } };
        c.top = { { "var/log.txt", Removed, -10 } };
        QTest::newRow("file removed") << c;
    }
    {
        Case c = oneLayer(with(baseLayer(), F("etc/passwd", 100, 7)));
        c.finalB = BaseBytes;
        c.rows = { { "etc/passwd", Modified, "file", 100, 100 } };
        c.rolls = { { "etc", 100, 100, true }, { "", 1110, 1110, true } };
        QTest::newRow("content, same size") << c; // delta 0: no movement
    }
    {
        Case c = oneLayer(with(baseLayer(), F("etc/passwd", 250, 8)));
        c.finalB = 1260;
        c.rows = { { "etc/passwd", Modified, "file", 100, 250 } };
        c.rolls = { { "etc", 100, 250, true } };
        c.top = { { "etc/passwd", Modified, 150 } };
        QTest::newRow("content and size") << c;
    }
    {
        Case c = oneLayer(with(baseLayer(), F("etc/passwd", 100, 1).mode(0600)));
        c.finalB = BaseBytes;
        c.rows = { { "etc/passwd", Modified, "file", 100, 100 } };
        QTest::newRow("mode") << c;
    }
    {
        Case c = oneLayer(with(baseLayer(), D("usr/bin").mode(0700)));
        c.finalB = BaseBytes;
        c.rows = { { "usr/bin", Modified, "dir", 1000, 1000 } };
        c.rolls = { { "usr", 1000, 1000, true }, { "usr/bin/tool", 1000, 1000, false } };
        QTest::newRow("directory mode") << c; // a directory is no movement
    }
    {
        Case c = oneLayer(with(baseLayer(), F("etc/passwd", 100, 1).owner(1000, 0)));
        c.finalB = BaseBytes;
        c.rows = { { "etc/passwd", Modified, "file", 100, 100 } };
        QTest::newRow("owner uid") << c;
    }
    {
        Case c = oneLayer(with(baseLayer(), F("etc/passwd", 100, 1).owner(0, 42)));
        c.finalB = BaseBytes;
        c.rows = { { "etc/passwd", Modified, "file", 100, 100 } };
        QTest::newRow("owner gid") << c;
    }
    {
        Case c = oneLayer(with(baseLayer(), L("usr/bin/t", "../bin/tool")));
        c.finalB = BaseBytes;
        c.rows = { { "usr/bin/t", Modified, "symlink", 0, 0 } };
        QTest::newRow("link target") << c;
    }
    {
        Case c = oneLayer(with(baseLayer(), F("etc/passwd", 100, 1).at(1800000000)));
        c.finalB = BaseBytes;
        QTest::newRow("mtime only: unchanged") << c; // the list: type, size, mode, owner, link, content
    }
    {
        Case c
            = oneLayer(plus(without(baseLayer(), "var/log.txt"), { D("var/log.txt"), F("var/log.txt/part", 4, 11) }));
        c.finalB = 1104;
        c.rows = { { "var/log.txt", Modified, "dir", 10, 4 }, { "var/log.txt/part", Added, "file", Absent, 4 } };
        c.rolls = { { "var", 10, 4, true } };
        c.top = { { "var/log.txt", Modified, -6 } };
        QTest::newRow("type: file -> dir") << c;
    }
    {
        Case c = oneLayer(with(without(baseLayer(), "usr/bin"), F("usr/bin", 5, 12)));
        c.finalB = 115;
        c.rows = { { "usr/bin", Modified, "file", 1000, 5 }, { "usr/bin/t", Removed, "symlink", 0, Absent },
            { "usr/bin/tool", Removed, "file", 1000, Absent } };
        c.rolls = { { "usr", 1000, 5, true } };
        c.top = { { "usr/bin", Modified, -995 } };
        QTest::newRow("type: dir -> file") << c;
    }
    {
        Case c = oneLayer(with(baseLayer(), L("etc/passwd", "/x")));
        c.finalB = 1010;
        c.rows = { { "etc/passwd", Modified, "symlink", 100, 0 } };
        c.top = { { "etc/passwd", Modified, -100 } };
        QTest::newRow("type: file -> symlink") << c;
    }
    {
        Case c = oneLayer(with(baseLayer(), F("usr/bin/t", 30, 14)));
        c.finalB = 1140;
        c.rows = { { "usr/bin/t", Modified, "file", 0, 30 } };
        c.top = { { "usr/bin/t", Modified, 30 } };
        QTest::newRow("type: symlink -> file") << c;
    }
    {
        Case c = oneLayer(plus(with(baseLayer(), D("usr/bin/t")), { F("usr/bin/t/x", 3, 13) }));
        c.finalB = 1113;
        c.rows = { { "usr/bin/t", Modified, "dir", 0, 3 }, { "usr/bin/t/x", Added, "file", Absent, 3 } };
        c.top = { { "usr/bin/t", Modified, 3 } };
        QTest::newRow("type: symlink -> dir") << c;
    }
    {
        Case c = oneLayer(with(without(baseLayer(), "var"), L("var", "/tmp")));
        c.finalB = 1100;
        c.rows = { { "var", Modified, "symlink", 10, 0 }, { "var/log.txt", Removed, "file", 10, Absent } };
        c.top = { { "var", Modified, -10 } };
        QTest::newRow("type: dir -> symlink") << c;
    }
    {
        // Removed directory: the directory and each descendant are rows; the roll-up is -bytes.
        Case c;
        c.a = { { baseLayer(),
                    { D("opt"), D("opt/app"), F("opt/app/bin", 500, 20), F("opt/app/lib.so", 300, 21),
                        F("opt/readme", 5, 22) } },
            { "base", "opt" }, { "COPY rootfs /", "COPY opt /opt" } };
        c.b = { { baseLayer() }, { "base" }, { "COPY rootfs /" } };
        c.finalA = 1915;
        c.finalB = BaseBytes;
        c.shared = { { 0, 0 } };
        c.onlyA = { 1 };
        c.rows = { { "opt", Removed, "dir", 805, Absent }, { "opt/app", Removed, "dir", 800, Absent },
            { "opt/app/bin", Removed, "file", 500, Absent }, { "opt/app/lib.so", Removed, "file", 300, Absent },
            { "opt/readme", Removed, "file", 5, Absent } };
        c.rolls = { { "", 1915, 1110, true }, { "opt", 805, 0, true, Removed }, { "opt/app", 800, 0, true, Removed } };
        c.top = { { "opt", Removed, -805 } };
        QTest::newRow("directory removed") << c;
    }
    {
        Case c;
        c.a = { { baseLayer(), { F("opt/app/bin", 500, 20) } }, { "base", "opt" },
            { "COPY rootfs /", "COPY bin /opt/app/" } };
        c.b = { { baseLayer() }, { "base" }, { "COPY rootfs /" } };
        c.finalA = 1610;
        c.finalB = BaseBytes;
        c.shared = { { 0, 0 } };
        c.onlyA = { 1 };
        c.rows = { { "opt", Removed, "dir", 500, Absent }, { "opt/app", Removed, "dir", 500, Absent },
            { "opt/app/bin", Removed, "file", 500, Absent } };
        c.top = { { "opt", Removed, -500 } };
        QTest::newRow("implied directory removed") << c;
    }
    {
        // B adds a subtree, grows one file, drops two: movements by |delta|, subtrees as a whole.
        LayerSpec b = without(without(with(baseLayer(), F("etc/passwd", 300, 5)), "usr/bin/tool"), "var/log.txt");
        b = plus(b, { D("srv"), F("srv/big", 4000, 14), F("srv/small", 40, 15) });
        Case c = oneLayer(b);
        c.finalB = 4340;
        c.rows = { { "etc/passwd", Modified, "file", 100, 300 }, { "srv", Added, "dir", Absent, 4040 },
            { "srv/big", Added, "file", Absent, 4000 }, { "srv/small", Added, "file", Absent, 40 },
            { "usr/bin/tool", Removed, "file", 1000, Absent }, { "var/log.txt", Removed, "file", 10, Absent } };
        c.rolls = { { "", 1110, 4340, true }, { "usr", 1000, 0, true }, { "usr/bin", 1000, 0, true },
            { "srv", 0, 4040, true, Added } };
        c.top = { { "srv", Added, 4040 }, { "usr/bin/tool", Removed, -1000 }, { "etc/passwd", Modified, 200 },
            { "var/log.txt", Removed, -10 } };
        QTest::newRow("mixed, movements by |delta|") << c;
    }
    {
        // Parents without entries of their own against explicit directories: no spurious "modified".
        Case c;
        c.a = { { { F("a/b/c.txt", 10, 30) } }, { "implied" }, {} };
        c.b = { { { D("a"), D("a/b"), F("a/b/c.txt", 10, 30) } }, { "explicit" }, {} };
        c.finalA = c.finalB = 10;
        c.onlyA = { 0 };
        c.onlyB = { 0 }; // no history on either side: nothing to align by
        c.rolls = { { "a", 10, 10, false }, { "a/b", 10, 10, false } };
        QTest::newRow("implied vs explicit directories") << c;
        std::swap(c.a, c.b);
        QTest::newRow("explicit vs implied directories") << c;
    }
    {
        // An explicit entry in a lower layer keeps its metadata when an upper layer only implies it.
        Case c;
        c.a = { { { D("a").mode(0700), F("a/x", 1, 31) }, { F("a/y", 2, 32) } }, { "lower", "upper" },
            { "COPY x /a/", "COPY y /a/" } };
        c.b = { { { D("a"), F("a/x", 1, 31) }, { F("a/y", 2, 32) } }, { "lower-755", "upper" },
            { "COPY x /a/", "COPY y /a/" } };
        c.finalA = c.finalB = 3;
        c.shared = { { 1, 1 } };
        c.aligned = { { 0, 0 } };
        c.rows = { { "a", Modified, "dir", 3, 3 } };
        QTest::newRow("explicit dir mode under an implied upper layer") << c;
    }
    {
        // Whiteouts: only the final filesystems count. A deletes var/log.txt and puts it back unchanged.
        Case c;
        c.a = { { baseLayer(), { WH("var/.wh.log.txt") }, { F("var/log.txt", 10, 3) } }, { "base", "rm", "restore" },
            { "COPY rootfs /", "RUN rm /var/log.txt", "COPY log.txt /var/" } };
        c.b = { { baseLayer() }, { "base" }, { "COPY rootfs /" } };
        c.finalA = c.finalB = BaseBytes;
        c.shared = { { 0, 0 } };
        c.onlyA = { 1, 2 };
        QTest::newRow("deleted and restored") << c;
    }
    {
        Case c;
        c.a = { { baseLayer(), { WH("var/.wh.log.txt") } }, { "base", "rm" },
            { "COPY rootfs /", "RUN rm /var/log.txt" } };
        c.b = { { baseLayer() }, { "base" }, { "COPY rootfs /" } };
        c.finalA = 1100;
        c.finalB = BaseBytes;
        c.shared = { { 0, 0 } };
        c.onlyA = { 1 };
        c.rows = { { "var/log.txt", Added, "file", Absent, 10 } };
        c.top = { { "var/log.txt", Added, 10 } };
        QTest::newRow("whited out in A") << c;
    }
    {
        Case c;
        c.a = { { baseLayer(), { OPQ("usr/bin"), F("usr/bin/new", 7, 50) } }, { "base", "opq" },
            { "COPY rootfs /", "RUN reinstall" } };
        c.b = { { baseLayer() }, { "base" }, { "COPY rootfs /" } };
        c.finalA = 117;
        c.finalB = BaseBytes;
        c.shared = { { 0, 0 } };
        c.onlyA = { 1 };
        c.rows = { { "usr/bin/new", Removed, "file", 7, Absent }, { "usr/bin/t", Added, "symlink", Absent, 0 },
            { "usr/bin/tool", Added, "file", Absent, 1000 } };
        c.rolls = { { "usr/bin", 7, 1000, true } };
        c.top = { { "usr/bin/tool", Added, 1000 }, { "usr/bin/new", Removed, -7 } };
        QTest::newRow("opaque directory in A") << c;
    }
    {
        Case c;
        c.a = {
            { { F("bin/sh", 100, 40), H("bin/ash", "bin/sh"), entrySpec("run/fifo", EntryType::Fifo, 0, 0, 0644) } },
            { "a" }, { "ADD rootfs /" }
        };
        c.b = { { { F("bin/sh", 100, 40), H("bin/ash", "bin/busybox"), F("bin/busybox", 7, 41) } }, { "b" },
            { "ADD rootfs /" } };
        c.finalA = 100;
        c.finalB = 107;
        c.aligned = { { 0, 0 } };
        c.rows = { { "bin/ash", Modified, "hardlink", 0, 0 }, { "bin/busybox", Added, "file", Absent, 7 },
            { "run", Removed, "dir", 0, Absent }, { "run/fifo", Removed, "other", 0, Absent } };
        c.top = { { "bin/busybox", Added, 7 } };
        QTest::newRow("hardlink and other kinds") << c;
    }
    {
        // Rows in tree order: a directory is followed by what it holds, siblings byte-wise by name
        // ("a" < "a-c" < "a.txt"), so "a/b" comes before "a-c" although '-' < '/'.
        Case c;
        c.a = { { { F("k", 1, 60) } }, { "a" }, { "COPY . /" } };
        c.b = { { { F("k", 1, 60), F("a-c", 2, 61), F("a/b", 3, 62), F("a.txt", 4, 63) } }, { "b" }, { "COPY . /" } };
        c.finalA = 1;
        c.finalB = 10;
        c.aligned = { { 0, 0 } };
        c.rows = { { "a", Added, "dir", Absent, 3 }, { "a/b", Added, "file", Absent, 3 },
            { "a-c", Added, "file", Absent, 2 }, { "a.txt", Added, "file", Absent, 4 } };
        c.top = { { "a.txt", Added, 4 }, { "a", Added, 3 }, { "a-c", Added, 2 } };
        QTest::newRow("row order") << c;
    }
    {
        Case c;
        c.a = { { {} }, { "empty" }, { "WORKDIR /" } };
        c.b = { { baseLayer() }, { "base" }, { "COPY rootfs /" } };
        c.finalB = BaseBytes;
        c.onlyA = { 0 };
        c.onlyB = { 0 };
        c.rows = { { "etc", Added, "dir", Absent, 100 }, { "etc/passwd", Added, "file", Absent, 100 },
            { "usr", Added, "dir", Absent, 1000 }, { "usr/bin", Added, "dir", Absent, 1000 },
            { "usr/bin/t", Added, "symlink", Absent, 0 }, { "usr/bin/tool", Added, "file", Absent, 1000 },
            { "var", Added, "dir", Absent, 10 }, { "var/log.txt", Added, "file", Absent, 10 } };
        c.top = { { "usr", Added, 1000 }, { "etc", Added, 100 }, { "var", Added, 10 } };
        QTest::newRow("from an empty filesystem") << c;
    }

    // ---- layers -------------------------------------------------------------------------------------
    {
        // container-diff compared by position: one inserted layer shifted everything. By diff_id the
        // three original layers stay shared.
        Case c;
        c.a = { { { F("base", 10, 1) }, { F("app", 20, 2) }, { F("cfg", 5, 3) } }, { "base", "app", "cfg" },
            { "ADD base /", "COPY app /", "COPY cfg /" } };
        c.b = { { { F("base", 10, 1) }, { F("extra", 7, 4) }, { F("app", 20, 2) }, { F("cfg", 5, 3) } },
            { "base", "extra", "app", "cfg" }, { "ADD base /", "RUN make extra", "COPY app /", "COPY cfg /" } };
        c.finalA = 35;
        c.finalB = 42;
        c.shared = { { 0, 0 }, { 1, 2 }, { 2, 3 } };
        c.onlyB = { 1 };
        c.rows = { { "extra", Added, "file", Absent, 7 } };
        c.top = { { "extra", Added, 7 } };
        QTest::newRow("layers: inserted layer") << c;
    }
    {
        Case c;
        c.a = { { { F("x", 1, 1) }, { F("y", 2, 2) } }, { "x", "y" }, { "COPY x /", "COPY y /" } };
        c.b = { { { F("y", 2, 2) }, { F("x", 1, 1) } }, { "y", "x" }, { "COPY y /", "COPY x /" } };
        c.finalA = c.finalB = 3;
        c.shared = { { 0, 1 }, { 1, 0 } };
        QTest::newRow("layers: swapped") << c;
    }
    {
        Case c;
        c.a = { { { F("base", 10, 1) }, { F("opt/x", 10, 5) } }, { "base", "run-a" },
            { "ADD base /", "/bin/sh -c make /opt/x" } };
        c.b = { { { F("base", 10, 1) }, { F("opt/x", 12, 6) } }, { "base", "run-b" },
            { "ADD base /", "/bin/sh -c make /opt/x" } };
        c.finalA = 20;
        c.finalB = 22;
        c.shared = { { 0, 0 } };
        c.aligned = { { 1, 1 } };
        c.rows = { { "opt/x", Modified, "file", 10, 12 } };
        c.top = { { "opt/x", Modified, 2 } };
        QTest::newRow("layers: same RUN, other content") << c;
        c.b.createdBy[1] = QStringLiteral("RUN /bin/sh -c make /opt/x # buildkit");
        QTest::newRow("layers: same RUN, classic vs BuildKit") << c;
    }
    {
        Case c;
        c.a = { { { F("base", 10, 1) }, { F("x/f", 3, 7) } }, { "base", "copy-a" },
            { "ADD base /", QStringLiteral("/bin/sh -c #(nop) COPY file:%1 in /x ").arg(DigestA) } };
        c.b = { { { F("base", 10, 1) }, { F("x/f", 4, 8) } }, { "base", "copy-b" },
            { "ADD base /", QStringLiteral("/bin/sh -c #(nop) COPY file:%1 in /x ").arg(DigestB) } };
        c.finalA = 13;
        c.finalB = 14;
        c.shared = { { 0, 0 } };
        c.aligned = { { 1, 1 } };
        c.rows = { { "x/f", Modified, "file", 3, 4 } };
        c.top = { { "x/f", Modified, 1 } };
        QTest::newRow("layers: buildah COPY file:<sha256>") << c;
        c.b.createdBy[1] = QStringLiteral("/bin/sh -c #(nop) COPY file:%1 in /y ").arg(DigestB);
        c.aligned = {};
        // Past COPY: "file:<digest> in /x" and "file:<digest> in /y" share 2 of 3 words (2·2/6 ≥ ½).
        c.edited = { { 1, 1 } };
        QTest::newRow("layers: COPY file:<sha256> to another place") << c;
    }
    {
        Case c;
        c.a = { { { F("base", 10, 1) }, { F("a.out", 5, 7) } }, { "base", "make" }, { "ADD base /", "RUN make" } };
        c.b = { { { F("base", 10, 1) }, { F("b.out", 6, 8) } }, { "base", "install" },
            { "ADD base /", "RUN make install" } };
        c.finalA = 15;
        c.finalB = 16;
        c.shared = { { 0, 0 } };
        // Past RUN: "make" and "make install" share 1 word of 1 + 2 (2·1/3 ≥ ½): one step edited.
        c.edited = { { 1, 1 } };
        c.rows = { { "a.out", Removed, "file", 5, Absent }, { "b.out", Added, "file", Absent, 6 } };
        c.top = { { "b.out", Added, 6 }, { "a.out", Removed, -5 } };
        QTest::newRow("layers: edited step") << c;
        c.b.createdBy[1] = QStringLiteral("RUN apt-get install -y curl"); // nothing in common past RUN
        c.edited = {};
        c.onlyA = { 1 };
        c.onlyB = { 1 };
        QTest::newRow("layers: only A, only B") << c;
        c.b.createdBy[1] = QStringLiteral("RUN configure"); // the keyword alone says nothing
        QTest::newRow("layers: only the keyword in common") << c;
        c.a.createdBy[1] = QStringLiteral("RUN make a b");
        c.b.createdBy[1] = QStringLiteral("RUN make c d"); // 2·1/6 < ½
        QTest::newRow("layers: less than half in common") << c;
        c.a.createdBy[1] = QStringLiteral("COPY app /app");
        c.b.createdBy[1] = QStringLiteral("ADD app /app"); // all words past the keyword, but another instruction
        QTest::newRow("layers: other instruction, same words") << c;
    }
    {
        // "make all" is an edit of "make test" (2·1/4 = ½) and more of "make all -j4" (2·2/5): the closest wins.
        Case c;
        c.a = { { { F("base", 10, 1) }, { F("all", 5, 7) } }, { "base", "all" }, { "ADD base /", "RUN make all" } };
        c.b = { { { F("base", 10, 1) }, { F("test", 1, 8) }, { F("all", 6, 9) } }, { "base", "test", "all-j4" },
            { "ADD base /", "RUN make test", "RUN make all -j4" } };
        c.finalA = 15;
        c.finalB = 17;
        c.shared = { { 0, 0 } };
        c.edited = { { 1, 2 } };
        c.onlyB = { 1 };
        c.rows = { { "all", Modified, "file", 5, 6 }, { "test", Added, "file", Absent, 1 } };
        c.top = { { "all", Modified, 1 }, { "test", Added, 1 } };
        QTest::newRow("layers: the closest edit wins") << c;
    }
    {
        // Two steps with the same normalised instruction on each side pair up in order.
        Case c;
        c.a = { { { F("base", 10, 1) }, { F("x/1", 1, 2) }, { F("x/2", 2, 3) } }, { "base", "c1", "c2" },
            { "ADD base /", "COPY file:" + DigestA + " in /x", "COPY file:" + DigestB + " in /x" } };
        c.b = { { { F("base", 10, 1) }, { F("x/1", 1, 12) }, { F("x/2", 2, 13) } }, { "base", "d1", "d2" },
            { "ADD base /", "COPY file:" + DigestC + " in /x", "COPY file:" + DigestA + " in /x" } };
        c.finalA = c.finalB = 13;
        c.shared = { { 0, 0 } };
        c.aligned = { { 1, 1 }, { 2, 2 } };
        c.rows = { { "x/1", Modified, "file", 1, 1 }, { "x/2", Modified, "file", 2, 2 } };
        QTest::newRow("layers: repeated instruction") << c;
    }
    {
        // The same empty layer (same diff_id) twice on each side: each pairs once.
        Case c;
        c.a = c.b = { { { F("base", 10, 1) }, {}, {} }, { "base", "empty", "empty" },
            { "ADD base /", "WORKDIR /a", "WORKDIR /b" } };
        c.finalA = c.finalB = 10;
        c.shared = { { 0, 0 }, { 1, 1 }, { 2, 2 } };
        QTest::newRow("layers: repeated diff_id") << c;
    }
    {
        // The same steps in another order are still the same steps: layers not shared by
        // diff_id are aligned by the instruction that made them.
        Case c;
        c.a = { { { F("base", 10, 1) }, { F("c", 3, 3) }, { F("a", 1, 1) }, { F("b", 2, 2) } },
            { "base", "c", "a", "b" }, { "ADD base /", "RUN make c", "RUN make a", "RUN make b" } };
        c.b = { { { F("base", 10, 1) }, { F("a", 1, 11) }, { F("b", 2, 12) }, { F("c", 3, 13) } },
            { "base", "a2", "b2", "c2" }, { "ADD base /", "RUN make a", "RUN make b", "RUN make c" } };
        c.finalA = c.finalB = 16;
        c.shared = { { 0, 0 } };
        c.aligned = { { 1, 3 }, { 2, 1 }, { 3, 2 } };
        c.rows = { { "a", Modified, "file", 1, 1 }, { "b", Modified, "file", 2, 2 }, { "c", Modified, "file", 3, 3 } };
        QTest::newRow("layers: reordered steps") << c;
    }
}

void TestImageDiff::compare()
{
    QFETCH(Case, c);
    const auto a = build(c.a), b = build(c.b);
    QCOMPARE(int64_t(a->tree.finalFileBytes()), c.finalA); // the hand figures describe these images
    QCOMPARE(int64_t(b->tree.finalFileBytes()), c.finalB);
    const ImageDiff diff = ImageDiff::compute(a, b);

    // Rows.
    const std::vector<Row> rows = changedRows(diff);
    QCOMPARE(describeAll(rows), describeAll(c.rows));
    int64_t added = 0, removed = 0, modified = 0;
    for (const Row &r : c.rows)
        (r.status == DiffStatus::Added ? added : r.status == DiffStatus::Removed ? removed : modified)++;
    QCOMPARE(diff.added, added);
    QCOMPARE(diff.removed, removed);
    QCOMPARE(diff.modified, modified);
    QCOMPARE(diff.nodes[0].bytesA, c.finalA);
    QCOMPARE(diff.nodes[0].bytesB, c.finalB);
    QCOMPARE(diff.nodes[0].delta(), c.finalB - c.finalA);

    // Roll-ups and flags, on the hand list and as invariants over every node.
    for (const Roll &r : c.rolls) {
        const uint32_t n = nodeOf(diff, r.path);
        QVERIFY2(n != UINT32_MAX, r.path.c_str());
        const ballast::DiffNode &node = diff.nodes[n];
        QCOMPARE(node.bytesA, r.bytesA);
        QCOMPARE(node.bytesB, r.bytesB);
        QCOMPARE(node.delta(), r.bytesB - r.bytesA);
        QCOMPARE(node.contentsChanged, r.contentsChanged);
        QCOMPARE(node.status, r.status);
    }
    const int lastA = int(a->layers.size()) - 1, lastB = int(b->layers.size()) - 1;
    for (uint32_t n = 0; n < diff.nodes.size(); ++n) {
        const ballast::DiffNode &node = diff.nodes[n];
        bool below = false;
        int64_t sumA = 0, sumB = 0;
        for (uint32_t k : diff.childrenOf[n]) {
            QCOMPARE(diff.nodes[k].parent, n);
            QVERIFY(k > n);
            below = below || diff.nodes[k].contentsChanged;
            if (diff.nodes[k].nodeA != MergedTree::NoNode)
                sumA += diff.nodes[k].bytesA;
            if (diff.nodes[k].nodeB != MergedTree::NoNode)
                sumB += diff.nodes[k].bytesB;
        }
        QCOMPARE(node.contentsChanged, (n != 0 && node.status != DiffStatus::Unchanged) || below);
        if (node.nodeA != MergedTree::NoNode && a->tree.isDirectory(node.nodeA, lastA))
            QCOMPARE(node.bytesA, sumA);
        if (node.nodeB != MergedTree::NoNode && b->tree.isDirectory(node.nodeB, lastB))
            QCOMPARE(node.bytesB, sumB);
    }

    // Layers.
    QCOMPARE(describeAll(diff.layers.aligned), describeAll(c.aligned));
    QCOMPARE(describeAll(diff.layers.edited), describeAll(c.edited));
    QCOMPARE(describeAll(diff.layers.shared), describeAll(c.shared));
    QCOMPARE(describeAll(diff.layers.onlyA), describeAll(c.onlyA));
    QCOMPARE(describeAll(diff.layers.onlyB), describeAll(c.onlyB));

    // Top movements.
    const std::vector<uint32_t> top = ballast::topMovements(diff, 10);
    std::vector<Move> moves;
    for (uint32_t n : top)
        moves.push_back({ diff.path(n), diff.nodes[n].status, diff.nodes[n].delta() });
    QCOMPARE(describeAll(moves), describeAll(c.top));
    QCOMPARE(ballast::topMovements(diff, 1).size(), std::min<size_t>(1, top.size()));

    // JSON: summary, layers, files.
    const nlohmann::ordered_json json = ballast::diffJson(diff);
    const auto &summary = json.at("summary");
    QCOMPARE(summary.at("finalSizeBytesA").get<int64_t>(), c.finalA);
    QCOMPARE(summary.at("finalSizeBytesB").get<int64_t>(), c.finalB);
    QCOMPARE(summary.at("deltaBytes").get<int64_t>(), c.finalB - c.finalA);
    QCOMPARE(summary.at("added").get<int64_t>(), added);
    QCOMPARE(summary.at("removed").get<int64_t>(), removed);
    QCOMPARE(summary.at("modified").get<int64_t>(), modified);
    QCOMPARE(summary.at("layersA").get<size_t>(), c.a.layers.size());
    QCOMPARE(summary.at("layersB").get<size_t>(), c.b.layers.size());
    QCOMPARE(summary.at("layersShared").get<size_t>(), c.shared.size());
    QCOMPARE(summary.at("deltaPercent").get<double>(),
        c.finalA ? 100.0 * double(c.finalB - c.finalA) / double(c.finalA) : 0.0);
    std::vector<Move> jsonMoves;
    for (const auto &m : summary.at("topMovements")) {
        const std::string status = m.at("status").get<std::string>();
        jsonMoves.push_back({ m.at("path").get<std::string>(),
            status == "added"         ? DiffStatus::Added
                : status == "removed" ? DiffStatus::Removed
                                      : DiffStatus::Modified,
            m.at("deltaBytes").get<int64_t>() });
    }
    QCOMPARE(describeAll(jsonMoves), describeAll(moves)); // the JSON lists what topMovements() says

    auto pairsOf = [](const nlohmann::ordered_json &list, const ballast::Image &x, const ballast::Image &y) {
        Pairs out;
        for (const auto &p : list) {
            out.push_back({ p.at("a").get<int>(), p.at("b").get<int>() });
            if (p.at("diffIdA").get<std::string>() != x.layers[size_t(out.back().first)].diffId.toStdString()
                || p.at("diffIdB").get<std::string>() != y.layers[size_t(out.back().second)].diffId.toStdString())
                out.back() = { -1, -1 };
        }
        return out;
    };
    auto indexesOf = [](const nlohmann::ordered_json &list) {
        std::vector<int> out;
        for (const auto &i : list)
            out.push_back(i.at("index").get<int>());
        return out;
    };
    const auto &layers = json.at("layers");
    QCOMPARE(describeAll(pairsOf(layers.at("shared"), *a, *b)), describeAll(c.shared));
    for (const auto &p : layers.at("shared"))
        QCOMPARE(p.at("diffIdA").get<std::string>(), p.at("diffIdB").get<std::string>());
    QCOMPARE(describeAll(pairsOf(layers.at("aligned"), *a, *b)), describeAll(c.aligned));
    QCOMPARE(describeAll(pairsOf(layers.at("edited"), *a, *b)), describeAll(c.edited));
    QCOMPARE(describeAll(indexesOf(layers.at("onlyA"))), describeAll(c.onlyA));
    QCOMPARE(describeAll(indexesOf(layers.at("onlyB"))), describeAll(c.onlyB));

    std::vector<Row> jsonRows;
    static const std::map<std::string, DiffStatus> statuses { { "added", DiffStatus::Added },
        { "removed", DiffStatus::Removed }, { "modified", DiffStatus::Modified } };
    static const char *const kinds[] = { "file", "dir", "symlink", "hardlink", "other" };
    for (const auto &f : json.at("files")) {
        QCOMPARE(f.size(), size_t(5));
        const std::string kind = f.at("kind").get<std::string>();
        const char *known = nullptr;
        for (const char *k : kinds)
            if (kind == k)
                known = k;
        QVERIFY2(known, kind.c_str());
        QVERIFY(statuses.count(f.at("status").get<std::string>()));
        jsonRows.push_back({ f.at("path").get<std::string>(), statuses.at(f.at("status").get<std::string>()), known,
            f.at("sizeA").is_null() ? Absent : f.at("sizeA").get<int64_t>(),
            f.at("sizeB").is_null() ? Absent : f.at("sizeB").get<int64_t>() });
    }
    QCOMPARE(describeAll(jsonRows), describeAll(c.rows));

    // Text and Markdown carry the same summary.
    const QString counts = QStringLiteral("%1 added, %2 removed, %3 modified").arg(added).arg(removed).arg(modified);
    QVERIFY2(ballast::diffText(diff).contains(counts), qPrintable(ballast::diffText(diff)));
    QVERIFY2(ballast::diffMarkdown(diff).contains(
                 QStringLiteral("%1 paths added, %2 removed, %3 modified").arg(added).arg(removed).arg(modified)),
        qPrintable(ballast::diffMarkdown(diff)));
}

void TestImageDiff::normalizedInstructions_data()
{
    QTest::addColumn<QString>("x");
    QTest::addColumn<QString>("y");
    QTest::addColumn<bool>("same");
    const QString d1 = DigestA, d2 = DigestB;
    QTest::newRow("buildah COPY file") << QStringLiteral("/bin/sh -c #(nop) COPY file:%1 in /x ").arg(d1)
                                       << QStringLiteral("/bin/sh -c #(nop) COPY file:%1 in /x ").arg(d2) << true;
    QTest::newRow("docker ADD file") << QStringLiteral("/bin/sh -c #(nop) ADD file:%1 in / ").arg(d1)
                                     << QStringLiteral("/bin/sh -c #(nop) ADD file:%1 in / ").arg(d2) << true;
    QTest::newRow("COPY dir") << QStringLiteral("/bin/sh -c #(nop) COPY dir:%1 in /app ").arg(d1)
                              << QStringLiteral("/bin/sh -c #(nop) COPY dir:%1 in /app ").arg(d2) << true;
    QTest::newRow("sha256: digests") << QStringLiteral("COPY --from=sha256:%1 /a /a").arg(d1)
                                     << QStringLiteral("COPY --from=sha256:%1 /a /a").arg(d2) << true;
    QTest::newRow("classic vs BuildKit RUN") << QStringLiteral("/bin/sh -c apt-get update")
                                             << QStringLiteral("RUN /bin/sh -c apt-get update # buildkit") << true;
    QTest::newRow("whitespace") << QStringLiteral("/bin/sh -c make  all") << QStringLiteral("/bin/sh -c make all")
                                << true;
    QTest::newRow("other destination") << QStringLiteral("/bin/sh -c #(nop) COPY file:%1 in /x ").arg(d1)
                                       << QStringLiteral("/bin/sh -c #(nop) COPY file:%1 in /y ").arg(d1) << false;
    QTest::newRow("other command") << QStringLiteral("/bin/sh -c make") << QStringLiteral("/bin/sh -c make install")
                                   << false;
}

void TestImageDiff::normalizedInstructions()
{
    QFETCH(QString, x);
    QFETCH(QString, y);
    QFETCH(bool, same);
    QCOMPARE(ballast::normalizedInstruction(x) == ballast::normalizedInstruction(y), same);
}

void TestImageDiff::formats_data()
{
    QTest::addColumn<bt::Format>("formatA");
    QTest::addColumn<bt::Format>("formatB");
    QTest::addColumn<bt::LayerCompression>("compressionB");
    QTest::addColumn<char>("seedB"); // app/data.bin content of B ('d' = the same as A)
    QTest::addColumn<QString>("archB"); // B's architecture
    QTest::newRow("docker archive vs OCI archive") << bt::Format::DockerLegacy << bt::Format::OciArchive
                                                   << bt::LayerCompression::None << 'd' << QStringLiteral("amd64");
    QTest::newRow("docker archive vs OCI archive, gzip")
        << bt::Format::DockerLegacy << bt::Format::OciArchive << bt::LayerCompression::Gzip << 'd'
        << QStringLiteral("amd64");
    QTest::newRow("buildah archive vs OCI layout, zstd")
        << bt::Format::BuildahDockerArchive << bt::Format::OciDirectory << bt::LayerCompression::Zstd << 'd'
        << QStringLiteral("amd64");
    QTest::newRow("Docker 25 vs kaniko, gzip")
        << bt::Format::Docker25 << bt::Format::Kaniko << bt::LayerCompression::Gzip << 'd' << QStringLiteral("amd64");
    QTest::newRow("other platform") << bt::Format::DockerLegacy << bt::Format::OciArchive << bt::LayerCompression::Gzip
                                    << 'd' << QStringLiteral("arm64");
    QTest::newRow("one file changed") << bt::Format::DockerLegacy << bt::Format::OciArchive
                                      << bt::LayerCompression::Gzip << 'e' << QStringLiteral("amd64");
}

void TestImageDiff::formats()
{
    QFETCH(bt::Format, formatA);
    QFETCH(bt::Format, formatB);
    QFETCH(bt::LayerCompression, compressionB);
    QFETCH(char, seedB);
    QFETCH(QString, archB);
    QTemporaryDir dirA, dirB;
    QVERIFY(dirA.isValid() && dirB.isValid());
    const bt::WrittenArchive writtenA
        = bt::writeArchive(bt::singleImage(formatA, writtenImage()), dirA.path(), QStringLiteral("a"));
    bt::ImageSpec specB = writtenImage(seedB, archB.toStdString());
    for (bt::LayerSpec &layer : specB.layers)
        layer.compression = compressionB;
    const bt::WrittenArchive writtenB
        = bt::writeArchive(bt::singleImage(formatB, specB), dirB.path(), QStringLiteral("b"));

    std::shared_ptr<const ballast::Image> a, b;
    try {
        a = ballast::ImageLoader().load(writtenA.path);
        ballast::LoadOptions options;
        options.selection.platform = QStringLiteral("linux/") + archB;
        b = ballast::ImageLoader(options).load(writtenB.path);
    } catch (const std::exception &error) {
        QFAIL(error.what());
    }
    QCOMPARE(b->platform(), QStringLiteral("linux/") + archB);
    const ImageDiff diff = ImageDiff::compute(a, b);
    QCOMPARE(diff.nodes[0].bytesA, WrittenFinalBytes);
    QCOMPARE(diff.nodes[0].bytesB, WrittenFinalBytes);

    const bool changed = seedB != 'd';
    const std::vector<Row> expected = changed
        ? std::vector<Row> { { "app/data.bin", DiffStatus::Modified, "file", 5000, 5000 } }
        : std::vector<Row> {};
    QCOMPARE(describeAll(changedRows(diff)), describeAll(expected));
    QCOMPARE(diff.added, int64_t(0));
    QCOMPARE(diff.removed, int64_t(0));
    QCOMPARE(diff.modified, int64_t(changed ? 1 : 0));
    // Layers: same uncompressed tars = same diff_ids, whatever the packaging.
    const Pairs shared = changed ? Pairs { { 0, 0 }, { 1, 1 } } : Pairs { { 0, 0 }, { 1, 1 }, { 2, 2 } };
    QCOMPARE(describeAll(diff.layers.shared), describeAll(shared));
    QCOMPARE(describeAll(diff.layers.aligned), describeAll(changed ? Pairs { { 2, 2 } } : Pairs {}));
    QVERIFY(diff.layers.onlyA.empty());
    QVERIFY(diff.layers.onlyB.empty());
    for (const auto &[i, j] : diff.layers.shared) {
        QCOMPARE(a->layers[size_t(i)].diffId, writtenA.images[0].layers[size_t(i)].diffId);
        QCOMPARE(b->layers[size_t(j)].diffId, writtenB.images[0].layers[size_t(j)].diffId);
    }
    const nlohmann::ordered_json json = ballast::diffJson(diff);
    QCOMPARE(json.at("files").size(), expected.size());
    QCOMPARE(json.at("summary").at("deltaBytes").get<int64_t>(), int64_t(0));
    QCOMPARE(json.at("summary").at("layersShared").get<size_t>(), shared.size());
}

void TestImageDiff::stopsWhenCancelled()
{
    // A diff nobody wants any more (a newer comparison started) stops at its first look at the flag.
    const Side side { { baseLayer() }, { "base" }, { "COPY rootfs /" } };
    const auto a = build(side), b = build(side);
    std::atomic<bool> cancelled { true };
    QVERIFY_THROWS_EXCEPTION(ballast::LoadCancelled, ImageDiff::compute(a, b, &cancelled));
    cancelled = false; // a flag that stays down changes nothing
    const ImageDiff diff = ImageDiff::compute(a, b, &cancelled);
    QCOMPARE(diff.nodes.size(), ImageDiff::compute(a, b).nodes.size());
    QCOMPARE(diff.nodes[0].bytesA, BaseBytes);
    QCOMPARE(diff.nodes[0].bytesB, BaseBytes);
}

QTEST_GUILESS_MAIN(TestImageDiff)
#include "test_image_diff.moc"
