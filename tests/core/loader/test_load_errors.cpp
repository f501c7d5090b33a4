// Damaged and foreign inputs: every failure is a LoadError whose message names the archive, the member
// and what is wrong. Expected substrings use placeholders filled from what the writer reports.
#include "FormatTestSupport.h"

#include "Compressors.h"
#include "TarWriter.h"

#include <QDir>
#include <QTemporaryDir>

using namespace ballast::test;
using namespace fixture;

class TestLoadErrors : public QObject {
    Q_OBJECT
private slots:
    void damagedImages_data();
    void damagedImages();
    void notAnImage_data();
    void notAnImage();
    void damagedArchive_data();
    void damagedArchive();
    void truncatedAtMemberBoundary_data();
    void truncatedAtMemberBoundary();
    void verifyDigestsOff_data();
    void verifyDigestsOff();
};

namespace {

ArchiveSpec damaged(Format format, LayerCompression compression, const std::function<void(ArchiveSpec &)> &edit)
{
    ArchiveSpec spec = singleImage(format, standardImage(compression));
    edit(spec);
    return spec;
}

// The caller checks first that the load failed (QVERIFY(failed(error))), so that a QEXPECT_FAIL placed
// before checkMessage applies to the message itself.
bool failed(const ballast::LoadError &error)
{
    if (qEnvironmentVariableIsSet("SHOW_MESSAGES"))
        qInfo().noquote() << error.message();
    return !error.message().isEmpty();
}

void checkMessage(const ballast::LoadError &error, const QStringList &expected)
{
    for (const QString &text : expected)
        QVERIFY2(error.message().contains(text),
            qPrintable(QStringLiteral("\"%1\"\n  does not contain\n\"%2\"").arg(error.message(), text)));
}

QStringList expandAll(const QStringList &patterns, const WrittenArchive &written)
{
    QStringList out;
    for (const QString &p : patterns)
        out << expand(p, written);
    return out;
}

} // namespace

