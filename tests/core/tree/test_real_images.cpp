// The committed real images (tests/data/real/*, resources/sample) loaded with ballast::ImageLoader and
// compared with the figures of their expected.json, which tests/data/real/expected_from_tar.py wrote
// from Python's tarfile and GNU tar, never from Ballast. One row per image and archive format.
//
// Besides the oracle's own figures, the test merges the oracle's per-layer entry listings itself with
// the naive reference merge of ReferenceMerge.h (full path strings in a std::map, sharing nothing with
// MergedTreeBuilder) to get the filesystem after *every* layer, and checks the tree's per-layer
// existence, status, last writer, entries and aggregated sizes against it.
#include "ImageLoader.h"
#include "ReferenceMerge.h"
#include "util/LoadError.h"

#include <QFile>
#include <QTest>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <set>

using ballast::EntryType;
using ballast::MergedTree;
using ballast::NodeStatus;
using nlohmann::json;

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}
QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// The oracle's names for entry types (expected_from_tar.py, kind()).
std::string oracleType(EntryType type)
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
    case EntryType::CharDevice:
        return "chardev";
    case EntryType::BlockDevice:
        return "blockdev";
    case EntryType::Fifo:
        return "fifo";
    case EntryType::Socket:
        return "other";
    case EntryType::Whiteout:
        return "whiteout";
    case EntryType::OpaqueWhiteout:
        return "opaque";
    }
    return "?";
}
std::string octal4(uint32_t mode)
{
    return QString::asprintf("%04o", mode).toStdString();
}
std::string compressionText(ballast::Compression c)
{
    switch (c) {
    case ballast::Compression::None:
        return "none";
    case ballast::Compression::Gzip:
        return "gzip";
    case ballast::Compression::Zstd:
        return "zstd";
    }
    return "?";
}
std::string str(const json &j, const char *key, std::string fallback = {})
{
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

struct Fixture {
    std::shared_ptr<const ballast::Image> image;
    json doc; // expected.json
    json archive; // doc["archives"][i] for this file
    QString file;
};

// The oracle's per-layer listings as LayerSpecs, for the reference merge (ReferenceMerge.h).
EntryType typeFromOracle(const std::string &t)
{
    static const std::map<std::string, EntryType> types { { "file", EntryType::File }, { "dir", EntryType::Directory },
        { "symlink", EntryType::Symlink }, { "hardlink", EntryType::Hardlink }, { "fifo", EntryType::Fifo },
        { "chardev", EntryType::CharDevice }, { "blockdev", EntryType::BlockDevice },
        { "whiteout", EntryType::Whiteout }, { "opaque", EntryType::OpaqueWhiteout } };
    auto it = types.find(t);
    return it == types.end() ? EntryType::Socket : it->second;
}
treetest::ImageSpec specFromOracle(const json &doc)
{
    treetest::ImageSpec spec;
    for (const json &layer : doc["layers"]) {
        treetest::LayerSpec entries;
        for (const json &e : layer["entries"]) {
            treetest::EntrySpec x = treetest::entrySpec(e["path"], typeFromOracle(e["type"]), e["size"], 0,
                uint32_t(std::stoul(e["mode"].get<std::string>(), nullptr, 8)), str(e, "linkname"));
            x = x.owner(e["uid"], e["gid"]);
            entries.push_back(x);
        }
        spec.push_back(entries);
    }
    return spec;
}

// Every node of the tree with its path, parents before children.
std::vector<std::pair<MergedTree::NodeId, std::string>> allNodes(const MergedTree &tree)
{
    std::vector<std::pair<MergedTree::NodeId, std::string>> out;
    std::vector<MergedTree::NodeId> stack { MergedTree::Root };
    while (!stack.empty()) {
        const auto node = stack.back();
        stack.pop_back();
        if (node != MergedTree::Root)
            out.emplace_back(node, tree.path(node));
        for (auto child : tree.children(node))
            stack.push_back(child);
    }
    return out;
}

std::map<QString, std::shared_ptr<Fixture>> &cache()
{
    static std::map<QString, std::shared_ptr<Fixture>> fixtures;
    return fixtures;
}

} // namespace

