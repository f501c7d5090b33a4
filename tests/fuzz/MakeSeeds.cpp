// fuzz_make_seeds SEEDS_DIR: writes the generated part of the seed corpora (docs/fuzzing.md): small
// synthetic archives of every format the loader reads (tests/support's writer), layer blobs with
// whiteouts and opaque directories in each compression, the layer blobs and JSON documents of the
// real fixtures (tests/data/real), and copies of the fixture archives. Output is deterministic.
#include "ImageWriter.h"
#include "LayerBuilder.h"
#include "archive/ImageFiles.h"
#include "archive/ImageLayout.h"
#include "util/LoadError.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cstdio>

using namespace ballast::test;

namespace {

QString g_seeds;

void writeSeed(const QString &target, const QString &name, const QByteArray &bytes)
{
    QDir().mkpath(g_seeds + QLatin1Char('/') + target);
    QFile file(g_seeds + QLatin1Char('/') + target + QLatin1Char('/') + name);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
        std::exit(1);
    }
}

QByteArray readWhole(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        std::exit(1);
    }
    return file.readAll();
}

// A base tree, then a layer that deletes, hides and rewrites parts of it.
LayerSpec baseLayer()
{
    LayerSpec layer;
    layer.createdBy = "/bin/sh -c #(nop) COPY dir:abc in / ";
    layer.entries = { dirEntry("etc"), fileEntry("etc/passwd", "root:x:0:0::/root:/bin/sh\n"), dirEntry("usr"),
        dirEntry("usr/bin"), fileEntry("usr/bin/tool", filler(300), 0755), fileEntry("usr/bin/su", "su", 04755),
        symlinkEntry("usr/bin/sh", "tool"), hardlinkEntry("usr/bin/tool2", "usr/bin/tool"), dirEntry("var/cache/apt"),
        fileEntry("var/cache/apt/pkgcache.bin", filler(200, 'p')), dirEntry("tmp", 01777),
        fileEntry("root/.ssh/id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\n"), specialEntry("dev/null", '3', 1, 3),
        specialEntry("run/fifo", '6') };
    return layer;
}

LayerSpec changesLayer()
{
    LayerSpec layer;
    layer.createdBy = "RUN /bin/sh -c rm -rf /var/cache/apt && chmod 600 /etc/passwd # buildkit";
    layer.entries
        = { whiteoutEntry("var/cache", "apt"), opaqueEntry("usr/bin"), fileEntry("usr/bin/tool", filler(300), 0700),
              fileEntry("etc/passwd", "root:x:0:0::/root:/bin/sh\n", 0600), whiteoutEntry("root/.ssh", "id_rsa"),
              whiteoutEntry("", "tmp"), fileEntry("tmp", "now a file"), fileEntry("etc/duplicate", filler(300)) };
    return layer;
}

LayerSpec oddNamesLayer()
{
    LayerSpec layer;
    EntrySpec pax = fileEntry(std::string(120, 'p') + "/long-pax-name", "pax");
    pax.longName = LongName::Pax;
    EntrySpec gnu = fileEntry(std::string(110, 'g') + "/long-gnu-name", "gnu");
    gnu.longName = LongName::Gnu;
    EntrySpec prefix = fileEntry(std::string(90, 'u') + "/ustar-prefix-name", "ustar");
    prefix.longName = LongName::UstarPrefix;
    EntrySpec base256 = fileEntry("sizes/base256", "b256");
    base256.sizeField = SizeField::Base256;
    EntrySpec paxSize = fileEntry("sizes/pax-only", "paxsize");
    paxSize.sizeField = SizeField::PaxOnly;
    paxSize.paxGlobalHeaderBefore = true;
    paxSize.paxRecords = { { "SCHILY.xattr.user.k", "v" } };
    layer.entries = { fileEntry("./dot/slash", "x"), fileEntry("/absolute/path", "y"), fileEntry("a/../b/c", "z"),
        fileEntry("gr\xc3\xbc\xc3\x9f"
                  "e.txt",
            "utf8"),
        fileEntry("bad\xff\xfe"
                  "utf8",
            "bad"),
        pax, gnu, prefix, base256, paxSize, whiteoutEntry("", "never-existed"), opaqueEntry(""),
        fileEntry("a/.wh..wh..plnk", "aufs") };
    return layer;
}