void TestLoadErrors::damagedImages_data()
{
    QTest::addColumn<ArchiveSpec>("spec");
    QTest::addColumn<QStringList>("expected");
    const auto G = LayerCompression::Gzip;
    for (Format f : allFormats()) {
        const QString n = QLatin1String(formatName(f)) + QLatin1Char('/');
        QTest::newRow(qPrintable(n + "missing blob"))
            << damaged(f, G, [](ArchiveSpec &s) { s.damage.missingBlobLayer = 1; })
            << QStringList { "{path}: the blob of layer 1 is missing: {layer1.path}" };
        QTest::newRow(qPrintable(n + "fewer diff_ids than layers"))
            << damaged(f, G, [](ArchiveSpec &s) { s.damage.dropLastDiffId = true; })
            << QStringList { "{path}: {config}: the config lists 2 diff_ids for 3 layers" };
        QTest::newRow(qPrintable(n + "diff_id mismatch"))
            << damaged(f, G, [](ArchiveSpec &s) { s.damage.wrongDiffIdLayer = 2; })
            << QStringList {
                   "{path}: layer 2 ({layer2.path}): the uncompressed layer's sha256 is {layer2.diffId} but the "
                   "config's rootfs.diff_ids[2] is sha256:"
               };
        QTest::newRow(qPrintable(n + "invalid config JSON"))
            << damaged(f, G, [](ArchiveSpec &s) { s.damage.invalidJson = Damage::Json::Config; })
            << QStringList { "{path}: {config}: invalid JSON at byte" };
        QTest::newRow(qPrintable(n + "xz layer"))
            << damaged(f, G, [](ArchiveSpec &s) { s.images[0].layers[1].compression = LayerCompression::Xz; })
            << QStringList { "{path}: layer 1 ({layer1.path}): unsupported compression: xz" };
        QTest::newRow(qPrintable(n + "bzip2 layer"))
            << damaged(f, G, [](ArchiveSpec &s) { s.images[0].layers[2].compression = LayerCompression::Bzip2; })
            << QStringList { "{path}: layer 2 ({layer2.path}): unsupported compression: bzip2" };
        QTest::newRow(qPrintable(n + "gzip crc flipped")) << damaged(f, G, [](ArchiveSpec &s) {
            s.damage.blobLayer = 0;
            s.damage.blobFlipAt = -8; // first byte of the CRC-32 trailer
        }) << QStringList { "{path}: layer 0 ({layer0.path}): gzip data is corrupt", "incorrect data check" };
        QTest::newRow(qPrintable(n + "gzip header flags flipped")) << damaged(f, G, [](ArchiveSpec &s) {
            s.damage.blobLayer = 0;
            s.damage.blobFlipAt = 3; // FLG: reserved bits set
        }) << QStringList { "{path}: layer 0 ({layer0.path}): gzip data is corrupt" };
        QTest::newRow(qPrintable(n + "gzip deflate data flipped")) << damaged(f, G, [](ArchiveSpec &s) {
            s.damage.blobLayer = 2;
            s.damage.blobFlipAt = 400;
        }) << QStringList { "{path}: layer 2 ({layer2.path}): " };
        QTest::newRow(qPrintable(n + "gzip truncated")) << damaged(f, G, [](ArchiveSpec &s) {
            s.damage.blobLayer = 0;
            s.damage.blobTruncateTo = 200;
        }) << QStringList { "{path}: layer 0 ({layer0.path}): gzip data ends early" };
        QTest::newRow(qPrintable(n + "zstd truncated")) << damaged(f, LayerCompression::Zstd, [](ArchiveSpec &s) {
            s.damage.blobLayer = 0;
            s.damage.blobTruncateTo = 200;
        }) << QStringList { "{path}: layer 0 ({layer0.path}): zstd data ends early" };
        QTest::newRow(qPrintable(n + "estargz truncated")) << damaged(f, LayerCompression::EStargz, [](ArchiveSpec &s) {
            s.damage.blobLayer = 2;
            s.damage.blobTruncateTo = 300;
        }) << QStringList { "{path}: layer 2 ({layer2.path}): gzip data ends early" };
        QTest::newRow(qPrintable(n + "zstd magic flipped")) << damaged(f, LayerCompression::Zstd, [](ArchiveSpec &s) {
            s.damage.blobLayer = 1;
            s.damage.blobFlipAt = 0; // no longer zstd: read as a tar, which it is not
        }) << QStringList { "{path}: layer 1 ({layer1.path}): " };
    }
    for (Format f : { Format::Docker25, Format::OciArchive, Format::OciDirectory }) {
        const QString n = QLatin1String(formatName(f)) + QLatin1Char('/');
        QTest::newRow(qPrintable(n + "blob digest mismatch"))
            << damaged(f, G, [](ArchiveSpec &s) { s.damage.wrongBlobDigestLayer = 1; })
            << QStringList { "{path}: layer 1 ({layer1.path}): the blob's sha256 is {layer1.digest} but the manifest "
                             "declares {layer1.declared}" };
        QTest::newRow(qPrintable(n + "config digest mismatch"))
            << damaged(f, G, [](ArchiveSpec &s) { s.damage.wrongConfigDigest = true; })
            << QStringList { "{path}: config {config}: sha256 is sha256:", "but its name says {configDigest}" };
    }
    for (Format f : { Format::OciArchive, Format::OciDirectory })
        QTest::newRow(qPrintable(QLatin1String(formatName(f)) + "/declared size mismatch"))
            << damaged(f, G, [](ArchiveSpec &s) { s.damage.wrongSizeLayer = 1; })
            << QStringList {
                   "{path}: layer 1 ({layer1.path}): the blob is {layer1.blobSize} bytes but the manifest declares"
               };
    for (Format f : { Format::DockerLegacy, Format::BuildahDockerArchive, Format::Kaniko, Format::Docker25 })
        QTest::newRow(qPrintable(QLatin1String(formatName(f)) + "/invalid manifest.json"))
            << damaged(f, G, [](ArchiveSpec &s) { s.damage.invalidJson = Damage::Json::Manifest; })
            << QStringList { "{path}: manifest.json: invalid JSON at byte" };
    for (Format f : { Format::OciArchive, Format::OciDirectory }) {
        const QString n = QLatin1String(formatName(f)) + QLatin1Char('/');
        QTest::newRow(qPrintable(n + "invalid image manifest"))
            << damaged(f, G, [](ArchiveSpec &s) { s.damage.invalidJson = Damage::Json::Manifest; })
            << QStringList { "{path}: blobs/sha256/{manifest}: invalid JSON at byte" };
        QTest::newRow(qPrintable(n + "invalid index.json"))
            << damaged(f, G, [](ArchiveSpec &s) { s.damage.invalidJson = Damage::Json::Index; })
            << QStringList { "{path}: index.json: invalid JSON at byte" };
    }
    QTest::newRow("buildah/layer.tar link loop")
        << damaged(Format::BuildahDockerArchive, G, [](ArchiveSpec &s) { s.damage.layerLinkLoop = true; })
        << QStringList { "{path}: {layer0.path}: too many levels of links (a link loop?)" };
    QTest::newRow("buildah/layer.tar link outside")
        << damaged(Format::BuildahDockerArchive, G, [](ArchiveSpec &s) { s.damage.layerLinkOutside = true; })
        << QStringList { "{path}: {layer0.path} is a link to ../../outside.tar, which is outside the archive" };
    QTest::newRow("oci-archive/blob link loop")
        << damaged(Format::OciArchive, G, [](ArchiveSpec &s) { s.damage.layerLinkLoop = true; })
        << QStringList { "{path}: {layer0.path}: too many levels of links (a link loop?)" };
    QTest::newRow("oci-archive/blob link outside")
        << damaged(Format::OciArchive, G, [](ArchiveSpec &s) { s.damage.layerLinkOutside = true; })
        << QStringList { "{path}: {layer0.path} is a link to ../../../outside.tar, which is outside the archive" };
    QTest::newRow("oci-dir/blob link outside")
        << damaged(Format::OciDirectory, G, [](ArchiveSpec &s) { s.damage.layerLinkOutside = true; })
        << QStringList { "{path}: {layer0.path} is a link to ", "outside.tar, which is outside the layout directory" };
    QTest::newRow("oci-dir/blob link loop")
        << damaged(Format::OciDirectory, G, [](ArchiveSpec &s) { s.damage.layerLinkLoop = true; })
        << QStringList { "{path}: {layer0.path}: a link loop or a dangling link" };
    QTest::newRow("buildah/link loop in gzip'ed archive") << damaged(
        Format::BuildahDockerArchive, G, [](ArchiveSpec &s) {
            s.damage.layerLinkLoop = true;
            s.outer = OuterCompression::Gzip;
        }) << QStringList { "{path}: {layer0.path}: too many levels of links" };
}

