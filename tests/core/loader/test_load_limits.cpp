// Load limits (LoadOptions::limits): every limit is tripped by a fixture built exactly one over it, and
// the same fixture at exactly the limit loads. Messages are compared whole, built from what the
// writer reports (paths, sizes), never from the loader. Then the CLI flags, run as a user runs them.
#include "CliRun.h"
#include "FormatTestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace ballast::test;
using namespace fixture;

class TestLoadLimits : public QObject {
    Q_OBJECT
private slots:
    void defaults();
    void entries_data();
    void entries();
    void pathDepth_data();
    void pathDepth();
    void defaultPathDepthIsWhatPathMaxHolds();
    void nameLength_data();
    void nameLength();
    void longPathShortenedInMessage();
    void jsonSize_data();
    void jsonSize();
    void jsonDepthOfConfig_data();
    void jsonDepthOfConfig();
    void millionDeepManifestFailsFast();
    void uncompressedBytesOfLayers_data();
    void uncompressedBytesOfLayers();
    void inflatedArchiveOverLimit();
    void cliFlags_data();
    void cliFlags();
    void cliRefusesInvalidValues_data();
    void cliRefusesInvalidValues();
    void cliHelpShowsDefaults();
};

namespace {

const QString Cli = QStringLiteral(BALLAST_CLI_PATH);

// "f01", "f02", …: `count` one-byte files.
std::vector<EntrySpec> files(int count, const std::string &prefix = "f")
{
    std::vector<EntrySpec> out;
    for (int i = 1; i <= count; ++i)
        out.push_back(fileEntry(prefix + (i < 10 ? "0" : "") + std::to_string(i), "x"));
    return out;
}

ArchiveSpec layers(
    const std::vector<std::vector<EntrySpec>> &entriesPerLayer, LayerCompression compression = LayerCompression::None)
{
    ImageSpec image;
    image.tags = { "limits:1" };
    for (const auto &entries : entriesPerLayer) {
        LayerSpec layer;
        layer.entries = entries;
        layer.compression = compression;
        layer.createdBy = "COPY . /";
        image.layers.push_back(layer);
    }
    return singleImage(Format::OciArchive, image);
}

// The whole message when the load fails, else "" (then QCOMPARE shows both).
QString failure(const QString &path, const ballast::LoadOptions &options)
{
    return loadError(path, options).message();
}

ballast::LoadOptions withLimits(const std::function<void(ballast::LoadLimits &)> &set)
{
    ballast::LoadOptions options;
    set(options.limits);
    return options;
}

QString layerLabel(const WrittenArchive &written, int layer)
{
    return QStringLiteral("%1: layer %2 (%3)")
        .arg(written.path)
        .arg(layer)
        .arg(written.images[0].layers[size_t(layer)].archivePath);
}

int64_t fileSize(const QString &path)
{
    return QFileInfo(path).size();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// {"a": [[…]]}: one object and `levels - 1` arrays inside it.
QByteArray nestedConfig(int levels)
{
    return "{\"a\":" + QByteArray(levels - 1, '[') + QByteArray(levels - 1, ']') + "}";
}

} // namespace

void TestLoadLimits::defaults()
{
    // The documented defaults (LoadLimits.h, --help, the GUI's Restore Defaults).
    const ballast::LoadLimits limits;
    QCOMPARE(limits.maxEntries, int64_t(5000000));
    QCOMPARE(limits.maxPathDepth, 2048);
    QCOMPARE(limits.maxNameLength, 1024);
    QCOMPARE(limits.maxJsonBytes, int64_t(16777216));
    QCOMPARE(limits.maxJsonDepth, 64);
    QCOMPARE(limits.maxUncompressedBytes, int64_t(68719476736));
    QCOMPARE(ballast::LoadOptions().limits, limits);
}

void TestLoadLimits::entries_data()
{
    QTest::addColumn<std::vector<int>>("perLayer");
    QTest::addColumn<int>("limit");
    QTest::addColumn<bool>("fails");
    QTest::newRow("one layer of 11, limit 10") << std::vector<int> { 11 } << 10 << true;
    QTest::newRow("one layer of 10, limit 10") << std::vector<int> { 10 } << 10 << false;
    QTest::newRow("6 + 6, limit 10") << std::vector<int> { 6, 6 } << 10 << true;
    QTest::newRow("5 + 6, limit 10") << std::vector<int> { 5, 6 } << 10 << true;
    QTest::newRow("5 + 5, limit 10") << std::vector<int> { 5, 5 } << 10 << false;
    QTest::newRow("4 + 3 + 4, limit 10") << std::vector<int> { 4, 3, 4 } << 10 << true;
}

void TestLoadLimits::entries()
{
    QFETCH(std::vector<int>, perLayer);
    QFETCH(int, limit);
    QFETCH(bool, fails);
    std::vector<std::vector<EntrySpec>> entries;
    for (size_t k = 0; k < perLayer.size(); ++k)
        entries.push_back(files(perLayer[k], "layer" + std::to_string(k) + "-"));
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(layers(entries), dir.path());
    const auto options = withLimits([&](ballast::LoadLimits &l) { l.maxEntries = limit; });
    if (!fails) {
        LOAD_OR_FAIL(image, written.path, options);
        int64_t total = 0;
        for (const auto &layer : image->layers)
            total += int64_t(layer.entries.size());
        QCOMPARE(total, int64_t(limit));
        return;
    }
    const QString message = failure(written.path, options);
    if (perLayer.size() == 1) {
        QCOMPARE(
            message, layerLabel(written, 0) + QStringLiteral(": 11 entries, over the limit of 10 (--max-entries)"));
        return;
    }
    // Layers decode in parallel: any of them may be the one that counts the 11th entry.
    bool named = false;
    for (size_t k = 0; k < perLayer.size(); ++k)
        named = named
            || message
                == layerLabel(written, int(k)) + QStringLiteral(": 11 entries, over the limit of 10 (--max-entries)");
    QVERIFY2(named, qPrintable(message));
    // One thread: layers run largest first, and the count is still the sum.
    ballast::LoadOptions oneThread = options;
    oneThread.threads = 1;
    QVERIFY2(
        failure(written.path, oneThread).endsWith(QStringLiteral(": 11 entries, over the limit of 10 (--max-entries)")),
        qPrintable(failure(written.path, oneThread)));
}

void TestLoadLimits::pathDepth_data()
{
    QTest::addColumn<EntrySpec>("entry");
    QTest::addColumn<QString>("expected"); // after "{label}: ", empty when it loads
    QTest::newRow("6 levels") << fileEntry("a/b/c/d/e/f",
        "x") << QStringLiteral("entry \"a/b/c/d/e/f\": 6 levels deep, over the limit of 5 (--max-depth)");
    QTest::newRow("5 levels") << fileEntry("a/b/c/d/e", "x") << QString();
    QTest::newRow("6 levels as written, 5 once normalised") << fileEntry("./a//b/./c/d/e", "x") << QString();
    QTest::newRow("directory of 6 levels") << dirEntry(
        "a/b/c/d/e/f/") << QStringLiteral("entry \"a/b/c/d/e/f\": 6 levels deep, over the limit of 5 (--max-depth)");
    QTest::newRow("symlink target of 6 levels")
        << symlinkEntry("link", "../b/c/d/e/f")
        << QStringLiteral(
               "entry \"link\": link target \"../b/c/d/e/f\": 6 levels deep, over the limit of 5 (--max-depth)");
    QTest::newRow("absolute symlink target of 5 levels") << symlinkEntry("link", "/b/c/d/e/f") << QString();
}

void TestLoadLimits::pathDepth()
{
    QFETCH(EntrySpec, entry);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(oneLayer({ entry }), dir.path());
    const auto options = withLimits([](ballast::LoadLimits &l) { l.maxPathDepth = 5; });
    if (expected.isEmpty()) {
        LOAD_OR_FAIL(image, written.path, options);
        QCOMPARE(int(image->layers[0].entries.size()), 1);
        return;
    }
    QCOMPARE(failure(written.path, options), layerLabel(written, 0) + QStringLiteral(": ") + expected);
}

void TestLoadLimits::defaultPathDepthIsWhatPathMaxHolds()
{
    // "d/" 2047 times and "f": 2048 levels in 4095 bytes, the deepest path within PATH_MAX, loads; one
    // level more is refused with the path shortened to its first 60 and last 59 characters.
    std::string deepest;
    for (int level = 0; level < 2047; ++level)
        deepest += "d/";
    const std::string tooDeep = deepest + "d/f";
    deepest += "f";
    QCOMPARE(deepest.size(), size_t(4095));
    QTemporaryDir dir;
    const WrittenArchive fits = writeArchive(oneLayer({ fileEntry(deepest, "x") }), dir.path(), QStringLiteral("fits"));
    LOAD_OR_FAIL(image, fits.path);
    QCOMPARE(int(image->layers[0].entries.size()), 1);
    const WrittenArchive over = writeArchive(oneLayer({ fileEntry(tooDeep, "x") }), dir.path(), QStringLiteral("over"));
    const QString shown = QString::fromStdString(tooDeep);
    QCOMPARE(failure(over.path, {}),
        layerLabel(over, 0) + QStringLiteral(": entry \"") + shown.left(60) + QChar(0x2026) + shown.right(59)
            + QStringLiteral("\": 2049 levels deep, over the limit of 2048 (--max-depth)"));
}

void TestLoadLimits::nameLength_data()
{
    QTest::addColumn<EntrySpec>("entry");
    QTest::addColumn<QString>("expected"); // after "{label}: ", empty when it loads
    QTest::newRow("9 bytes") << fileEntry("dir/123456789",
        "x") << QStringLiteral("entry \"dir/123456789\": a name of 9 bytes, over the limit of 8 (--max-name-length)");
    QTest::newRow("8 bytes") << fileEntry("dir/12345678", "x") << QString();
    QTest::newRow("9 bytes, not the last") << fileEntry("123456789/a",
        "x") << QStringLiteral("entry \"123456789/a\": a name of 9 bytes, over the limit of 8 (--max-name-length)");
    // "é" is two bytes in UTF-8: five of them are 10 bytes.
    QTest::newRow("10 bytes of UTF-8") << fileEntry("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
        "x") << QStringLiteral("entry \"ééééé\": a name of 10 bytes, over the limit of 8 (--max-name-length)");
    QTest::newRow("hardlink target") << hardlinkEntry("link", "dir/123456789")
                                     << QStringLiteral(
                                            "entry \"link\": link target \"dir/123456789\": a name of 9 bytes, "
                                            "over the limit of 8 (--max-name-length)");
    QTest::newRow("symlink target") << symlinkEntry("link", "12345678/123456789")
                                    << QStringLiteral("entry \"link\": link target \"12345678/123456789\": a name of 9 "
                                                      "bytes, over the limit of 8 (--max-name-length)");
}

void TestLoadLimits::nameLength()
{
    QFETCH(EntrySpec, entry);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(oneLayer({ entry }), dir.path());
    const auto options = withLimits([](ballast::LoadLimits &l) { l.maxNameLength = 8; });
    if (expected.isEmpty()) {
        LOAD_OR_FAIL(image, written.path, options);
        QCOMPARE(int(image->layers[0].entries.size()), 1);
        return;
    }
    QCOMPARE(failure(written.path, options), layerLabel(written, 0) + QStringLiteral(": ") + expected);
}

void TestLoadLimits::longPathShortenedInMessage()
{
    // A 300-byte name (150 'a' then 150 'b') with the default 1024 limit lowered to 200: the message shows
    // the first 60 and the last 59 characters around "…", 120 in all.
    const std::string name = std::string(150, 'a') + std::string(150, 'b');
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(oneLayer({ fileEntry(name, "x") }), dir.path());
    const auto options = withLimits([](ballast::LoadLimits &l) { l.maxNameLength = 200; });
    QCOMPARE(failure(written.path, options),
        layerLabel(written, 0) + QStringLiteral(": entry \"") + QString(60, QLatin1Char('a')) + QChar(0x2026)
            + QString(59, QLatin1Char('b'))
            + QStringLiteral("\": a name of 300 bytes, over the limit of 200 (--max-name-length)"));
}

void TestLoadLimits::jsonSize_data()
{
    QTest::addColumn<QString>("member"); // the JSON member whose size is the limit
    QTest::newRow("config") << QStringLiteral("{config}");
    QTest::newRow("index.json") << QStringLiteral("index.json");
}

void TestLoadLimits::jsonSize()
{
    QFETCH(QString, member);
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(singleImage(Format::OciDirectory, standardImage()), dir.path());
    member = expand(member, written);
    const int64_t size = fileSize(written.path + QLatin1Char('/') + member);
    // Every JSON member read before this one must be smaller, so that this one is the first over.
    const int64_t indexSize = fileSize(written.path + QStringLiteral("/index.json"));
    const int64_t manifestSize = fileSize(written.path + QStringLiteral("/blobs/sha256/")
        + written.images[0].manifestDigest.section(QLatin1Char(':'), 1));
    QVERIFY(size > 100 && indexSize > 100 && manifestSize > 100);
    if (member != QLatin1String("index.json"))
        QVERIFY2(indexSize < size && manifestSize < size,
            qPrintable(QStringLiteral("%1 %2 %3").arg(indexSize).arg(manifestSize).arg(size)));

    const auto under = withLimits([&](ballast::LoadLimits &l) { l.maxJsonBytes = size - 1; });
    QCOMPARE(failure(written.path, under),
        QStringLiteral("%1: %2: %3 bytes of JSON, over the limit of %4 (--max-json-size)")
            .arg(written.path, member)
            .arg(size)
            .arg(size - 1));
    const int64_t configSize = fileSize(written.path + QLatin1Char('/') + written.images[0].configPath);
    const int64_t largest = std::max({ indexSize, manifestSize, configSize });
    if (size < largest) { // at exactly its size this member passes; a bigger one is refused next
        const auto atSize = withLimits([&](ballast::LoadLimits &l) { l.maxJsonBytes = size; });
        const QString next = failure(written.path, atSize);
        QVERIFY2(next.contains(QStringLiteral(" bytes of JSON, over the limit of %1 (--max-json-size)").arg(size))
                && !next.contains(member + QStringLiteral(": ")),
            qPrintable(next));
    }
    const auto exact = withLimits([&](ballast::LoadLimits &l) { l.maxJsonBytes = largest; });
    LOAD_OR_FAIL(image, written.path, exact);
    QCOMPARE(image->tree.finalFileBytes(), StandardFinalBytes);
}

void TestLoadLimits::jsonDepthOfConfig_data()
{
    QTest::addColumn<int>("levels");
    QTest::addColumn<int>("limit");
    QTest::addColumn<bool>("fails");
    QTest::newRow("100 levels, default limit 64") << 100 << 0 << true;
    QTest::newRow("65 levels, default limit 64") << 65 << 0 << true;
    QTest::newRow("64 levels, default limit 64") << 64 << 0 << false;
    // index.json nests 4 deep ({"manifests": [{"annotations": {…}}]}): the lowest limit it passes.
    QTest::newRow("5 levels, limit 4") << 5 << 4 << true;
    QTest::newRow("4 levels, limit 4") << 4 << 4 << false;
    QTest::newRow("100 levels, limit 100") << 100 << 100 << false;
}

void TestLoadLimits::jsonDepthOfConfig()
{
    QFETCH(int, levels);
    QFETCH(int, limit);
    QFETCH(bool, fails);
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(singleImage(Format::OciDirectory, standardImage()), dir.path());
    const QString config = written.images[0].configPath;
    // Replaced in place: its digest no longer matches, so digests are not checked.
    QVERIFY(writeFile(written.path + QLatin1Char('/') + config, nestedConfig(levels)));
    ballast::LoadOptions options;
    options.verifyDigests = false;
    if (limit > 0)
        options.limits.maxJsonDepth = limit;
    const int effective = limit > 0 ? limit : 64;
    if (!fails) {
        LOAD_OR_FAIL(image, written.path, options);
        QCOMPARE(int(image->layers.size()), 3);
        return;
    }
    QCOMPARE(failure(written.path, options),
        QStringLiteral("%1: %2: JSON nested more than %3 levels deep, over the limit of %3 (--max-json-depth)")
            .arg(written.path, config)
            .arg(effective));
}

void TestLoadLimits::millionDeepManifestFailsFast()
{
    // A docker-save layout as a directory whose manifest.json is a million '[': refused at level 65,
    // before a million nested arrays are built (and torn down).
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("manifest.json")), QByteArray(1000000, '[')));
    QCOMPARE(failure(dir.path(), {}),
        QStringLiteral(
            "%1: manifest.json: JSON nested more than 64 levels deep, over the limit of 64 (--max-json-depth)")
            .arg(dir.path()));
    // The same in index.json of an OCI layout, with objects.
    QTemporaryDir oci;
    QByteArray objects;
    for (int i = 0; i < 200000; ++i)
        objects += "{\"a\":";
    QVERIFY(writeFile(oci.filePath(QStringLiteral("index.json")), objects));
    QCOMPARE(failure(oci.path(), {}),
        QStringLiteral("%1: index.json: JSON nested more than 64 levels deep, over the limit of 64 (--max-json-depth)")
            .arg(oci.path()));
}