ImageSpec smallImage(LayerCompression first, LayerCompression second)
{
    ImageSpec image;
    image.tags = { "fuzz:seed" };
    LayerSpec base = baseLayer();
    base.compression = first;
    LayerSpec changes = changesLayer();
    changes.compression = second;
    image.layers = { base, changes };
    return image;
}

void writeArchiveSeed(const QString &name, const ArchiveSpec &spec)
{
    QTemporaryDir dir;
    const WrittenArchive written = writeArchive(spec, dir.path(), QStringLiteral("seed"));
    writeSeed(QStringLiteral("image_archive"), name, readWhole(written.path));
}

void writeSyntheticArchives()
{
    using C = LayerCompression;
    struct Variant {
        const char *name;
        Format format;
        C first, second;
    };
    for (const Variant &v : { Variant { "docker-legacy", Format::DockerLegacy, C::None, C::None },
             Variant { "buildah", Format::BuildahDockerArchive, C::None, C::None },
             Variant { "docker25", Format::Docker25, C::None, C::Gzip },
             Variant { "kaniko", Format::Kaniko, C::Gzip, C::Gzip },
             Variant { "oci-gzip-zstd", Format::OciArchive, C::Gzip, C::Zstd },
             Variant { "oci-estargz", Format::OciArchive, C::EStargz, C::None } })
        writeArchiveSeed(QStringLiteral("synthetic-%1.tar").arg(QLatin1String(v.name)),
            singleImage(v.format, smallImage(v.first, v.second)));

    ArchiveSpec outerGzip = singleImage(Format::DockerLegacy, smallImage(C::None, C::None));
    outerGzip.outer = OuterCompression::Gzip;
    writeArchiveSeed(QStringLiteral("synthetic-docker-outer.tar.gz"), outerGzip);
    ArchiveSpec outerZstd = singleImage(Format::OciArchive, smallImage(C::None, C::None));
    outerZstd.outer = OuterCompression::Zstd;
    outerZstd.memberNames = ArchiveSpec::MemberNames::DotSlash;
    writeArchiveSeed(QStringLiteral("synthetic-oci-outer.tar.zst"), outerZstd);

    ArchiveSpec multi;
    multi.format = Format::OciArchive;
    ImageSpec arm = smallImage(C::Gzip, C::Gzip);
    arm.architecture = "arm64";
    arm.variant = "v8";
    multi.images = { smallImage(C::Gzip, C::None), arm };
    multi.multiPlatform = true;
    multi.attestations = true;
    multi.indexTag = "fuzz:multi";
    writeArchiveSeed(QStringLiteral("synthetic-oci-multiplatform.tar"), multi);

    ArchiveSpec names = singleImage(Format::Docker25, smallImage(C::None, C::None));
    names.memberNames = ArchiveSpec::MemberNames::Gnu;
    names.memberSizes = SizeField::Base256;
    names.globalHeaderFirst = true;
    names.reverseBlobOrder = true;
    names.images[0].layers.push_back(oddNamesLayer());
    names.images[0].history = std::vector<HistorySpec> { { "FROM scratch", true }, { "COPY . /", false },
        { "RUN rm -rf /var/cache/apt", false }, { "ENV A=b", true }, { "ADD odd.tar /", false } };
    writeArchiveSeed(QStringLiteral("synthetic-docker25-oddnames.tar"), names);

    ArchiveSpec damaged = singleImage(Format::OciArchive, smallImage(C::None, C::Gzip));
    damaged.damage.layerLinkLoop = true;
    writeArchiveSeed(QStringLiteral("synthetic-oci-linkloop.tar"), damaged);
    ArchiveSpec escape = singleImage(Format::BuildahDockerArchive, smallImage(C::None, C::None));
    escape.damage.layerLinkOutside = true;
    writeArchiveSeed(QStringLiteral("synthetic-buildah-escape.tar"), escape);
}

