// Tar entry edge cases inside layers: long and odd names, every entry type, duplicates, hardlinks,
// content hashes. Each fixture is one small layer whose expected figures are written next to it.
#include "FormatTestSupport.h"

#include "util/PathNormalizer.h"

#include <QTemporaryDir>

using namespace ballast::test;
using namespace fixture;

Q_DECLARE_METATYPE(ballast::EntryType)

class TestEntries : public QObject {
    Q_OBJECT
private slots:
    void entryPaths_data();
    void entryPaths();
    void entryTypes_data();
    void entryTypes();
    void duplicateEntries();
    void hardlinksAreNotFiles();
    void rootEntriesAreSkipped();
    void contentHashes_data();
    void contentHashes();
    void deepPath_data();
    void deepPath();
};

namespace {

QByteArray bytesOf(std::string_view view)
{
    return QByteArray(view.data(), qsizetype(view.size()));
}

EntrySpec withLongName(EntrySpec entry, LongName mode)
{
    entry.longName = mode;
    return entry;
}

// Every node of the tree, so that tests can check that no '.' or '..' component survived.
void checkNoDotComponents(const ballast::MergedTree &tree)
{
    for (ballast::MergedTree::NodeId node = 1; node < tree.nodeCount(); ++node) {
        const std::string_view name = tree.name(node);
        QVERIFY2(name != "." && name != ".." && !name.empty(), qPrintable(ballast::displayPath(tree.path(node))));
    }
}

} // namespace

void TestEntries::entryPaths_data()
{
    QTest::addColumn<EntrySpec>("entry");
    QTest::addColumn<QByteArray>("path"); // normalised, as stored in the layer
    QTest::addColumn<QString>("display"); // ballast::displayPath
    QTest::addColumn<int>("finalEntries"); // the file and its implied parents

    const std::string longName = "long/" + std::string(120, 'n') + "/file.txt"; // 134 bytes
    const std::string escaping = [] {
        std::string s;
        for (int i = 0; i < 40; ++i)
            s += "../";
        return s + "etc/shadow";
    }();
    auto f = [](std::string path) { return fileEntry(std::move(path), "content"); };
    QTest::newRow("plain") << f("dir/file") << QByteArray("dir/file") << "dir/file" << 2;
    QTest::newRow("leading ./") << f("./dot/file") << QByteArray("dot/file") << "dot/file" << 2;
    QTest::newRow("leading /") << f("/abs/file") << QByteArray("abs/file") << "abs/file" << 2;
    QTest::newRow("../../etc/passwd") << f("../../etc/passwd") << QByteArray("etc/passwd") << "etc/passwd" << 2;
    QTest::newRow("climbing out midway") << f("a/b/../../../c") << QByteArray("c") << "c" << 1;
    QTest::newRow("empty and . components") << f("a//./b") << QByteArray("a/b") << "a/b" << 2;
    QTest::newRow("pax long name") << f(longName) << QByteArray::fromStdString(longName)
                                   << QString::fromStdString(longName) << 3;
    QTest::newRow("pax short name") << withLongName(f("pax/short"), LongName::Pax) << QByteArray("pax/short")
                                    << "pax/short" << 2;
    QTest::newRow("pax long ../ name") << f(escaping) << QByteArray("etc/shadow") << "etc/shadow" << 2;
    QTest::newRow("gnu long name") << withLongName(f(longName), LongName::Gnu) << QByteArray::fromStdString(longName)
                                   << QString::fromStdString(longName) << 3;
    QTest::newRow("gnu short name") << withLongName(f("gnu/short"), LongName::Gnu) << QByteArray("gnu/short")
                                    << "gnu/short" << 2;
    QTest::newRow("gnu long ../ name") << withLongName(f(escaping), LongName::Gnu) << QByteArray("etc/shadow")
                                       << "etc/shadow" << 2;
    EntrySpec global = f("after/global");
    global.paxGlobalHeaderBefore = true;
    QTest::newRow("pax global header before") << global << QByteArray("after/global") << "after/global" << 2;
    EntrySpec xattrs = f("with/xattrs");
    xattrs.paxRecords = { { "SCHILY.xattr.user.comment", "hello" }, { "mtime", "1700000000.123456789" } };
    QTest::newRow("pax xattr and mtime records") << xattrs << QByteArray("with/xattrs") << "with/xattrs" << 2;
    EntrySpec base256 = f("sizes/base-256");
    base256.sizeField = SizeField::Base256;
    QTest::newRow("base-256 size") << base256 << QByteArray("sizes/base-256") << "sizes/base-256" << 2;
    EntrySpec paxSize = f("sizes/pax");
    paxSize.sizeField = SizeField::PaxOnly;
    QTest::newRow("pax size record") << paxSize << QByteArray("sizes/pax") << "sizes/pax" << 2;
    QTest::newRow("ustar prefix") << withLongName(f(longName), LongName::UstarPrefix)
                                  << QByteArray::fromStdString(longName) << QString::fromStdString(longName) << 3;
    QTest::newRow("invalid utf-8") << f("bad\xff\xfe.txt") << QByteArray("bad\xff\xfe.txt") << "bad\\xff\\xfe.txt" << 1;
    QTest::newRow("invalid utf-8 dir") << f("d\xc3(/x") << QByteArray("d\xc3(/x") << "d\\xc3(/x" << 2;
    QTest::newRow("control character") << f("tab\tname") << QByteArray("tab\tname") << "tab\\x09name" << 1;
    QTest::newRow("utf-8 ustar") << f("caf\xc3\xa9/na\xc3\xafve") << QByteArray("caf\xc3\xa9/na\xc3\xafve")
                                 << QString::fromUtf8("caf\xc3\xa9/na\xc3\xafve") << 2;
    QTest::newRow("utf-8 pax") << withLongName(f("\xe6\x97\xa5\xe6\x9c\xac/\xe8\xaa\x9e"), LongName::Pax)
                               << QByteArray("\xe6\x97\xa5\xe6\x9c\xac/\xe8\xaa\x9e")
                               << QString::fromUtf8("\xe6\x97\xa5\xe6\x9c\xac/\xe8\xaa\x9e") << 2;
}