void TestLoadErrors::damagedImages()
{
    QFETCH(ArchiveSpec, spec);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(spec, dir.path());
    const ballast::LoadError error = loadError(written.path);
    QVERIFY2(failed(error), "the load did not fail");
    checkMessage(error, expandAll(expected, written));
}

void TestLoadErrors::notAnImage_data()
{
    QTest::addColumn<QByteArray>("content"); // the file's bytes; a directory when `directory` is set
    QTest::addColumn<bool>("directory");
    QTest::addColumn<QStringList>("expected");

    QByteArray random(4096, '\0');
    uint32_t state = 12345;
    for (char &c : random)
        c = char((state = state * 1103515245u + 12345u) >> 24);
    random[0] = 'B'; // not a gzip or zstd magic, not a tar header
    auto tarOf = [](std::vector<EntrySpec> entries) {
        TarWriter tar;
        for (const EntrySpec &e : entries)
            tar.add(e);
        tar.finish();
        return tar.bytes();
    };
    const QByteArray plainTar
        = tarOf({ fileEntry("hello.txt", "hi\n"), dirEntry("docs/"), fileEntry("docs/readme", "x") });
    QTest::newRow("random bytes") << random << false << QStringList { "{path}: not an image archive" };
    QTest::newRow("empty file") << QByteArray() << false << QStringList { "{path}: the file is empty" };
    QTest::newRow("short text") << QByteArray("hello\n") << false << QStringList { "{path}: not an image archive" };
    QTest::newRow("plain tar") << plainTar << false
                               << QStringList { "{path}: not an image: found neither manifest.json",
                                      "top-level entries: hello.txt, docs" };
    QTest::newRow("gzip'ed plain tar") << gzipCompress(plainTar) << false
                                       << QStringList { "{path}: not an image: found neither manifest.json" };
    QTest::newRow("gzip'ed text") << gzipCompress("just text\n") << false
                                  << QStringList { "{path}: gzip data that does not hold a tar archive" };
    QTest::newRow("zstd'ed text") << zstdCompress("just text\n") << false
                                  << QStringList { "{path}: zstd data that does not hold a tar archive" };
    QTest::newRow("manifest.json not an array")
        << tarOf({ fileEntry("manifest.json", R"({"Config":"c.json"})") }) << false
        << QStringList { "{path}: manifest.json: expected a JSON array of images" };
    QTest::newRow("manifest.json without Config")
        << tarOf({ fileEntry("manifest.json", R"([{"Layers":[]}])") }) << false
        << QStringList { "{path}: manifest.json: an image entry has no \"Config\"" };
    QTest::newRow("manifest.json empty array")
        << tarOf({ fileEntry("manifest.json", "[]") }) << false << QStringList { "{path}: the archive lists no image" };
    QTest::newRow("manifest.json names a missing config")
        << tarOf({ fileEntry("manifest.json", R"([{"Config":"abc.json","Layers":[]}])") }) << false
        << QStringList { "{path}: abc.json is missing" };
    QTest::newRow("index.json without manifests")
        << tarOf({ fileEntry("index.json", R"({"schemaVersion":2})") }) << false
        << QStringList { "{path}: index.json: expected an object with a \"manifests\" array" };
    QTest::newRow("index.json with a bad digest") << tarOf({ fileEntry("index.json",
        R"({"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:../../x"}]})") })
                                                  << false
                                                  << QStringList {
                                                         "{path}: index.json: invalid digest \"sha256:../../x\""
                                                     };
    QTest::newRow("directory without index.json")
        << QByteArray() << true
        << QStringList { "{path}: not an image: found neither manifest.json", "top-level entries: blobs, oci-layout" };
}

