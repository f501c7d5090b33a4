// Every archive format x layer compression x whole-archive compression, loaded through ImageLoader and
// compared with what the writer put in: layers, sizes, digests, tree figures, history, tags, platform.
#include "FormatTestSupport.h"

#include <QTemporaryDir>

using namespace ballast::test;
using namespace fixture;

class TestFormats : public QObject {
    Q_OBJECT
private slots:
    void formatMatrix_data();
    void formatMatrix();
    void layerOrderFollowsManifest_data();
    void layerOrderFollowsManifest();
    void historyMapping_data();
    void historyMapping();
    void tagsAndPlatform_data();
    void tagsAndPlatform();
};

namespace {

ballast::Compression detected(LayerCompression compression)
{
    switch (compression) {
    case LayerCompression::Gzip:
    case LayerCompression::EStargz:
        return ballast::Compression::Gzip;
    case LayerCompression::Zstd:
        return ballast::Compression::Zstd;
    default:
        return ballast::Compression::None;
    }
}

} // namespace

void TestFormats::formatMatrix_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<LayerCompression>("compression");
    QTest::addColumn<OuterCompression>("outer");
    for (Format format : allFormats())
        for (LayerCompression c :
            { LayerCompression::None, LayerCompression::Gzip, LayerCompression::Zstd, LayerCompression::EStargz }) {
            QTest::newRow(qPrintable(rowName(format, c, OuterCompression::None)))
                << format << c << OuterCompression::None;
            if (isTarFormat(format))
                QTest::newRow(qPrintable(rowName(format, c, OuterCompression::Gzip)))
                    << format << c << OuterCompression::Gzip;
        }
    // Whole-archive zstd is not something docker writes, but users do it.
    QTest::newRow("docker-legacy/gzip/whole-zstd")
        << Format::DockerLegacy << LayerCompression::Gzip << OuterCompression::Zstd;
    QTest::newRow("oci-archive/zstd/whole-zstd")
        << Format::OciArchive << LayerCompression::Zstd << OuterCompression::Zstd;
}

void TestFormats::formatMatrix()
{
    QFETCH(Format, format);
    QFETCH(LayerCompression, compression);
    QFETCH(OuterCompression, outer);
    QTemporaryDir dir;
    ArchiveSpec spec = singleImage(format, standardImage(compression));
    spec.outer = outer;
    const WrittenArchive written = writeArchive(spec, dir.path());
    const WrittenImage &expected = written.images.front();

    LOAD_OR_FAIL(image, written.path);
    QCOMPARE(image->sourcePath, written.path);
    QCOMPARE(image->format, QString::fromLatin1(expectedFormatName(format)));
    QCOMPARE(image->outerCompression,
        outer == OuterCompression::Gzip       ? QStringLiteral("gzip")
            : outer == OuterCompression::Zstd ? QStringLiteral("zstd")
                                              : QString());
    QCOMPARE(image->tags, QStringList { QStringLiteral("ballast/sample:1.0") });
    QCOMPARE(image->platform(), QStringLiteral("linux/amd64"));
    QCOMPARE(image->configDigest, expected.configDigest); // the image ID, whatever the format
    QVERIFY2(image->warnings.isEmpty(), qPrintable(image->warnings.join(QLatin1Char('\n'))));

    // eStargz layers carry their TOC as one more regular file, stargz.index.json, at the root.
    const bool estargz = compression == LayerCompression::EStargz;
    QCOMPARE(image->layers.size(), size_t(3));
    QStringList diffIds;
    int64_t totalSize = 0, totalStored = 0;
    for (int k = 0; k < 3; ++k) {
        const ballast::Layer &layer = image->layers[size_t(k)];
        const WrittenLayer &want = expected.layers[size_t(k)];
        QCOMPARE(layer.index, k);
        QCOMPARE(int(layer.entries.size()), StandardEntries[k] + (estargz ? 1 : 0));
        QCOMPARE(layer.size, StandardSizes[k] + want.tocSize);
        QCOMPARE(layer.compression, detected(compression));
        QCOMPARE(layer.archivePath, want.archivePath);
        QCOMPARE(layer.diffId, want.diffId);
        QCOMPARE(layer.digest, want.digest);
        QCOMPARE(layer.compressedSize, want.blobSize);
        QCOMPARE(layer.uncompressedSize, want.tarSize);
        QCOMPARE(layer.historyIndex, StandardHistoryIndex[k]);
        // Media types come from OCI manifests; docker's manifest.json (Docker 25 included) has none.
        const bool oci = format == Format::OciArchive || format == Format::OciDirectory;
        QCOMPARE(layer.mediaType, oci ? want.mediaType : QString());
        diffIds << want.diffId;
        totalSize += StandardSizes[k] + want.tocSize;
        totalStored += want.blobSize;
    }
    QCOMPARE(image->config.diffIds, diffIds);
    QCOMPARE(image->sizeBytes(), totalSize);
    QCOMPARE(image->compressedSizeBytes(), totalStored);
    QCOMPARE(image->config.history.size(), size_t(5));
    QCOMPARE(image->config.history[1].layerIndex, -1);
    QCOMPARE(image->config.history[4].layerIndex, 2);
    QCOMPARE(image->config.history[4].createdBy, QStringLiteral("/bin/sh -c #(nop) COPY dir:9f8e in /app "));

    const int64_t tocBytes = estargz ? expected.layers[2].tocSize : 0;
    QCOMPARE(image->tree.finalEntryCount(), StandardFinalEntries + (estargz ? 1 : 0));
    QCOMPARE(image->tree.finalFileCount(), StandardFinalFiles + (estargz ? 1 : 0));
    QCOMPARE(image->tree.finalFileBytes(), StandardFinalBytes + tocBytes);
    QCOMPARE(image->tree.find("tmp/old.log") == ballast::MergedTree::NoNode
            || !image->tree.existsAfter(image->tree.find("tmp/old.log"), 2),
        true);
    const auto hostname = image->tree.find("etc/hostname");
    QVERIFY(hostname != ballast::MergedTree::NoNode);
    QCOMPARE(image->tree.entry(hostname, 2)->size, int64_t(10));
}