void writeSyntheticLayers()
{
    using C = LayerCompression;
    struct Named {
        const char *name;
        LayerSpec spec;
    };
    for (const Named &layer : { Named { "base", baseLayer() }, Named { "whiteouts", changesLayer() },
             Named { "oddnames", oddNamesLayer() } }) {
        for (const auto &[suffix, compression] : { std::pair { "tar", C::None }, std::pair { "tar.gz", C::Gzip },
                 std::pair { "tar.zst", C::Zstd }, std::pair { "estargz", C::EStargz } }) {
            if (compression != C::None && std::string_view(layer.name) == "oddnames" && compression != C::Gzip)
                continue; // one compressed copy is enough for the odd names
            LayerSpec spec = layer.spec;
            spec.compression = compression;
            writeSeed(QStringLiteral("layer_tree"),
                QStringLiteral("synthetic-%1.%2").arg(QLatin1String(layer.name), QLatin1String(suffix)),
                buildLayer(spec).blob);
        }
    }
}

// The layer blobs and JSON documents of the real fixtures, read through the loader's own archive code.
void writeRealFixtures(const QString &sourceDir)
{
    const QString real = sourceDir + QStringLiteral("/tests/data/real");
    const QString blobA = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
    const QString blobB = QStringLiteral("sha256:") + QString(64, QLatin1Char('b'));
    for (const QString &name :
        { QStringLiteral("whiteouts"), QStringLiteral("whiteouts-overlay"), QStringLiteral("entry-types") }) {
        for (const QString &kind :
            { QStringLiteral("docker"), QStringLiteral("oci-gzip"), QStringLiteral("oci-zstd") }) {
            const QString file = QStringLiteral("%1.%2.tar").arg(name, kind);
            const QString path = real + QLatin1Char('/') + name + QLatin1Char('/') + file;
            writeSeed(QStringLiteral("image_archive"), QStringLiteral("real-") + file, readWhole(path));
            const auto files = ballast::ImageFiles::open(path);
            const ballast::ImageLayout layout = ballast::readImageLayout(*files, {});
            for (size_t i = 0; i < layout.layers.size(); ++i)
                writeSeed(QStringLiteral("layer_tree"), QStringLiteral("real-%1.%2.layer%3").arg(name, kind).arg(i),
                    files->read(layout.layers[i].archivePath));
            const QByteArray config = files->read(layout.configPath);
            writeSeed(QStringLiteral("json"), QStringLiteral("config-%1.%2.json").arg(name, kind),
                QByteArray(1, '\0') + config);
            if (kind == QLatin1String("docker")) {
                writeSeed(QStringLiteral("json"), QStringLiteral("manifest-%1.json").arg(name),
                    QByteArray(1, '\1') + files->read(QStringLiteral("manifest.json")));
                continue;
            }
            // index.json → manifest (blob a) → config (blob b), digests renamed to the fixed blobs.
            const QByteArray index = files->read(QStringLiteral("index.json"));
            const auto indexJson = nlohmann::json::parse(index.toStdString());
            const QString manifestDigest
                = QString::fromStdString(indexJson["manifests"][0]["digest"].get<std::string>());
            QByteArray manifest = files->read(QStringLiteral("blobs/sha256/") + manifestDigest.mid(7));
            manifest.replace(layout.configDigest.toUtf8(), blobB.toUtf8());
            writeSeed(QStringLiteral("json"), QStringLiteral("index-%1.%2.json").arg(name, kind),
                QByteArray(1, '\2') + QByteArray(index).replace(manifestDigest.toUtf8(), blobA.toUtf8()) + "\n@@@\n"
                    + manifest + "\n@@@\n" + config);
        }
        writeSeed(QStringLiteral("dockerfile"), QStringLiteral("real-%1.Dockerfile").arg(name),
            readWhole(real + QLatin1Char('/') + name + QStringLiteral("/Dockerfile")));
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s SEEDS_DIR SOURCE_DIR\n", argv[0]);
        return 2;
    }
    g_seeds = QString::fromLocal8Bit(argv[1]);
    try {
        writeSyntheticArchives();
        writeSyntheticLayers();
        writeRealFixtures(QString::fromLocal8Bit(argv[2]));
    } catch (const ballast::LoadError &error) {
        std::fprintf(stderr, "%s\n", error.what());
        return 1;
    }
    return 0;
}