void TestEntries::entryPaths()
{
    QFETCH(EntrySpec, entry);
    QFETCH(QByteArray, path);
    QFETCH(QString, display);
    QFETCH(int, finalEntries);
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(oneLayer({ entry }), dir.path());

    LOAD_OR_FAIL(image, written.path);
    const ballast::Layer &layer = image->layers.front();
    QCOMPARE(layer.entries.size(), size_t(1)); // pax/GNU/global headers are not entries
    QCOMPARE(bytesOf(layer.path(layer.entries[0])), path);
    QCOMPARE(ballast::displayPath(layer.path(layer.entries[0])), display);
    QCOMPARE(layer.entries[0].type, ballast::EntryType::File);
    QCOMPARE(layer.entries[0].size, int64_t(7));
    QCOMPARE(layer.size, int64_t(7));
    const auto node = image->tree.find(path.toStdString());
    QVERIFY(node != ballast::MergedTree::NoNode);
    QCOMPARE(QByteArray::fromStdString(image->tree.path(node)), path);
    QCOMPARE(image->tree.finalEntryCount(), int64_t(finalEntries));
    QCOMPARE(image->tree.finalFileCount(), int64_t(1));
    QCOMPARE(image->tree.finalFileBytes(), int64_t(7));
    checkNoDotComponents(image->tree);
}