class TestRealImages : public QObject {
    Q_OBJECT

private slots:
    void layers_data() { addRows(); }
    void layers();
    void layerEntries_data() { addRows(); }
    void layerEntries();
    void finalFigures_data() { addRows(); }
    void finalFigures();
    void finalTree_data() { addRows(); }
    void finalTree();
    void everyLayerAgainstIndependentMerge_data() { addRows(); }
    void everyLayerAgainstIndependentMerge();
    void whiteoutsAndOpaqueDirs_data() { addRows(); }
    void whiteoutsAndOpaqueDirs();
    void historyAndConfig_data() { addRows(); }
    void historyAndConfig();
    void overlayOpaqueRecreatedDir();
    void vfsAndOverlayMergeToTheSameTree();

private:
    static void addRows();
    static const Fixture *fixture(); // loads the current row's image once
};

void TestRealImages::addRows()
{
    QTest::addColumn<QString>("archive");
    QTest::addColumn<QString>("expected");
    const QString real = QStringLiteral(BALLAST_TEST_DATA "/real/");
    for (const char *name : { "whiteouts", "whiteouts-overlay", "entry-types" })
        for (const char *format : { "docker", "oci-gzip", "oci-zstd" })
            QTest::addRow("%s/%s", name, format)
                << real + name + "/" + name + "." + format + ".tar" << real + name + "/expected.json";
    QTest::newRow("sample/oci-gzip") << QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/sample.oci-gzip.tar")
                                     << QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/expected.json");
}

const Fixture *TestRealImages::fixture()
{
    QFETCH(QString, archive);
    QFETCH(QString, expected);
    auto &fixtures = cache();
    if (auto it = fixtures.find(archive); it != fixtures.end())
        return it->second.get();

    auto f = std::make_shared<Fixture>();
    QFile file(expected);
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail(qPrintable("cannot read " + expected), __FILE__, __LINE__);
        return nullptr;
    }
    f->doc = json::parse(file.readAll().toStdString());
    f->file = archive.section(QLatin1Char('/'), -1);
    for (const json &a : f->doc["archives"])
        if (q(a["file"].get<std::string>()) == f->file)
            f->archive = a;
    if (f->archive.is_null()) {
        QTest::qFail(qPrintable(expected + " lists no archive " + f->file), __FILE__, __LINE__);
        return nullptr;
    }
    try {
        ballast::ImageLoader loader;
        f->image = loader.load(archive);
    } catch (const ballast::LoadError &error) {
        QTest::qFail(qPrintable("loading " + archive + ": " + error.message()), __FILE__, __LINE__);
        return nullptr;
    }
    fixtures[archive] = f;
    return f.get();
}

