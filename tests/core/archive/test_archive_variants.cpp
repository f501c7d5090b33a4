// Variations of how archives and layers are stored, beyond the format matrix: eStargz TOC placement,
// mixed layer compressions, outer member name encodings, empty layers, many layers, layout directory
// paths, and the progress counters.
#include "FormatTestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace ballast::test;
using namespace fixture;

class TestArchiveVariants : public QObject {
    Q_OBJECT
private slots:
    void estargzToc_data();
    void estargzToc();
    void mixedLayerCompressions();
    void outerMemberNames_data();
    void outerMemberNames();
    void emptyLayers_data();
    void emptyLayers();
    void manyLayers();
    void layoutDirectoryPaths_data();
    void layoutDirectoryPaths();
    void progressCountersAndReuse();
};

void TestArchiveVariants::estargzToc_data()
{
    QTest::addColumn<bool>("tocAfterEnd");
    QTest::addColumn<Format>("format");
    for (Format format : { Format::OciArchive, Format::DockerLegacy }) {
        QTest::newRow(qPrintable(QStringLiteral("toc-as-last-entry/") + formatName(format))) << false << format;
        QTest::newRow(qPrintable(QStringLiteral("toc-after-end-marker/") + formatName(format))) << true << format;
    }
}

void TestArchiveVariants::estargzToc()
{
    QFETCH(bool, tocAfterEnd);
    QFETCH(Format, format);
    QTemporaryDir dir;
    ImageSpec spec = standardImage(LayerCompression::EStargz);
    for (LayerSpec &layer : spec.layers)
        layer.estargzTocAfterEnd = tocAfterEnd;
    const WrittenArchive written = writeArchive(singleImage(format, spec), dir.path());
    const WrittenImage &expected = written.images.front();

    LOAD_OR_FAIL(image, written.path);
    for (size_t k = 0; k < 3; ++k) {
        const ballast::Layer &layer = image->layers[k];
        QCOMPARE(layer.compression, ballast::Compression::Gzip);
        QCOMPARE(layer.diffId, expected.layers[k].diffId); // the diff_id covers the TOC either way
        QCOMPARE(layer.uncompressedSize, expected.layers[k].tarSize);
        // After the end marker the TOC is invisible to a tar reader; as the last entry it is a file.
        QCOMPARE(int(layer.entries.size()), StandardEntries[k] + (tocAfterEnd ? 0 : 1));
        QCOMPARE(layer.size, StandardSizes[k] + (tocAfterEnd ? 0 : expected.layers[k].tocSize));
        if (!tocAfterEnd)
            QCOMPARE(layer.path(layer.entries.back()), std::string_view("stargz.index.json"));
    }
    QCOMPARE(image->tree.finalFileCount(), StandardFinalFiles + (tocAfterEnd ? 0 : 1));
}

void TestArchiveVariants::mixedLayerCompressions()
{
    // One image, every layer stored differently: detection is per blob, by magic bytes.
    QTemporaryDir dir;
    ImageSpec spec = standardImage();
    spec.layers[0].compression = LayerCompression::Zstd;
    spec.layers[1].compression = LayerCompression::None;
    spec.layers[2].compression = LayerCompression::Gzip;
    for (Format format : allFormats()) {
        const WrittenArchive written = writeArchive(singleImage(format, spec), dir.path(), formatName(format));
        LOAD_OR_FAIL(image, written.path);
        QCOMPARE(image->layers[0].compression, ballast::Compression::Zstd);
        QCOMPARE(image->layers[1].compression, ballast::Compression::None);
        QCOMPARE(image->layers[2].compression, ballast::Compression::Gzip);
        for (size_t k = 0; k < 3; ++k)
            QCOMPARE(image->layers[k].digest, written.images[0].layers[k].digest);
        QCOMPARE(image->tree.finalFileBytes(), StandardFinalBytes);
    }
}