void TestFormats::layerOrderFollowsManifest_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<LayerCompression>("compression");
    for (Format format : allFormats()) {
        QTest::newRow(formatName(format)) << format << LayerCompression::None;
        QTest::newRow(qPrintable(QStringLiteral("%1/gzip").arg(QLatin1String(formatName(format)))))
            << format << LayerCompression::Gzip;
    }
}

void TestFormats::layerOrderFollowsManifest()
{
    QFETCH(Format, format);
    QFETCH(LayerCompression, compression);
    QTemporaryDir dir;
    ArchiveSpec spec = singleImage(format, standardImage(compression));
    spec.reverseBlobOrder = true;
    const WrittenArchive written = writeArchive(spec, dir.path());
    const WrittenImage &expected = written.images.front();
    if (isTarFormat(format)) { // the fixture really stores the top layer's blob first
        const QString first = expected.layers[0].archivePath, last = expected.layers[2].archivePath;
        auto blobOf = [&](const QString &manifestPath) {
            if (format != Format::BuildahDockerArchive)
                return manifestPath;
            return expected.layers[0].archivePath == manifestPath ? expected.layers[0].digest.mid(7) + ".tar"
                                                                  : expected.layers[2].digest.mid(7) + ".tar";
        };
        QVERIFY(written.members.at(blobOf(last)).dataOffset < written.members.at(blobOf(first)).dataOffset);
    }

    LOAD_OR_FAIL(image, written.path);
    QCOMPARE(image->layers.size(), size_t(3));
    for (size_t k = 0; k < 3; ++k) {
        QCOMPARE(image->layers[k].diffId, expected.layers[k].diffId);
        QCOMPARE(int(image->layers[k].entries.size()), StandardEntries[k]);
        QCOMPARE(image->layers[k].size, StandardSizes[k]);
    }
    QCOMPARE(QByteArray(image->layers[2].path(image->layers[2].entries[1]).data(),
                 qsizetype(image->layers[2].path(image->layers[2].entries[1]).size())),
        QByteArray("app/data.bin"));
    QCOMPARE(image->tree.finalFileBytes(), StandardFinalBytes);
}