void TestLoadErrors::notAnImage()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, directory);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    WrittenArchive written;
    written.images.resize(1);
    if (directory) {
        written.path = dir.filePath(QStringLiteral("layout"));
        QDir().mkpath(written.path + QStringLiteral("/blobs/sha256"));
        writeFileBytes(written.path + QStringLiteral("/oci-layout"), R"({"imageLayoutVersion":"1.0.0"})");
    } else {
        written.path = dir.filePath(QStringLiteral("input.tar"));
        writeFileBytes(written.path, content);
    }
    const ballast::LoadError error = loadError(written.path);
    QVERIFY2(failed(error), "the load did not fail");
    checkMessage(error, expandAll(expected, written));
}

void TestLoadErrors::damagedArchive_data()
{
    // The archive file itself is cut or has a flipped byte at a spot computed from where the writer put
    // the member: "{at}" in the expected text is that offset (for "header", the header's own offset).
    QTest::addColumn<ArchiveSpec>("spec");
    QTest::addColumn<QString>("member"); // placeholder pattern; empty: relative to the file size
    QTest::addColumn<QString>("base"); // "header", "data" or "half"
    QTest::addColumn<int>("delta");
    QTest::addColumn<bool>("flip"); // flip the byte instead of cutting there
    QTest::addColumn<QStringList>("expected");
    const auto N = LayerCompression::None;
    auto spec = [](Format f, LayerCompression c, OuterCompression outer = OuterCompression::None) {
        ArchiveSpec s = singleImage(f, standardImage(c));
        s.outer = outer;
        return s;
    };
    const QStringList inHeader { "{path}: the archive ends inside a tar header at byte {at} (truncated?)" };
    QTest::newRow("docker-legacy/cut in manifest.json header") << spec(Format::DockerLegacy, N) << "manifest.json"
                                                               << "header" << 100 << false << inHeader;
    QTest::newRow("oci-archive/cut in index.json header") << spec(Format::OciArchive, N) << "index.json"
                                                          << "header" << 300 << false << inHeader;
    const QStringList inBlob { "{path}: entry {member} declares {size} bytes but the archive ends at byte {at}" };
    QTest::newRow("docker-legacy/cut in a layer") << spec(Format::DockerLegacy, N) << "{layer1.path}"
                                                  << "data" << 100 << false << inBlob;
    QTest::newRow("buildah/cut in a layer")
        << spec(Format::BuildahDockerArchive, LayerCompression::Gzip) << "{layer0.hex}.tar"
        << "data" << 10 << false << inBlob;
    QTest::newRow("kaniko/cut in a layer") << spec(Format::Kaniko, LayerCompression::Gzip) << "{layer2.path}"
                                           << "data" << 1 << false << inBlob;
    QTest::newRow("oci-archive/cut in a layer") << spec(Format::OciArchive, LayerCompression::Zstd) << "{layer0.path}"
                                                << "data" << 50 << false << inBlob;
    QTest::newRow("docker25/cut in the config") << spec(Format::Docker25, N) << "{config}"
                                                << "data" << 20 << false << inBlob;
    QTest::newRow("docker-legacy/whole gzip cut")
        << spec(Format::DockerLegacy, N, OuterCompression::Gzip) << ""
        << "half" << 0 << false << QStringList { "{path}: gzip data ends early" };
    QTest::newRow("oci-archive/whole zstd cut")
        << spec(Format::OciArchive, N, OuterCompression::Zstd) << ""
        << "half" << 0 << false << QStringList { "{path}: zstd data ends early" };
    const QStringList checksum { "{path}: damaged tar header at byte {at} (checksum mismatch)" };
    QTest::newRow("docker-legacy/flip in manifest.json header") << spec(Format::DockerLegacy, N) << "manifest.json"
                                                                << "header" << 3 << true << checksum;
    QTest::newRow("oci-archive/flip in a blob header") << spec(Format::OciArchive, N) << "{layer1.path}"
                                                       << "header" << 130 << true << checksum;
    // Bit rot in the content of etc/hostname (layer 0: "./", "etc/" headers, then its header at 1024).
    QTest::newRow("oci-archive/flip in layer content")
        << spec(Format::OciArchive, N) << "{layer0.path}"
        << "data" << 1536 + 2 << true
        << QStringList { "{path}: layer 0 ({layer0.path}): the blob's sha256 is sha256:",
               "but the manifest declares {layer0.declared}" };
    QTest::newRow("docker-legacy/flip in layer content")
        << spec(Format::DockerLegacy, N) << "{layer0.path}"
        << "data" << 1536 + 2 << true
        << QStringList { "{path}: layer 0 ({layer0.path}): the uncompressed layer's sha256 is sha256:",
               "but the config's rootfs.diff_ids[0] is {layer0.diffId}" };
}