void TestArchiveVariants::outerMemberNames_data()
{
    using Names = ArchiveSpec::MemberNames;
    QTest::addColumn<Format>("format");
    QTest::addColumn<Names>("names");
    QTest::addColumn<SizeField>("sizes");
    QTest::addColumn<bool>("globalHeader");
    QTest::addColumn<OuterCompression>("outer");
    const std::pair<Names, const char *> variants[] = { { Names::DotSlash, "./-prefixed" }, { Names::Pax, "pax" },
        { Names::Gnu, "gnu-longlink" }, { Names::UstarPrefix, "ustar-prefix" } };
    for (Format format : allFormats()) {
        if (!isTarFormat(format))
            continue;
        const QString f = QLatin1String(formatName(format)) + QLatin1Char('/');
        for (const auto &[names, label] : variants)
            QTest::newRow(qPrintable(f + label))
                << format << names << SizeField::Octal << false << OuterCompression::None;
        QTest::newRow(qPrintable(f + "base-256 sizes"))
            << format << Names::Plain << SizeField::Base256 << false << OuterCompression::None;
        QTest::newRow(qPrintable(f + "pax-only sizes"))
            << format << Names::UstarPrefix << SizeField::PaxOnly << false << OuterCompression::None;
        QTest::newRow(qPrintable(f + "global header first"))
            << format << Names::Plain << SizeField::Octal << true << OuterCompression::None;
    }
    QTest::newRow("oci-archive/./-prefixed/whole-gzip")
        << Format::OciArchive << Names::DotSlash << SizeField::Octal << false << OuterCompression::Gzip;
    QTest::newRow("buildah/gnu-longlink/whole-gzip")
        << Format::BuildahDockerArchive << Names::Gnu << SizeField::Base256 << true << OuterCompression::Gzip;
}

void TestArchiveVariants::outerMemberNames()
{
    using Names = ArchiveSpec::MemberNames;
    QFETCH(Format, format);
    QFETCH(Names, names);
    QFETCH(SizeField, sizes);
    QFETCH(bool, globalHeader);
    QFETCH(OuterCompression, outer);
    // The outer tar written by other tools: `tar -C layout -cf x.tar .`, pax or GNU long-name records,
    // ustar prefix fields, base-256 or pax sizes, a leading global header. Members are found whatever
    // the encoding of their headers.
    QTemporaryDir dir;
    ArchiveSpec spec = singleImage(format, standardImage(LayerCompression::Gzip));
    spec.memberNames = names;
    spec.memberSizes = sizes;
    spec.globalHeaderFirst = globalHeader;
    spec.outer = outer;
    const WrittenArchive written = writeArchive(spec, dir.path());

    LOAD_OR_FAIL(image, written.path);
    QCOMPARE(image->format, QString::fromLatin1(expectedFormatName(format)));
    for (size_t k = 0; k < 3; ++k) {
        QCOMPARE(image->layers[k].diffId, written.images[0].layers[k].diffId);
        QCOMPARE(image->layers[k].archivePath, written.images[0].layers[k].archivePath);
        QCOMPARE(int(image->layers[k].entries.size()), StandardEntries[k]);
    }
    QCOMPARE(image->tree.finalEntryCount(), StandardFinalEntries);
    QCOMPARE(image->tree.finalFileBytes(), StandardFinalBytes);
}

void TestArchiveVariants::emptyLayers_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<LayerCompression>("compression");
    for (Format format : { Format::DockerLegacy, Format::OciArchive })
        for (LayerCompression c :
            { LayerCompression::None, LayerCompression::Gzip, LayerCompression::Zstd, LayerCompression::EStargz })
            QTest::newRow(qPrintable(rowName(format, c, OuterCompression::None))) << format << c;
}

void TestArchiveVariants::emptyLayers()
{
    QFETCH(Format, format);
    QFETCH(LayerCompression, compression);
    // Layers with no entries at all (a tar that is only the end marker), between real ones.
    QTemporaryDir dir;
    ImageSpec spec = standardImage(compression);
    LayerSpec empty;
    empty.compression = compression;
    empty.createdBy = "RUN true";
    spec.layers.insert(spec.layers.begin() + 1, empty);
    spec.layers.push_back(empty);
    spec.history.reset();
    const WrittenArchive written = writeArchive(singleImage(format, spec), dir.path());

    LOAD_OR_FAIL(image, written.path);
    QCOMPARE(image->layers.size(), size_t(5));
    const bool estargz = compression == LayerCompression::EStargz;
    const int entries[5] = { StandardEntries[0], 0, StandardEntries[1], StandardEntries[2], 0 };
    for (size_t k = 0; k < 5; ++k) {
        QCOMPARE(int(image->layers[k].entries.size()), entries[k] + (estargz ? 1 : 0));
        QCOMPARE(image->layers[k].diffId, written.images[0].layers[k].diffId);
        QCOMPARE(image->layers[k].historyIndex, int(k));
    }
    QCOMPARE(image->layers[1].size, written.images[0].layers[1].tocSize);
    QCOMPARE(image->tree.finalEntryCount(), StandardFinalEntries + (estargz ? 1 : 0));
    QCOMPARE(image->tree.finalFileBytes(), StandardFinalBytes + written.images[0].layers[4].tocSize);
}