void TestRealImages::layers()
{
    const Fixture *f = fixture();
    if (!f)
        return;
    const auto &image = *f->image;
    const json &expectedLayers = f->doc["layers"];
    const json &blobs = f->archive["layers"];
    QCOMPARE(qsizetype(image.layers.size()), qsizetype(f->doc["layerCount"].get<int>()));
    QCOMPARE(image.layers.size(), expectedLayers.size());
    QCOMPARE(image.layers.size(), blobs.size());
    QCOMPARE(image.format, q(str(f->archive, "format")));
    int64_t totalSize = 0;
    for (size_t k = 0; k < image.layers.size(); ++k) {
        const ballast::Layer &layer = image.layers[k];
        const json &x = expectedLayers[k];
        const json &blob = blobs[k];
        const QByteArray where = QByteArray("layer ") + QByteArray::number(qsizetype(k));
        QVERIFY2(layer.index == int(k), where.constData());
        QCOMPARE(layer.diffId, q(x["diffId"].get<std::string>()));
        QCOMPARE(layer.diffId, q(blob["diffId"].get<std::string>()));
        QCOMPARE(qint64(layer.entries.size()), x["entryCount"].get<qint64>());
        QCOMPARE(qint64(layer.size), x["sizeBytes"].get<qint64>());
        qint64 regularFiles = 0;
        for (const auto &e : layer.entries)
            regularFiles += e.type == EntryType::File ? 1 : 0;
        QCOMPARE(regularFiles, x["regularFileCount"].get<qint64>());
        totalSize += layer.size;

        QCOMPARE(q(compressionText(layer.compression)), q(blob["compression"].get<std::string>()));
        if (f->file.endsWith(QLatin1String(".docker.tar"))) {
            QVERIFY2(layer.compression == ballast::Compression::None, where.constData());
            // An uncompressed blob: its digest is its diff_id and nothing is saved by storing it.
            QCOMPARE(layer.digest, layer.diffId);
            QCOMPARE(layer.compressedSize, layer.uncompressedSize);
            QCOMPARE(layer.archivePath, q(blob["path"].get<std::string>()));
        } else {
            if (f->file.endsWith(QLatin1String(".oci-zstd.tar")))
                QVERIFY2(layer.compression == ballast::Compression::Zstd, where.constData());
            else
                QVERIFY2(layer.compression == ballast::Compression::Gzip, where.constData());
            QCOMPARE(layer.digest, q(blob["digest"].get<std::string>()));
            QCOMPARE(qint64(layer.compressedSize), blob["size"].get<qint64>());
            QCOMPARE(layer.mediaType, q(blob["mediaType"].get<std::string>()));
            QVERIFY2(layer.uncompressedSize > layer.compressedSize, where.constData());
        }
        // A tar stream holds at least a 512-byte header per entry plus the contents.
        QVERIFY2(layer.uncompressedSize >= layer.size + 512 * qint64(layer.entries.size()), where.constData());
    }
    QCOMPARE(qint64(totalSize), f->doc["totals"]["layerSizeBytes"].get<qint64>());
    QCOMPARE(qint64(image.sizeBytes()), f->doc["totals"]["layerSizeBytes"].get<qint64>());
}

void TestRealImages::layerEntries()
{
    const Fixture *f = fixture();
    if (!f)
        return;
    for (size_t k = 0; k < f->image->layers.size(); ++k) {
        const ballast::Layer &layer = f->image->layers[k];
        const json &entries = f->doc["layers"][k]["entries"];
        QCOMPARE(layer.entries.size(), entries.size());
        for (size_t i = 0; i < entries.size(); ++i) {
            const ballast::LayerEntry &e = layer.entries[i];
            const json &x = entries[i];
            const QString where = QStringLiteral("layer %1 entry %2 (%3)").arg(k).arg(i).arg(q(str(x, "path")));
            QCOMPARE(q(layer.path(e)), q(x["path"].get<std::string>()));
            QVERIFY2(oracleType(e.type) == x["type"].get<std::string>(),
                qPrintable(where + ": type " + q(oracleType(e.type))));
            QVERIFY2(e.size == x["size"].get<int64_t>(), qPrintable(where + ": size"));
            if (e.type != EntryType::Whiteout && e.type != EntryType::OpaqueWhiteout)
                QVERIFY2(
                    octal4(e.mode) == x["mode"].get<std::string>(), qPrintable(where + ": mode " + q(octal4(e.mode))));
            QVERIFY2(
                e.uid == x["uid"].get<uint32_t>() && e.gid == x["gid"].get<uint32_t>(), qPrintable(where + ": owner"));
            if (e.type == EntryType::Symlink || e.type == EntryType::Hardlink)
                QCOMPARE(q(layer.linkTarget(e)), q(str(x, "linkname")));
            if (e.type != EntryType::File)
                QVERIFY2(e.contentHash == 0, qPrintable(where + ": content hash of a non-file"));
        }
    }
}