void TestLoadLimits::uncompressedBytesOfLayers_data()
{
    QTest::addColumn<LayerCompression>("compression");
    QTest::newRow("gzip") << LayerCompression::Gzip;
    QTest::newRow("zstd") << LayerCompression::Zstd;
    QTest::newRow("none") << LayerCompression::None;
}

void TestLoadLimits::uncompressedBytesOfLayers()
{
    QFETCH(LayerCompression, compression);
    // Layer 0: a file of 3 MiB of zeros (a gzip blob of about 3 KB); layer 1: a small file.
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(
        layers({ { fileEntry("zeros", std::string(3 << 20, '\0')) }, { fileEntry("small", "x") } }, compression),
        dir.path());
    const int64_t tar0 = written.images[0].layers[0].tarSize, tar1 = written.images[0].layers[1].tarSize;
    QVERIFY(tar0 > (3 << 20) && tar1 > 0);
    if (compression == LayerCompression::Gzip)
        QVERIFY(written.images[0].layers[0].blobSize < 100000);

    // Layer 0 alone, 2 MiB: over it within its own bytes.
    QTemporaryDir aloneDir;
    const WrittenArchive alone
        = writeArchive(layers({ { fileEntry("zeros", std::string(3 << 20, '\0')) } }, compression), aloneDir.path());
    ballast::LoadOptions options = withLimits([](ballast::LoadLimits &l) { l.maxUncompressedBytes = 2 << 20; });
    QCOMPARE(failure(alone.path, options),
        layerLabel(alone, 0)
            + QStringLiteral(": more than 2097152 bytes uncompressed, over the limit of 2097152 (--max-bytes)"));
    options.limits.maxUncompressedBytes = tar0;
    LOAD_OR_FAIL(loaded, alone.path, options);
    QCOMPARE(loaded->layers[0].uncompressedSize, tar0);
    // One byte short of both layers together: the sum is what counts. Either layer may be the one that
    // crosses it, depending on which finishes first.
    options.limits.maxUncompressedBytes = tar0 + tar1 - 1;
    const QString tail
        = QStringLiteral(": more than %1 bytes uncompressed, over the limit of %1 (--max-bytes)").arg(tar0 + tar1 - 1);
    const QString message = failure(written.path, options);
    QVERIFY2(message == layerLabel(written, 0) + tail || message == layerLabel(written, 1) + tail, qPrintable(message));
    options.limits.maxUncompressedBytes = tar0 + tar1;
    LOAD_OR_FAIL(image, written.path, options);
    QCOMPARE(image->layers[0].uncompressedSize + image->layers[1].uncompressedSize, tar0 + tar1);
}