void TestLoadErrors::damagedArchive()
{
    QFETCH(ArchiveSpec, spec);
    QFETCH(QString, member);
    QFETCH(QString, base);
    QFETCH(int, delta);
    QFETCH(bool, flip);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    const WrittenArchive intact = writeArchive(spec, dir.path(), QStringLiteral("intact"));
    int64_t at = intact.fileSize / 2;
    int64_t size = 0;
    const QString memberPath = expand(member, intact);
    if (base != QLatin1String("half")) {
        QVERIFY2(intact.members.count(memberPath), qPrintable(memberPath));
        const MemberLocation &location = intact.members.at(memberPath);
        at = (base == QLatin1String("header") ? location.headerOffset : location.dataOffset) + delta;
        size = location.size;
    }
    (flip ? spec.damage.flipArchiveByteAt : spec.damage.truncateArchiveAt) = at;
    const WrittenArchive written = writeArchive(spec, dir.path());
    QStringList patterns;
    for (QString p : expected)
        patterns << p.replace(
                         QStringLiteral("{at}"), QString::number(base == QLatin1String("header") ? at - delta : at))
                        .replace(QStringLiteral("{member}"), memberPath)
                        .replace(QStringLiteral("{size}"), QString::number(size));
    const ballast::LoadError error = loadError(written.path);
    QVERIFY2(failed(error), "the load did not fail");
    checkMessage(error, expandAll(patterns, written));
}