void TestRealImages::finalFigures()
{
    const Fixture *f = fixture();
    if (!f)
        return;
    const json &fin = f->doc["finalFilesystem"];
    const MergedTree &tree = f->image->tree;
    QCOMPARE(qint64(tree.finalEntryCount()), fin["entryCount"].get<qint64>());
    QCOMPARE(qint64(tree.finalFileCount()), fin["fileCount"].get<qint64>());
    QCOMPARE(qint64(tree.finalFileBytes()), fin["finalSizeBytes"].get<qint64>());
    QCOMPARE(tree.layerCount(), f->doc["layerCount"].get<int>());
}

void TestRealImages::finalTree()
{
    const Fixture *f = fixture();
    if (!f)
        return;
    const MergedTree &tree = f->image->tree;
    const int last = tree.layerCount() - 1;
    std::map<std::string, json> expected;
    for (const json &e : f->doc["finalFilesystem"]["entries"])
        expected[e["path"].get<std::string>()] = e;

    std::set<std::string> walked;
    for (const auto &[node, path] : allNodes(tree)) {
        if (!tree.existsAfter(node, last))
            continue;
        walked.insert(path);
        auto it = expected.find(path);
        if (it == expected.end())
            continue; // reported below as a set difference
        const json &x = it->second;
        const ballast::LayerEntry *e = tree.entry(node, last);
        const QString where = q(path);
        const bool implicit = x.value("implicit", false);
        QVERIFY2((e == nullptr) == implicit, qPrintable(where + ": implicit"));
        QVERIFY2((e ? oracleType(e->type) : std::string("dir")) == x["type"].get<std::string>(),
            qPrintable(where + ": type"));
        QVERIFY2((e ? e->size : 0) == x["size"].get<int64_t>(), qPrintable(where + ": size"));
        if (e)
            QVERIFY2(octal4(e->mode) == x["mode"].get<std::string>(), qPrintable(where + ": mode"));
        QVERIFY2(tree.lastWriter(node, last) == x["layer"].get<int>(),
            qPrintable(where
                + QStringLiteral(": last writer %1, oracle says %2")
                      .arg(tree.lastWriter(node, last))
                      .arg(x["layer"].get<int>())));
        QVERIFY2(tree.isDirectory(node, last) == (x["type"] == "dir"), qPrintable(where + ": isDirectory"));
    }
    QStringList onlyTree, onlyOracle;
    for (const auto &p : walked)
        if (!expected.count(p))
            onlyTree << q(p);
    for (const auto &[p, x] : expected)
        if (!walked.count(p))
            onlyOracle << q(p);
    QVERIFY2(onlyTree.isEmpty() && onlyOracle.isEmpty(),
        qPrintable("only in the tree: " + onlyTree.join(", ") + "; only in the oracle: " + onlyOracle.join(", ")));
}

void TestRealImages::everyLayerAgainstIndependentMerge()
{
    const Fixture *f = fixture();
    if (!f)
        return;
    const treetest::ImageSpec spec = specFromOracle(f->doc);

    // The reference merge of the oracle's listings, as the oracle script applies the rules (markers
    // imply no parents), reproduces the oracle's own final listing: it is a fair second opinion...
    treetest::RefFs fs;
    for (int k = 0; k < int(spec.size()); ++k) {
        std::set<std::string> touched;
        fs = treetest::refApplyLayer(fs, spec[size_t(k)], k, touched, false);
    }
    std::map<std::string, json> oracleFinal;
    for (const json &e : f->doc["finalFilesystem"]["entries"])
        oracleFinal[e["path"].get<std::string>()] = e;
    QCOMPARE(fs.size(), oracleFinal.size());
    for (const auto &[p, n] : fs) {
        QVERIFY2(oracleFinal.count(p), qPrintable(q(p)));
        QCOMPARE(oracleFinal[p]["layer"].get<int>(), n.layer);
        QCOMPARE(oracleFinal[p].value("implicit", false), n.implicit());
    }

    // ...and the tree agrees with it after every layer, node by node.
    treetest::RefFs final;
    treetest::compareWithReference(f->image->tree, f->image->layers, spec, false, &final);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(final.size(), fs.size()); // the two readings of markers agree on these images
}