void TestArchiveVariants::manyLayers()
{
    // 300 layers (more than Docker's 127), each adding one file and replacing a shared one.
    QTemporaryDir dir;
    ImageSpec spec;
    for (int k = 0; k < 300; ++k) {
        LayerSpec layer;
        layer.compression = k % 3 == 0 ? LayerCompression::Gzip
            : k % 3 == 1               ? LayerCompression::Zstd
                                       : LayerCompression::None;
        layer.createdBy = "RUN step " + std::to_string(k);
        layer.entries = { fileEntry("files/" + std::to_string(k), std::string(size_t(k), 'x')),
            fileEntry("shared", std::to_string(k)) };
        spec.layers.push_back(layer);
    }
    const WrittenArchive written = writeArchive(singleImage(Format::OciArchive, spec), dir.path());
    ballast::LoadOptions options;
    options.threads = 2;
    LOAD_OR_FAIL(image, written.path, options);
    QCOMPARE(image->layers.size(), size_t(300));
    int64_t fileBytes = 0;
    for (int k = 0; k < 300; ++k) {
        const ballast::Layer &layer = image->layers[size_t(k)];
        QCOMPARE(layer.diffId, written.images[0].layers[size_t(k)].diffId);
        QCOMPARE(layer.historyIndex, k);
        QCOMPARE(layer.size, int64_t(k) + int64_t(std::to_string(k).size()));
        fileBytes += k;
    }
    QCOMPARE(image->tree.finalEntryCount(), int64_t(302)); // files/, 300 files, shared
    QCOMPARE(image->tree.finalFileCount(), int64_t(301));
    QCOMPARE(image->tree.finalFileBytes(), fileBytes + 3); // "299"
}

void TestArchiveVariants::layoutDirectoryPaths_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("as written") << "plain";
    QTest::newRow("trailing slash") << "slash";
    QTest::newRow("through a symlink") << "symlink";
    QTest::newRow("relative") << "relative";
}

void TestArchiveVariants::layoutDirectoryPaths()
{
    QFETCH(QString, how);
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(singleImage(Format::OciDirectory, standardImage()), dir.path());
    QString path = written.path;
    if (how == QLatin1String("slash"))
        path += QLatin1Char('/');
    else if (how == QLatin1String("symlink")) {
        path = dir.filePath(QStringLiteral("link-to-layout"));
        QVERIFY(QFile::link(written.path, path));
    } else if (how == QLatin1String("relative"))
        path = QDir::current().relativeFilePath(written.path);
    LOAD_OR_FAIL(image, path);
    QCOMPARE(image->sourcePath, path);
    QCOMPARE(image->format, QStringLiteral("oci-layout"));
    QCOMPARE(image->layers.size(), size_t(3));
    QCOMPARE(image->tree.finalFileBytes(), StandardFinalBytes);
}

void TestArchiveVariants::progressCountersAndReuse()
{
    QTemporaryDir dir;
    for (Format format : allFormats()) {
        const WrittenArchive written = writeArchive(
            singleImage(format, standardImage(LayerCompression::Gzip)), dir.path(), QLatin1String(formatName(format)));
        int64_t stored = 0;
        for (const WrittenLayer &layer : written.images[0].layers)
            stored += layer.blobSize;
        ballast::ImageLoader loader;
        for (int round = 0; round < 2; ++round) { // a loader can load again
            std::shared_ptr<const ballast::Image> image;
            try {
                image = loader.load(written.path);
            } catch (const ballast::LoadError &error) {
                QFAIL(qPrintable(error.message()));
            }
            QCOMPARE(loader.layersTotal(), 3);
            QCOMPARE(loader.layersDone(), 3);
            QCOMPARE(loader.bytesTotal(), stored);
            QCOMPARE(loader.bytesDone(), stored);
            QCOMPARE(image->compressedSizeBytes(), stored);
        }
    }
}

QTEST_GUILESS_MAIN(TestArchiveVariants)
#include "test_archive_variants.moc"
