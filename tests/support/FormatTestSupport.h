#pragma once
// Shared by the format/loading suites: the standard three-layer fixture with its expected figures
// (counted by hand from the entries below, never by running the loader), and small helpers.
#include "ImageLoader.h"
#include "ImageWriter.h"
#include "util/LoadError.h"

#include <QMetaType>
#include <QRegularExpression>
#include <QTest>
#include <functional>
#include <memory>

Q_DECLARE_METATYPE(ballast::test::Format)
Q_DECLARE_METATYPE(ballast::test::LayerCompression)
Q_DECLARE_METATYPE(ballast::test::OuterCompression)
Q_DECLARE_METATYPE(ballast::test::ArchiveSpec)
Q_DECLARE_METATYPE(ballast::test::EntrySpec)
Q_DECLARE_METATYPE(ballast::test::ArchiveSpec::MemberNames)
Q_DECLARE_METATYPE(ballast::test::SizeField)
Q_DECLARE_METATYPE(ballast::test::LongName)

namespace fixture {

using namespace ballast::test;

inline const std::vector<Format> &allFormats()
{
    static const std::vector<Format> formats { Format::DockerLegacy, Format::BuildahDockerArchive, Format::Docker25,
        Format::Kaniko, Format::OciArchive, Format::OciDirectory };
    return formats;
}

inline const char *expectedFormatName(Format format)
{
    switch (format) {
    case Format::Docker25:
        return "docker-archive+oci";
    case Format::OciArchive:
        return "oci-archive";
    case Format::OciDirectory:
        return "oci-layout";
    default:
        return "docker-archive";
    }
}

// Layer 0: 7 entries ("./" is the root and not counted), 8 + 1000 + 300 = 1308 bytes.
// Layer 1: 3 entries (the whiteout counts), 3 bytes. Layer 2: 3 entries, 5000 + 10 = 5010 bytes.
// Final tree: etc, etc/hostname, etc/motd, bin, bin/sh, bin/ash, tmp, usr, usr/local, usr/local/bin,
// usr/local/bin/tool, app, app/data.bin = 13 entries; files etc/hostname (10), etc/motd (3),
// bin/sh (1000), app/data.bin (5000) = 4 files, 6013 bytes (bin/ash is a hardlink, tmp/old.log is gone).
constexpr int StandardEntries[3] = { 7, 3, 3 };
constexpr int64_t StandardSizes[3] = { 1308, 3, 5010 };
constexpr int64_t StandardFinalEntries = 13;
constexpr int64_t StandardFinalFiles = 4;
constexpr int64_t StandardFinalBytes = 6013;
constexpr int StandardHistoryIndex[3] = { 0, 2, 4 };

inline ImageSpec standardImage(LayerCompression compression = LayerCompression::None)
{
    ImageSpec image;
    image.tags = { "ballast/sample:1.0" };
    LayerSpec base;
    base.createdBy = "/bin/sh -c #(nop) ADD file:0a1b2c in / ";
    base.entries = { dirEntry("./"), dirEntry("etc/"), fileEntry("etc/hostname", "ballast\n"), dirEntry("bin/"),
        fileEntry("bin/sh", filler(1000, 's'), 0755), hardlinkEntry("bin/ash", "bin/sh"), dirEntry("tmp/", 01777),
        fileEntry("tmp/old.log", filler(300, 't')) };
    LayerSpec run;
    run.createdBy = "/bin/sh -c rm /tmp/old.log && echo hi > /etc/motd";
    run.entries = { whiteoutEntry("tmp", "old.log"), fileEntry("etc/motd", "hi\n"),
        symlinkEntry("usr/local/bin/tool", "/bin/sh") };
    LayerSpec copy;
    copy.createdBy = "/bin/sh -c #(nop) COPY dir:9f8e in /app ";
    copy.entries
        = { dirEntry("app/"), fileEntry("app/data.bin", filler(5000, 'd')), fileEntry("etc/hostname", "ballast-2\n") };
    for (LayerSpec *layer : { &base, &run, &copy })
        layer->compression = compression;
    image.layers = { base, run, copy };
    image.history
        = std::vector<HistorySpec> { { base.createdBy, false }, { "/bin/sh -c #(nop)  ENV LANG=C.UTF-8", true },
              { run.createdBy, false }, { "/bin/sh -c #(nop)  CMD [\"/bin/sh\"]", true }, { copy.createdBy, false } };
    return image;
}

// A small image with one layer holding `entries`, as an uncompressed OCI archive.
inline ArchiveSpec oneLayer(std::vector<EntrySpec> entries, LayerCompression compression = LayerCompression::None)
{
    ImageSpec image;
    image.tags = { "entries:1" };
    LayerSpec layer;
    layer.entries = std::move(entries);
    layer.compression = compression;
    layer.createdBy = "COPY . /";
    image.layers = { layer };
    return singleImage(Format::OciArchive, image);
}

inline std::shared_ptr<const ballast::Image> load(const QString &path, ballast::LoadOptions options = {})
{
    ballast::ImageLoader loader(std::move(options));
    return loader.load(path);
}

// Runs the load and returns the LoadError it must throw (an empty message when it did not).
inline ballast::LoadError loadError(const QString &path, ballast::LoadOptions options = {})
{
    try {
        load(path, std::move(options));
    } catch (const ballast::LoadError &error) {
        return error;
    }
    return ballast::LoadError(QString());
}

// "{path}", "{layerN.path|digest|hex|declared|diffId|blobSize}", "{config}", "{configDigest}",
// "{manifest}" (hex) of image 0.
inline QString expand(QString text, const WrittenArchive &written)
{
    text.replace(QStringLiteral("{path}"), written.path);
    const WrittenImage &image = written.images.front();
    text.replace(QStringLiteral("{config}"), image.configPath);
    text.replace(QStringLiteral("{configDigest}"), image.configDigest);
    text.replace(QStringLiteral("{manifest}"), image.manifestDigest.section(QLatin1Char(':'), 1));
    for (size_t k = 0; k < image.layers.size(); ++k) {
        const WrittenLayer &layer = image.layers[k];
        const QString prefix = QStringLiteral("{layer%1.").arg(k);
        text.replace(prefix + QStringLiteral("path}"), layer.archivePath);
        text.replace(prefix + QStringLiteral("digest}"), layer.digest);
        text.replace(prefix + QStringLiteral("declared}"), layer.declaredDigest);
        text.replace(prefix + QStringLiteral("diffId}"), layer.diffId);
        text.replace(prefix + QStringLiteral("blobSize}"), QString::number(layer.blobSize));
        text.replace(prefix + QStringLiteral("hex}"), layer.digest.section(QLatin1Char(':'), 1));
    }
    return text;
}

inline QString rowName(Format format, LayerCompression compression, OuterCompression outer)
{
    QString name
        = QStringLiteral("%1/%2").arg(QLatin1String(formatName(format)), QLatin1String(compressionName(compression)));
    if (outer == OuterCompression::Gzip)
        name += QStringLiteral("/whole-gzip");
    else if (outer == OuterCompression::Zstd)
        name += QStringLiteral("/whole-zstd");
    return name;
}

} // namespace fixture

// Fails the test with the message when the expression throws a LoadError (QVERIFY cannot catch).
#define LOAD_OR_FAIL(var, ...)                                                                                         \
    std::shared_ptr<const ballast::Image> var;                                                                         \
    try {                                                                                                              \
        var = fixture::load(__VA_ARGS__);                                                                              \
    } catch (const ballast::LoadError &error) {                                                                        \
        QFAIL(qPrintable(QStringLiteral("unexpected LoadError: ") + error.message()));                                 \
    }                                                                                                                  \
    QVERIFY(var)