void TestEntries::entryTypes_data()
{
    QTest::addColumn<EntrySpec>("entry");
    QTest::addColumn<ballast::EntryType>("type");
    QTest::addColumn<char>("tarType");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QByteArray>("link");
    QTest::addColumn<int>("finalFiles"); // regular files in the final tree ("target" is one)
    QTest::addColumn<int>("finalEntries"); // target, x, and x/thing unless it is a whiteout marker

    using ballast::EntryType;
    EntrySpec file = fileEntry("x/thing", "hello", 0640);
    file.uid = 1000;
    file.gid = 1001;
    file.mtime = 1234567890;
    QTest::newRow("file") << file << EntryType::File << '0' << qint64(5) << QByteArray() << 2 << 3;
    QTest::newRow("setuid file") << fileEntry("x/thing", "#!", 04755) << EntryType::File << '0' << qint64(2)
                                 << QByteArray() << 2 << 3;
    QTest::newRow("empty file") << fileEntry("x/thing", "") << EntryType::File << '0' << qint64(0) << QByteArray() << 2
                                << 3;
    QTest::newRow("directory") << dirEntry("x/thing/", 0700) << EntryType::Directory << '5' << qint64(0) << QByteArray()
                               << 1 << 3;
    QTest::newRow("symlink") << symlinkEntry("x/thing", "../target") << EntryType::Symlink << '2' << qint64(0)
                             << QByteArray("../target") << 1 << 3;
    QTest::newRow("dangling symlink") << symlinkEntry("x/thing", "/nowhere/at/all") << EntryType::Symlink << '2'
                                      << qint64(0) << QByteArray("/nowhere/at/all") << 1 << 3;
    QTest::newRow("hardlink") << hardlinkEntry("x/thing", "target") << EntryType::Hardlink << '1' << qint64(0)
                              << QByteArray("target") << 1 << 3;
    QTest::newRow("hardlink ./ target") << hardlinkEntry("x/thing", "./target") << EntryType::Hardlink << '1'
                                        << qint64(0) << QByteArray("target") << 1 << 3;
    QTest::newRow("fifo") << specialEntry("x/thing", '6') << EntryType::Fifo << '6' << qint64(0) << QByteArray() << 1
                          << 3;
    QTest::newRow("char device") << specialEntry("x/thing", '3', 1, 3) << EntryType::CharDevice << '3' << qint64(0)
                                 << QByteArray() << 1 << 3;
    QTest::newRow("block device") << specialEntry("x/thing", '4', 8, 0) << EntryType::BlockDevice << '4' << qint64(0)
                                  << QByteArray() << 1 << 3;
    QTest::newRow("whiteout") << whiteoutEntry("x", "thing") << EntryType::Whiteout << '0' << qint64(0) << QByteArray()
                              << 1 << 2;
    QTest::newRow("opaque whiteout") << opaqueEntry("x") << EntryType::OpaqueWhiteout << '0' << qint64(0)
                                     << QByteArray() << 1 << 2;
    const std::string longTarget = "/opt/" + std::string(150, 't');
    QTest::newRow("pax long symlink target") << symlinkEntry("x/thing", longTarget) << EntryType::Symlink << '2'
                                             << qint64(0) << QByteArray::fromStdString(longTarget) << 1 << 3;
    QTest::newRow("gnu long symlink target")
        << withLongName(symlinkEntry("x/thing", longTarget), LongName::Gnu) << EntryType::Symlink << '2' << qint64(0)
        << QByteArray::fromStdString(longTarget) << 1 << 3;
}

void TestEntries::entryTypes()
{
    QFETCH(EntrySpec, entry);
    QFETCH(ballast::EntryType, type);
    QFETCH(char, tarType);
    QFETCH(qint64, size);
    QFETCH(QByteArray, link);
    QFETCH(int, finalFiles);
    QFETCH(int, finalEntries);
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(oneLayer({ fileEntry("target", "abc"), entry }), dir.path());

    LOAD_OR_FAIL(image, written.path);
    const ballast::Layer &layer = image->layers.front();
    QCOMPARE(layer.entries.size(), size_t(2)); // whiteout markers are entries of their layer
    const ballast::LayerEntry &e = layer.entries[1];
    QCOMPARE(e.type, type);
    QCOMPARE(e.tarType, tarType);
    QCOMPARE(e.size, size);
    QCOMPARE(bytesOf(layer.linkTarget(e)), link);
    QCOMPARE(e.mode, uint32_t(entry.mode));
    QCOMPARE(e.uid, uint32_t(entry.uid));
    QCOMPARE(e.gid, uint32_t(entry.gid));
    QCOMPARE(e.mtime, entry.mtime);
    QCOMPARE(e.contentHash == 0, type != ballast::EntryType::File);
    QCOMPARE(layer.size, 3 + size);
    QCOMPARE(image->tree.finalFileCount(), int64_t(finalFiles));
    QCOMPARE(image->tree.finalEntryCount(), int64_t(finalEntries));
    QCOMPARE(image->tree.finalFileBytes(), 3 + (finalFiles == 2 ? size : 0));
}