void TestLoadLimits::inflatedArchiveOverLimit()
{
    // `docker save | gzip` of an image whose only layer is an uncompressed tar holding 3 MiB of zeros:
    // inflating the archive stops at 1 MiB instead of writing it all.
    ArchiveSpec spec = oneLayer({ fileEntry("zeros", std::string(3 << 20, '\0')) });
    spec.outer = OuterCompression::Gzip;
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(spec, dir.path());
    QVERIFY(written.fileSize < 100000);
    const auto options = withLimits([](ballast::LoadLimits &l) { l.maxUncompressedBytes = 1 << 20; });
    QCOMPARE(failure(written.path, options),
        written.path
            + QStringLiteral(": more than 1048576 bytes uncompressed, over the limit of 1048576 (--max-bytes)"));
    // With room for the inflated archive (about 3 MiB + 3 KB) it loads; the layers count separately.
    const auto enough = withLimits([](ballast::LoadLimits &l) { l.maxUncompressedBytes = 4 << 20; });
    LOAD_OR_FAIL(image, written.path, enough);
    QCOMPARE(image->outerCompression, QStringLiteral("gzip"));
}

void TestLoadLimits::cliFlags_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected"); // in stderr after "error: {label}: ", for exit code 2
    const QString entries = QStringLiteral("11 entries, over the limit of 10 (--max-entries)");
    QTest::newRow("analyze --max-entries 10") << "analyze" << QStringList { "--max-entries", "10" } << 2 << entries;
    QTest::newRow("analyze --max-entries=11") << "analyze" << QStringList { "--max-entries=11" } << 0 << QString();
    QTest::newRow("ci --max-entries 10") << "ci" << QStringList { "--max-entries", "10" } << 2 << entries;
    QTest::newRow("analyze --max-depth 1")
        << "analyze" << QStringList { "--max-depth", "1" } << 2
        << QStringLiteral("entry \"dir/f01\": 2 levels deep, over the limit of 1 (--max-depth)");
    QTest::newRow("analyze --max-name-length 2")
        << "analyze" << QStringList { "--max-name-length", "2" } << 2
        << QStringLiteral("entry \"dir\": a name of 3 bytes, over the limit of 2 (--max-name-length)");
    QTest::newRow("analyze --max-bytes 2KiB")
        << "analyze" << QStringList { "--max-bytes", "2KiB" } << 2
        << QStringLiteral("more than 2048 bytes uncompressed, over the limit of 2048 (--max-bytes)");
    QTest::newRow("analyze --max-bytes 1GB") << "analyze" << QStringList { "--max-bytes", "1GB" } << 0 << QString();
    QTest::newRow("analyze --max-json-depth 1")
        << "analyze" << QStringList { "--max-json-depth", "1" } << 2
        << QStringLiteral("index.json: JSON nested more than 1 levels deep, over the limit of 1 (--max-json-depth)");
    QTest::newRow("analyze --max-json-size 16MiB")
        << "analyze" << QStringList { "--max-json-size", "16MiB" } << 0 << QString();
}