void TestFormats::historyMapping_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<std::vector<HistorySpec>>("history");
    QTest::addColumn<std::vector<int>>("layerHistory"); // historyIndex of layers 0..2
    QTest::addColumn<QString>("warning"); // substring of the one warning, empty for none

    const std::vector<HistorySpec> full { { "ADD", false }, { "ENV", true }, { "RUN", false }, { "CMD", true },
        { "COPY", false } };
    const std::vector<HistorySpec> kaniko { { "RUN", false }, { "COPY", false } };
    const std::vector<HistorySpec> tooMany { { "A", false }, { "B", false }, { "C", false }, { "D", false } };
    const std::vector<HistorySpec> allEmpty { { "ENV", true }, { "CMD", true } };
    for (Format format : { Format::DockerLegacy, Format::OciArchive, Format::Kaniko }) {
        const QString f = QLatin1String(formatName(format));
        QTest::newRow(qPrintable(f + "/empty-steps-skipped"))
            << format << full << std::vector<int> { 0, 2, 4 } << QString();
        QTest::newRow(qPrintable(f + "/fewer-steps"))
            << format << kaniko << std::vector<int> { 0, 1, -1 }
            << QStringLiteral("history lists 2 layer-creating steps for 3 layers");
        QTest::newRow(qPrintable(f + "/more-steps"))
            << format << tooMany << std::vector<int> { 0, 1, 2 }
            << QStringLiteral("history lists 4 layer-creating steps for 3 layers");
        QTest::newRow(qPrintable(f + "/only-empty-steps"))
            << format << allEmpty << std::vector<int> { -1, -1, -1 }
            << QStringLiteral("history lists 0 layer-creating steps for 3 layers");
        QTest::newRow(qPrintable(f + "/no-history"))
            << format << std::vector<HistorySpec> {} << std::vector<int> { -1, -1, -1 }
            << QStringLiteral("the config has no history");
    }
}

void TestFormats::historyMapping()
{
    QFETCH(Format, format);
    QFETCH(std::vector<HistorySpec>, history);
    QFETCH(std::vector<int>, layerHistory);
    QFETCH(QString, warning);
    QTemporaryDir dir;
    ImageSpec spec = standardImage();
    spec.history = history;
    const WrittenArchive written = writeArchive(singleImage(format, spec), dir.path());

    LOAD_OR_FAIL(image, written.path);
    QCOMPARE(image->config.history.size(), history.size());
    for (size_t k = 0; k < 3; ++k) {
        QCOMPARE(image->layers[k].historyIndex, layerHistory[k]);
        if (layerHistory[k] >= 0) {
            QCOMPARE(image->config.history[size_t(layerHistory[k])].layerIndex, int(k));
            QCOMPARE(image->config.history[size_t(layerHistory[k])].createdBy,
                QString::fromStdString(history[size_t(layerHistory[k])].createdBy));
        }
    }
    for (size_t i = 0; i < history.size(); ++i) // steps that produced no layer point nowhere
        if (std::find(layerHistory.begin(), layerHistory.end(), int(i)) == layerHistory.end())
            QCOMPARE(image->config.history[i].layerIndex, -1);
    if (warning.isEmpty()) {
        QVERIFY2(image->warnings.isEmpty(), qPrintable(image->warnings.join('\n')));
    } else {
        QCOMPARE(image->warnings.size(), 1);
        QVERIFY2(image->warnings.front().contains(warning), qPrintable(image->warnings.front()));
    }
    QCOMPARE(image->tree.finalFileBytes(), StandardFinalBytes); // the layers themselves are unaffected
}

void TestFormats::tagsAndPlatform_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QString>("os");
    QTest::addColumn<QString>("arch");
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("platform");
    for (Format format : allFormats()) {
        const QString f = QLatin1String(formatName(format));
        QTest::newRow(qPrintable(f + "/two-tags"))
            << format << QStringList { "app:1.0", "registry.example:5000/team/app:latest" } << "linux"
            << "amd64"
            << ""
            << "linux/amd64";
        QTest::newRow(qPrintable(f + "/untagged-arm64-v8")) << format << QStringList {} << "linux"
                                                            << "arm64"
                                                            << "v8"
                                                            << "linux/arm64/v8";
        QTest::newRow(qPrintable(f + "/windows")) << format << QStringList { "win:ltsc" } << "windows"
                                                  << "amd64"
                                                  << ""
                                                  << "windows/amd64";
    }
}

void TestFormats::tagsAndPlatform()
{
    QFETCH(Format, format);
    QFETCH(QStringList, tags);
    QFETCH(QString, os);
    QFETCH(QString, arch);
    QFETCH(QString, variant);
    QFETCH(QString, platform);
    QTemporaryDir dir;
    ImageSpec spec = standardImage(LayerCompression::Gzip);
    spec.tags.clear();
    for (const QString &tag : tags)
        spec.tags.push_back(tag.toStdString());
    spec.os = os.toStdString();
    spec.architecture = arch.toStdString();
    spec.variant = variant.toStdString();
    const WrittenArchive written = writeArchive(singleImage(format, spec), dir.path());

    LOAD_OR_FAIL(image, written.path);
    QCOMPARE(image->tags, tags);
    QCOMPARE(image->config.os, os);
    QCOMPARE(image->config.architecture, arch);
    QCOMPARE(image->config.variant, variant);
    QCOMPARE(image->platform(), platform);
}

QTEST_GUILESS_MAIN(TestFormats)
#include "test_formats.moc"