void TestRealImages::whiteoutsAndOpaqueDirs()
{
    const Fixture *f = fixture();
    if (!f)
        return;
    const MergedTree &tree = f->image->tree;
    const json &layers = f->doc["layers"];
    const treetest::ImageSpec spec = specFromOracle(f->doc);
    treetest::RefFs fs;
    int markersSeen = 0;
    for (int k = 0; k < int(layers.size()); ++k) {
        const json &layer = layers[size_t(k)];
        std::set<std::string> written, touched;
        for (const json &e : layer["entries"])
            written.insert(e["path"].get<std::string>());
        const treetest::RefFs before = fs;
        fs = treetest::refApplyLayer(fs, spec[size_t(k)], k, touched);

        for (const json &w : layer["whiteouts"]) {
            const std::string marker = w;
            const std::string target = (treetest::refDirName(marker).empty() ? "" : treetest::refDirName(marker) + "/")
                + treetest::refBaseName(marker).substr(4);
            QVERIFY2(tree.find(marker) == MergedTree::NoNode, qPrintable(q(marker) + " is a node"));
            const auto node = tree.find(target);
            ++markersSeen;
            if (!before.count(target)) // nothing to hide
                continue;
            QVERIFY2(node != MergedTree::NoNode, qPrintable(q(target)));
            if (written.count(target))
                continue; // re-added by the same layer
            QVERIFY2(
                tree.status(node, k) == NodeStatus::Removed, qPrintable(q(target) + " not removed by " + q(marker)));
            QVERIFY2(!tree.existsAfter(node, k), qPrintable(q(target)));
            for (const auto &[p, e] : before) // everything below goes too, unless the layer writes it again
                if (treetest::refIsBelow(p, target) && !written.count(p))
                    QVERIFY2(!tree.existsAfter(tree.find(p), k), qPrintable(q(p) + " not removed with " + q(target)));
        }
        for (const json &d : layer["opaqueDirs"]) {
            const std::string dir = d;
            ++markersSeen;
            QVERIFY2(tree.find(dir + "/.wh..wh..opq") == MergedTree::NoNode, qPrintable(q(dir)));
            QVERIFY2(tree.existsAfter(tree.find(dir), k), qPrintable(q(dir) + " itself must stay"));
            for (const auto &[p, e] : before) {
                if (!treetest::refIsBelow(p, dir))
                    continue;
                const auto node = tree.find(p);
                const bool readded = written.count(p) > 0;
                QVERIFY2(tree.existsAfter(node, k) == readded,
                    qPrintable(
                        q(p) + (readded ? " re-added by the layer must stay" : " must be hidden by the opaque dir")));
            }
            for (const std::string &p : written) // what this layer puts into the dir stays
                if (treetest::refIsBelow(p, dir) && treetest::refBaseName(p).rfind(".wh.", 0) != 0)
                    QVERIFY2(tree.existsAfter(tree.find(p), k), qPrintable(q(p)));
        }
    }
    const int expectedMarkers = f->file.startsWith(QLatin1String("whiteouts-overlay")) ? 6
        : f->file.startsWith(QLatin1String("whiteouts"))                               ? 7
        : f->file.startsWith(QLatin1String("sample"))                                  ? 4
                                                                                       : 0;
    QCOMPARE(markersSeen, expectedMarkers); // the fixtures' README: 7 markers (vfs), 5 + 1 opaque (overlay)
}