void TestEntries::duplicateEntries()
{
    // The same path twice in one layer (and once more spelled differently): tar extraction keeps the
    // last; the layer still lists and sizes every entry.
    QTemporaryDir dir;
    const WrittenArchive written
        = writeArchive(oneLayer({ fileEntry("dup", "first"), dirEntry("d/"), fileEntry("dup", "second!!"),
                                    fileEntry("d/x", "1"), fileEntry("./d//x", "22") },
                           LayerCompression::Gzip),
            dir.path());

    LOAD_OR_FAIL(image, written.path);
    const ballast::Layer &layer = image->layers.front();
    QCOMPARE(layer.entries.size(), size_t(5));
    QCOMPARE(layer.size, int64_t(5 + 8 + 1 + 2));
    QCOMPARE(bytesOf(layer.path(layer.entries[4])), QByteArray("d/x"));
    const auto &tree = image->tree;
    QCOMPARE(tree.finalEntryCount(), int64_t(3)); // dup, d, d/x
    QCOMPARE(tree.finalFileCount(), int64_t(2));
    QCOMPARE(tree.finalFileBytes(), int64_t(8 + 2));
    const ballast::LayerEntry *dup = tree.entry(tree.find("dup"), 0);
    QVERIFY(dup);
    QCOMPARE(dup->size, int64_t(8));
    QCOMPARE(dup->contentHash, layer.entries[2].contentHash);
    QVERIFY(layer.entries[0].contentHash != layer.entries[2].contentHash);
    QCOMPARE(tree.entry(tree.find("d/x"), 0)->size, int64_t(2));
}

void TestEntries::hardlinksAreNotFiles()
{
    QTemporaryDir dir;
    const WrittenArchive written
        = writeArchive(oneLayer({ fileEntry("bin/busybox", filler(100)), hardlinkEntry("bin/sh", "bin/busybox"),
                           hardlinkEntry("bin/ls", "/bin/sh"), hardlinkEntry("usr/bin/env", "./bin/busybox") }),
            dir.path());

    LOAD_OR_FAIL(image, written.path);
    const ballast::Layer &layer = image->layers.front();
    QCOMPARE(layer.entries.size(), size_t(4));
    QCOMPARE(layer.size, int64_t(100)); // hardlinks have header size 0
    for (size_t i = 1; i < 4; ++i) {
        QCOMPARE(layer.entries[i].type, ballast::EntryType::Hardlink);
        QCOMPARE(layer.entries[i].size, int64_t(0));
    }
    QCOMPARE(bytesOf(layer.linkTarget(layer.entries[2])), QByteArray("bin/sh"));
    QCOMPARE(bytesOf(layer.linkTarget(layer.entries[3])), QByteArray("bin/busybox"));
    QCOMPARE(image->tree.finalEntryCount(), int64_t(7)); // bin, 3 in bin, usr, usr/bin, usr/bin/env
    QCOMPARE(image->tree.finalFileCount(), int64_t(1));
    QCOMPARE(image->tree.finalFileBytes(), int64_t(100));
}

void TestEntries::rootEntriesAreSkipped()
{
    // The root itself, however spelled, is not an entry of the layer.
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(oneLayer({ dirEntry("./"), dirEntry("/"), dirEntry("."),
                                                    dirEntry("./."), dirEntry(".."), fileEntry("f", "1") }),
        dir.path());
    LOAD_OR_FAIL(image, written.path);
    QCOMPARE(image->layers.front().entries.size(), size_t(1));
    QCOMPARE(image->tree.finalEntryCount(), int64_t(1));
}