void TestLoadLimits::cliFlags()
{
    QFETCH(QString, command);
    QFETCH(QStringList, flags);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    // 11 entries: "dir" and dir/f01 … dir/f10, in a gzip layer whose tar is 11 headers + 10 data blocks
    // + 2 end blocks = 23 blocks of 512 = 11 776 bytes (over 2 KiB).
    std::vector<EntrySpec> entries { dirEntry("dir/") };
    for (EntrySpec &entry : files(10, "dir/f"))
        entries.push_back(entry);
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(oneLayer(entries, LayerCompression::Gzip), dir.path());
    QCOMPARE(written.images[0].layers[0].tarSize, int64_t(11776));
    const CliRun run = runProgram(Cli, QStringList { command, written.path } + flags, dir.path());
    QVERIFY2(run.exitCode == exitCode, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
    if (exitCode == 0)
        return;
    const QString prefix = expected.startsWith(QLatin1String("index.json")) ? written.path : layerLabel(written, 0);
    QCOMPARE(run.err, QStringLiteral("error: %1: %2\n").arg(prefix, expected));
}

void TestLoadLimits::cliRefusesInvalidValues_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not a number") << QStringList {
        "--max-entries", "many"
    } << QStringLiteral("error: --max-entries: \"many\" is not a whole number from 1 to 9223372036854775807\n");
    QTest::newRow("zero") << QStringList { "--max-depth", "0" }
                          << QStringLiteral("error: --max-depth: \"0\" is not a whole number from 1 to 2147483647\n");
    QTest::newRow("negative") << QStringList { "--max-json-depth",
        "-5" } << QStringLiteral("error: --max-json-depth: \"-5\" is not a whole number from 1 to 2147483647\n");
    QTest::newRow("over int") << QStringList {
        "--max-name-length", "2147483648"
    } << QStringLiteral("error: --max-name-length: \"2147483648\" is not a whole number from 1 to 2147483647\n");
    QTest::newRow("unknown unit") << QStringList {
        "--max-bytes", "12XB"
    } << QStringLiteral("error: --max-bytes: \"12XB\" is not a size: use bytes or a unit, e.g. 16MiB, 64GiB or 10GB\n");
    QTest::newRow("zero size")
        << QStringList { "--max-json-size", "0MiB" }
        << QStringLiteral(
               "error: --max-json-size: \"0MiB\" is not a size: use bytes or a unit, e.g. 16MiB, 64GiB or 10GB\n");
}