void TestRealImages::historyAndConfig()
{
    const Fixture *f = fixture();
    if (!f)
        return;
    const ballast::Image &image = *f->image;
    const ballast::ImageConfig &config = image.config;
    const json &doc = f->doc;

    QStringList tags;
    for (const json &t : f->archive["tags"])
        tags << q(t.get<std::string>());
    QCOMPARE(image.tags, tags);
    // OCI archives name the config by its digest. Docker archives name it `<hex>.json`, and Ballast
    // leaves configDigest empty for them rather than hash the config (the formats suite asserts that).
    if (!f->file.endsWith(QLatin1String(".docker.tar")) || !image.configDigest.isEmpty())
        QCOMPARE(image.configDigest, q(f->archive["config"]["digest"].get<std::string>()));
    QCOMPARE(config.os, q(str(doc, "os")));
    QCOMPARE(config.architecture, q(str(doc, "architecture")));

    const json &cfg = doc["config"];
    auto list = [&](const char *key) {
        QStringList out;
        if (cfg.contains(key))
            for (const json &v : cfg[key])
                out << q(v.get<std::string>());
        return out;
    };
    QCOMPARE(config.env, list("Env"));
    QCOMPARE(config.cmd, list("Cmd"));
    QCOMPARE(config.entrypoint, list("Entrypoint"));
    QCOMPARE(config.workingDir, q(str(cfg, "WorkingDir")));
    QCOMPARE(config.user, q(str(cfg, "User")));
    QStringList ports, gotPorts = config.exposedPorts;
    if (cfg.contains("ExposedPorts"))
        for (auto it = cfg["ExposedPorts"].begin(); it != cfg["ExposedPorts"].end(); ++it)
            ports << q(it.key());
    ports.sort();
    gotPorts.sort();
    QCOMPARE(gotPorts, ports);
    QMap<QString, QString> labels;
    if (cfg.contains("Labels"))
        for (auto it = cfg["Labels"].begin(); it != cfg["Labels"].end(); ++it)
            labels.insert(q(it.key()), q(it.value().get<std::string>()));
    QCOMPARE(config.labels, labels);

    const json &history = doc["history"];
    QCOMPARE(config.history.size(), history.size());
    int nextLayer = 0;
    for (size_t i = 0; i < history.size(); ++i) {
        const ballast::HistoryEntry &h = config.history[i];
        const json &x = history[i];
        QCOMPARE(h.createdBy, q(str(x, "created_by")));
        QCOMPARE(h.comment, q(str(x, "comment")));
        const bool empty = x.value("empty_layer", false);
        QCOMPARE(h.emptyLayer, empty);
        // The k-th entry without empty_layer belongs to layer k.
        QCOMPARE(h.layerIndex, empty ? -1 : nextLayer);
        if (!empty) {
            QCOMPARE(image.layers[size_t(nextLayer)].historyIndex, int(i));
            ++nextLayer;
        }
    }
    QCOMPARE(nextLayer, doc["historyNonEmptyCount"].get<int>());
    for (size_t k = 0; k < image.layers.size(); ++k) {
        const ballast::Layer &layer = image.layers[k];
        QVERIFY(layer.historyIndex >= 0);
        QCOMPARE(config.history[size_t(layer.historyIndex)].createdBy, q(str(doc["layers"][k], "createdBy")));
    }
    QVERIFY2(image.warnings.isEmpty(), qPrintable(image.warnings.join("; ")));
}