void TestEntries::contentHashes_data()
{
    QTest::addColumn<LayerCompression>("compression");
    for (LayerCompression c :
        { LayerCompression::None, LayerCompression::Gzip, LayerCompression::Zstd, LayerCompression::EStargz })
        QTest::newRow(compressionName(c)) << c;
}

void TestEntries::contentHashes()
{
    QFETCH(LayerCompression, compression);
    QTemporaryDir dir;
    const std::string big = filler(3 << 20, 'b'); // spans several read blocks
    std::string bigChanged = big;
    bigChanged[2 << 20] ^= 1;
    ArchiveSpec spec = oneLayer(
        { fileEntry("a", "same content"), fileEntry("b", "same content", 0600), fileEntry("c", "other content"),
            fileEntry("d", ""), fileEntry("e", ""), fileEntry("big1", big), fileEntry("big2", big),
            fileEntry("big3", bigChanged), symlinkEntry("l", "a"), dirEntry("dir/") },
        compression);
    LayerSpec second;
    second.compression = compression;
    second.entries = { fileEntry("f", "same content") };
    spec.images[0].layers.push_back(second);
    const WrittenArchive written = writeArchive(spec, dir.path());

    LOAD_OR_FAIL(image, written.path);
    const auto &e = image->layers[0].entries;
    QCOMPARE(e.size(), size_t(10 + (compression == LayerCompression::EStargz ? 1 : 0)));
    QCOMPARE(e[0].contentHash, e[1].contentHash); // the mode does not enter the content hash
    QVERIFY(e[0].contentHash != e[2].contentHash);
    QCOMPARE(e[3].contentHash, e[4].contentHash);
    QVERIFY(e[3].contentHash != e[0].contentHash);
    QCOMPARE(e[5].contentHash, e[6].contentHash);
    QVERIFY(e[5].contentHash != e[7].contentHash);
    QCOMPARE(e[8].contentHash, uint64_t(0));
    QCOMPARE(e[9].contentHash, uint64_t(0));
    QCOMPARE(image->layers[1].entries[0].contentHash, e[0].contentHash);
    QCOMPARE(e[7].size, int64_t(3 << 20));
}

void TestEntries::deepPath_data()
{
    QTest::addColumn<LongName>("longName");
    QTest::addColumn<bool>("withDirectories");
    QTest::newRow("pax, implied parents") << LongName::Pax << false;
    QTest::newRow("gnu, implied parents") << LongName::Gnu << false;
    QTest::newRow("pax, a directory entry per level") << LongName::Auto << true;
}

void TestEntries::deepPath()
{
    QFETCH(LongName, longName);
    QFETCH(bool, withDirectories);
    // 999 directories and a file: 1000 levels, 2002 bytes of path.
    std::vector<EntrySpec> entries;
    std::string path;
    for (int level = 0; level < 999; ++level) {
        path += "d/";
        if (withDirectories)
            entries.push_back(withLongName(dirEntry(path), longName));
    }
    path += "leaf";
    entries.push_back(withLongName(fileEntry(path, "deep"), longName));
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(oneLayer(entries, LayerCompression::Gzip), dir.path());

    LOAD_OR_FAIL(image, written.path);
    const ballast::Layer &layer = image->layers.front();
    QCOMPARE(int(layer.entries.size()), withDirectories ? 1000 : 1);
    QCOMPARE(layer.path(layer.entries.back()).size(), size_t(2002));
    QCOMPARE(image->tree.finalEntryCount(), int64_t(1000));
    QCOMPARE(image->tree.finalFileCount(), int64_t(1));
    QCOMPARE(image->tree.finalFileBytes(), int64_t(4));
    const auto node = image->tree.find(path);
    QVERIFY(node != ballast::MergedTree::NoNode);
    QCOMPARE(image->tree.path(node), path);
}

QTEST_GUILESS_MAIN(TestEntries)
#include "test_entries.moc"