void TestLoadLimits::cliRefusesInvalidValues()
{
    QFETCH(QStringList, flags);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(oneLayer(files(2)), dir.path());
    for (const QString &command : { QStringLiteral("analyze"), QStringLiteral("ci") }) {
        const CliRun run = runProgram(Cli, QStringList { command, written.path } + flags, dir.path());
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err, expected);
    }
    const CliRun diff
        = runProgram(Cli, QStringList { QStringLiteral("diff"), written.path, written.path } + flags, dir.path());
    QCOMPARE(diff.exitCode, 2);
    QCOMPARE(diff.err, expected);
}

void TestLoadLimits::cliHelpShowsDefaults()
{
    const CliRun run = runProgram(Cli, { QStringLiteral("analyze"), QStringLiteral("--help") });
    QCOMPARE(run.exitCode, 0);
    QString help = run.out.simplified(); // the help text wraps long descriptions
    for (const char *expected :
        { "--max-entries <N>", "Default: 5000000.", "--max-depth <N>", "Default: 2048.", "--max-name-length <N>",
            "Default: 1024.", "--max-json-size <SIZE>", "Default: 16MiB.", "--max-json-depth <N>", "Default: 64.",
            "--max-bytes <SIZE>", "Default: 64GiB.", "--max-package-databases <SIZE>", "Default: 512MiB." })
        QVERIFY2(help.contains(QLatin1String(expected)), expected);
}

QTEST_GUILESS_MAIN(TestLoadLimits)
#include "test_load_limits.moc"