// The overlay driver stores `rm -rf /data/recreated && mkdir -p /data/recreated && echo new > …`
// as an opaque directory: layer 1 holds data/recreated/.wh..wh..opq and new.txt.
void TestRealImages::overlayOpaqueRecreatedDir()
{
    for (const char *format : { "docker", "oci-gzip", "oci-zstd" }) {
        const QString path
            = QStringLiteral(BALLAST_TEST_DATA "/real/whiteouts-overlay/whiteouts-overlay.%1.tar").arg(format);
        ballast::ImageLoader loader;
        const auto image = loader.load(path);
        const MergedTree &tree = image->tree;
        auto status = [&](const char *p, int layer) {
            const auto node = tree.find(p);
            return node == MergedTree::NoNode ? QStringLiteral("(no node)")
                                              : QString::fromLatin1(ballast::nodeStatusName(tree.status(node, layer)));
        };
        QCOMPARE(status("data/recreated/old1.txt", 0), QStringLiteral("added"));
        QCOMPARE(status("data/recreated/old1.txt", 1), QStringLiteral("removed"));
        QCOMPARE(status("data/recreated/sub", 1), QStringLiteral("removed"));
        QCOMPARE(status("data/recreated/sub/old2.txt", 1), QStringLiteral("removed"));
        QCOMPARE(status("data/recreated/new.txt", 1), QStringLiteral("added"));
        QCOMPARE(status("data/recreated/old1.txt", 2), QStringLiteral("absent"));
        QCOMPARE(status("data/gone-dir/a.txt", 1), QStringLiteral("removed"));
        QCOMPARE(status("data/gone-dir", 2), QStringLiteral("added"));
        QCOMPARE(status("data/gone-dir/a.txt", 2), QStringLiteral("absent"));
        QCOMPARE(status("data/gone-dir/again.txt", 2), QStringLiteral("added"));
        QCOMPARE(status("data/modified.txt", 1), QStringLiteral("modified"));
        QCOMPARE(status("data/chmodded.txt", 1), QStringLiteral("modified"));
        QCOMPARE(status("data/kept/keep.txt", 2), QStringLiteral("removed"));
        QCOMPARE(status("data/recreated/.wh..wh..opq", 1), QStringLiteral("(no node)"));
        const auto recreated = tree.find("data/recreated");
        QStringList kids;
        for (auto child : tree.children(recreated))
            if (tree.existsAfter(child, 2))
                kids << q(tree.name(child));
        QCOMPARE(kids, QStringList { "new.txt" });
        const auto sizes = tree.aggregatedSizes(1);
        QCOMPARE(sizes[recreated], int64_t(4)); // new.txt
        QCOMPARE(sizes[tree.find("data/recreated/sub")], int64_t(5)); // old2.txt, removed
        QCOMPARE(tree.aggregatedSizes(0)[recreated], int64_t(10)); // old1 + old2
    }
}

// The README: both storage drivers' encodings merge to the same final filesystem (19 entries, 9 files,
// 48 bytes), though one uses per-file whiteouts and the other an opaque directory.
void TestRealImages::vfsAndOverlayMergeToTheSameTree()
{
    auto finalListing = [](const QString &path) {
        ballast::ImageLoader loader;
        const auto image = loader.load(path);
        const MergedTree &tree = image->tree;
        const int last = tree.layerCount() - 1;
        QStringList out;
        for (const auto &[node, p] : allNodes(tree))
            if (tree.existsAfter(node, last)) {
                const ballast::LayerEntry *e = tree.entry(node, last);
                out << QStringLiteral("%1 %2 %3 %4")
                           .arg(q(p), q(e ? oracleType(e->type) : "dir"))
                           .arg(e ? e->size : 0)
                           .arg(e ? e->mode : 0, 0, 8);
            }
        out.sort();
        out << QStringLiteral("%1/%2/%3")
                   .arg(tree.finalEntryCount())
                   .arg(tree.finalFileCount())
                   .arg(tree.finalFileBytes());
        return out;
    };
    const QStringList vfs = finalListing(QStringLiteral(BALLAST_TEST_DATA "/real/whiteouts/whiteouts.docker.tar"));
    const QStringList overlay
        = finalListing(QStringLiteral(BALLAST_TEST_DATA "/real/whiteouts-overlay/whiteouts-overlay.docker.tar"));
    QCOMPARE(vfs.last(), QStringLiteral("19/9/48"));
    QCOMPARE(vfs, overlay);
}

QTEST_GUILESS_MAIN(TestRealImages)
#include "test_real_images.moc"