void TestLoadErrors::truncatedAtMemberBoundary_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<QString>("member"); // the cut is right before this member's header
    QTest::newRow("docker-legacy/before manifest.json") << Format::DockerLegacy << "manifest.json";
    QTest::newRow("docker-legacy/before a layer") << Format::DockerLegacy << "{layer2.path}";
    QTest::newRow("oci-archive/before index.json") << Format::OciArchive << "index.json";
}

void TestLoadErrors::truncatedAtMemberBoundary()
{
    QFETCH(Format, format);
    QFETCH(QString, member);
    // A copy interrupted at a 512-byte boundary that falls between two members: every header that is
    // there is intact, but the tar lacks its end-of-archive marker, and manifest.json / index.json
    // (written last) is gone. The error should say the archive is truncated, not "not an image".
    QTemporaryDir dir;
    ArchiveSpec spec = singleImage(format, standardImage());
    const WrittenArchive intact = writeArchive(spec, dir.path(), QStringLiteral("intact"));
    spec.damage.truncateArchiveAt = intact.members.at(expand(member, intact)).headerOffset;
    const WrittenArchive written = writeArchive(spec, dir.path());
    const ballast::LoadError error = loadError(written.path);
    QVERIFY2(error.message().startsWith(written.path + QStringLiteral(": ")), qPrintable(error.message()));
    QVERIFY2(error.message().contains(QStringLiteral("truncated")), qPrintable(error.message()));
}

void TestLoadErrors::verifyDigestsOff_data()
{
    QTest::addColumn<ArchiveSpec>("spec");
    QTest::addColumn<int>("layer");
    QTest::addColumn<bool>("digestDamaged"); // else the diff_id is
    for (Format f : { Format::Docker25, Format::OciArchive, Format::OciDirectory })
        QTest::newRow(qPrintable(QLatin1String(formatName(f)) + "/blob digest")) << damaged(f, LayerCompression::Gzip,
            [](ArchiveSpec &s) { s.damage.wrongBlobDigestLayer = 1; }) << 1 << true;
    for (Format f : allFormats())
        QTest::newRow(qPrintable(QLatin1String(formatName(f)) + "/diff_id"))
            << damaged(f, LayerCompression::Zstd, [](ArchiveSpec &s) { s.damage.wrongDiffIdLayer = 2; }) << 2 << false;
}

void TestLoadErrors::verifyDigestsOff()
{
    QFETCH(ArchiveSpec, spec);
    QFETCH(int, layer);
    QFETCH(bool, digestDamaged);
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(spec, dir.path());
    QVERIFY(!loadError(written.path).message().isEmpty()); // verified, it fails
    ballast::LoadOptions options;
    options.verifyDigests = false;
    LOAD_OR_FAIL(image, written.path, options);
    const WrittenLayer &expected = written.images[0].layers[size_t(layer)];
    if (digestDamaged) {
        QCOMPARE(image->layers[size_t(layer)].digest, expected.declaredDigest); // as declared, unchecked
        QVERIFY(expected.declaredDigest != expected.digest);
    } else {
        QCOMPARE(image->layers[size_t(layer)].diffId, image->config.diffIds[layer]);
        QVERIFY(image->config.diffIds[layer] != expected.diffId);
    }
    for (int k = 0; k < 3; ++k)
        QCOMPARE(int(image->layers[size_t(k)].entries.size()), StandardEntries[k]);
    QCOMPARE(image->tree.finalFileBytes(), StandardFinalBytes);
}

QTEST_GUILESS_MAIN(TestLoadErrors)
#include "test_load_errors.moc"
