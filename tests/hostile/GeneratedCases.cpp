// The cases too big to commit, built by the test: bombs, a million entries, deep paths and JSON,
// thousands of layers, a huge history. Everything is streamed to disk; nothing big is held in memory.
#include "CaseSupport.h"

#include <QFileInfo>
#include <mutex>

namespace hostile {
namespace {

// The bomb layer: one file of 4 GiB + 1 MiB of zeros (over 2^32, so 32-bit counters wrap).
constexpr int64_t BombFileSize = (int64_t(4) << 30) + (1 << 20);
constexpr int64_t BombTarSize = 512 + BombFileSize + 1024; // header, data (a multiple of 512), end blocks

void writeBombTar(StreamingCompressor &out)
{
    out.write(ustarHeader("zeros.bin", '0', BombFileSize));
    out.writeZeros(BombFileSize + 1024);
}

// sha256 of the bomb tar, computed once: hashing 4 GiB takes seconds.
QString bombDiffId()
{
    static std::once_flag once;
    static QString diffId;
    std::call_once(once, [] {
        Sha256Stream hash;
        const QByteArray header = ustarHeader("zeros.bin", '0', BombFileSize);
        hash.update(header.constData(), size_t(header.size()));
        const QByteArray zeros(1 << 20, '\0');
        for (int64_t left = BombFileSize + 1024; left > 0; left -= std::min<int64_t>(left, zeros.size()))
            hash.update(zeros.constData(), size_t(std::min<int64_t>(left, zeros.size())));
        diffId = hash.finishDigest();
    });
    return diffId;
}

StreamedBlob smallBlob(
    const QString &file, LayerCompression compression, const std::string &name, const std::string &content)
{
    return writeStreamedBlob(file, compression, [&](StreamingCompressor &out) {
        out.write(ustarHeader(name, '0', int64_t(content.size())));
        out.write(content.data(), content.size());
        out.write(tarPadding(int64_t(content.size())));
        out.writeZeros(1024);
    });
}

QString deepPath(int levels)
{
    QString path;
    for (int i = 1; i < levels; ++i)
        path += QStringLiteral("d/");
    return path + QStringLiteral("f");
}

GeneratedCase bomb(LayerCompression compression, bool limited)
{
    const QString kind = compression == LayerCompression::Gzip ? QStringLiteral("gzip") : QStringLiteral("zstd");
    GeneratedCase g;
    g.name = QStringLiteral("bomb/%1 layer, 4 GiB + 1 MiB of zeros%2")
                 .arg(kind, limited ? QStringLiteral(", --max-bytes 1GiB") : QString());
    g.what = QStringLiteral("OCI, one %1 layer holding zeros.bin: %2 zero bytes").arg(kind).arg(BombFileSize);
    g.build = [=](const QString &directory) {
        const QString file = QStringLiteral("bomb-%1.tar").arg(kind);
        const StreamedBlob blob = writeStreamedBlob(
            QDir(directory).filePath(QStringLiteral("blob.tmp")), compression, writeBombTar, bombDiffId());
        StreamedOci oci;
        oci.blobs = { blob };
        writeStreamedOci(QDir(directory).filePath(file), oci);
        QFile::remove(blob.file);
        const QString layer = QStringLiteral("{path}: layer 0 (blobs/sha256/%1)").arg(hexOf(blob.digest));
        if (limited)
            return broken(g.name, file, g.what, { layer, QStringLiteral("over the limit of 1073741824 (--max-bytes)") },
                { QStringLiteral("--max-bytes"), QStringLiteral("1GiB") });
        return loads(g.name, file, g.what,
            { at("/image/fileCount", 1), at("/image/entryCount", 1), at("/image/finalSizeBytes", BombFileSize),
                at("/layers/0/sizeBytes", BombFileSize), at("/layers/0/uncompressedSizeBytes", BombTarSize),
                at("/layers/0/compressedSizeBytes", blob.size), at("/layers/0/compression", kind.toStdString()) });
    };
    return g;
}

} // namespace

std::vector<GeneratedCase> generatedCases()
{
    std::vector<GeneratedCase> cases;
    cases.push_back(
        { QStringLiteral("zeros/1 MiB"), QStringLiteral("1048576 zero bytes"), [](const QString &directory) {
             writeFileBytes(QDir(directory).filePath(QStringLiteral("zeros-1MiB.bin")), QByteArray(1 << 20, '\0'));
             return broken(QStringLiteral("zeros/1 MiB"), QStringLiteral("zeros-1MiB.bin"),
                 QStringLiteral("1048576 zero bytes"), { QStringLiteral("{path}: not an image archive") });
         } });

    // Deep JSON: a parser that recurses would overflow its stack long before 100 000 levels.
    const QString depthLimit = QStringLiteral("over the limit of 64 (--max-json-depth)");
    cases.push_back({ QStringLiteral("json/docker manifest.json of 100000 ["),
        QStringLiteral("manifest.json is 100000 '[' and nothing else"), [=](const QString &directory) {
            const ArchiveSpec spec = singleImage(Format::DockerLegacy, baseImage(LayerCompression::Gzip));
            return writeBroken(directory, QStringLiteral("deep-json-manifest.tar"), spec,
                QStringLiteral("json/docker manifest.json of 100000 ["),
                QStringLiteral("manifest.json is 100000 '[' and nothing else"),
                { QStringLiteral("{path}: manifest.json"), depthLimit }, [](QByteArray &tar, const WrittenArchive &) {
                    editMember(tar, QStringLiteral("manifest.json"),
                        [](TarMemberCopy &m) { m.data = QByteArray(100000, '['); });
                    return Replacements {};
                });
        } });
    cases.push_back({ QStringLiteral("json/oci index.json nested 100000 deep"),
        QStringLiteral("index.json is [[[…]]], 100000 levels, balanced"), [=](const QString &directory) {
            const ArchiveSpec spec = singleImage(Format::OciArchive, baseImage(LayerCompression::Gzip));
            return writeBroken(directory, QStringLiteral("deep-json-index.tar"), spec,
                QStringLiteral("json/oci index.json nested 100000 deep"),
                QStringLiteral("index.json is [[[…]]], 100000 levels, balanced"),
                { QStringLiteral("{path}: index.json"), depthLimit }, [](QByteArray &tar, const WrittenArchive &) {
                    editMember(tar, QStringLiteral("index.json"),
                        [](TarMemberCopy &m) { m.data = QByteArray(100000, '[') + QByteArray(100000, ']'); });
                    return Replacements {};
                });
        } });
    cases.push_back({ QStringLiteral("json/oci config with a value nested 100000 deep"),
        QStringLiteral("the config holds \"deep\": [[[…]]], 100000 levels"), [=](const QString &directory) {
            StreamedOci oci;
            oci.blobs = { smallBlob(
                QDir(directory).filePath(QStringLiteral("blob.tmp")), LayerCompression::Gzip, "hello", "hello\n") };
            oci.editConfig = [](std::string &config) {
                config.insert(1, "\"deep\":" + std::string(100000, '[') + std::string(100000, ']') + ",");
            };
            const QString file = QStringLiteral("deep-json-config.tar");
            const auto result = writeStreamedOci(QDir(directory).filePath(file), oci);
            QFile::remove(QDir(directory).filePath(QStringLiteral("blob.tmp")));
            return broken(QStringLiteral("json/oci config with a value nested 100000 deep"), file,
                QStringLiteral("the config holds \"deep\": [[[…]]], 100000 levels"),
                { QStringLiteral("{path}: ") + result.configPath, depthLimit });
        } });

    // Deep paths: 3000 levels is refused by the depth limit (2048, the most a path within PATH_MAX can
    // have); 2000 levels is below it and must load, which exercises every recursion over the tree.
    for (int levels : { 3000, 2000 }) {
        const QString name = QStringLiteral("paths/%1 levels deep").arg(levels);
        const QString what = QStringLiteral("one 5-byte file at d/d/…/f, %1 components (%2 bytes, a pax path record)")
                                 .arg(levels)
                                 .arg(deepPath(levels).size());
        cases.push_back({ name, what, [=](const QString &directory) {
                             ImageSpec image;
                             image.tags = { "hostile/deep:1" };
                             LayerSpec layer;
                             layer.entries = { fileEntry(deepPath(levels).toStdString(), "deep\n") };
                             image.layers = { layer };
                             const QString file = QStringLiteral("deep-path-%1.tar").arg(levels);
                             QTemporaryDir scratch;
                             const WrittenArchive w = writeArchive(
                                 singleImage(Format::OciArchive, image), scratch.path(), QStringLiteral("x"));
                             QFile::copy(w.path, QDir(directory).filePath(file));
                             if (levels > 2048)
                                 return broken(name, file, what,
                                     { QStringLiteral("{path}: layer 0 (%1)").arg(w.images[0].layers[0].archivePath),
                                         QStringLiteral("over the limit of 2048 (--max-depth)") });
                             return loads(name, file, what,
                                 { at("/image/entryCount", levels), at("/image/fileCount", 1),
                                     at("/image/finalSizeBytes", 5), at("/layers/0/entryCount", 1) });
                         } });
    }

    cases.push_back({ QStringLiteral("entries/a million files in one directory"),
        QStringLiteral("gzip layer: many/ with many/f0000000 … many/f0999999 (empty), readme.txt (1000 bytes)"),
        [](const QString &directory) {
            const QString blobFile = QDir(directory).filePath(QStringLiteral("blob.tmp"));
            const StreamedBlob blob = writeStreamedBlob(blobFile, LayerCompression::Gzip, [](StreamingCompressor &out) {
                out.write(ustarHeader("many/", '5', 0));
                char name[32];
                for (int i = 0; i < 1000000; ++i) {
                    snprintf(name, sizeof name, "many/f%07d", i);
                    out.write(ustarHeader(name, '0', 0));
                }
                const std::string readme = filler(1000, 'r');
                out.write(ustarHeader("readme.txt", '0', 1000));
                out.write(readme.data(), readme.size());
                out.write(tarPadding(1000));
                out.writeZeros(1024);
            });
            StreamedOci oci;
            oci.blobs = { blob };
            const QString file = QStringLiteral("million-entries.tar");
            writeStreamedOci(QDir(directory).filePath(file), oci);
            QFile::remove(blobFile);
            return loads(QStringLiteral("entries/a million files in one directory"), file,
                QStringLiteral("gzip layer: many/ with a million empty files, readme.txt (1000 bytes)"),
                { at("/image/entryCount", 1000002), at("/image/fileCount", 1000001), at("/image/finalSizeBytes", 1000),
                    at("/layers/0/entryCount", 1000002), at("/layers/0/fileCount", 1000001),
                    at("/layers/0/sizeBytes", 1000) });
        } });

    cases.push_back(bomb(LayerCompression::Gzip, false));
    cases.push_back(bomb(LayerCompression::Gzip, true));
    cases.push_back(bomb(LayerCompression::Zstd, false));
    cases.push_back(bomb(LayerCompression::Zstd, true));
    const QString wholeName = QStringLiteral("bomb/whole archive gzip (docker save | gzip), --max-bytes 1GiB");
    const QString wholeWhat
        = QStringLiteral("OCI archive gzip'ed as a whole, its uncompressed layer the 4 GiB + 1 MiB bomb tar");
    cases.push_back({ wholeName, wholeWhat, [=](const QString &directory) {
                         StreamedBlob blob;
                         blob.digest = blob.diffId = bombDiffId();
                         blob.size = BombTarSize;
                         blob.mediaType = QStringLiteral("application/vnd.oci.image.layer.v1.tar");
                         blob.writeInto = writeBombTar;
                         StreamedOci oci;
                         oci.blobs = { blob };
                         oci.outer = OuterCompression::Gzip;
                         const QString file = QStringLiteral("bomb-whole.tar.gz");
                         writeStreamedOci(QDir(directory).filePath(file), oci);
                         return broken(wholeName, file, wholeWhat,
                             { QStringLiteral("{path}"), QStringLiteral("over the limit of 1073741824 (--max-bytes)") },
                             { QStringLiteral("--max-bytes"), QStringLiteral("1GiB") });
                     } });

    cases.push_back({ QStringLiteral("layers/10000 layers, all the same blob"),
        QStringLiteral("the manifest lists one 5-byte-file blob 10000 times"), [](const QString &directory) {
            StreamedOci oci;
            oci.blobs = { smallBlob(
                QDir(directory).filePath(QStringLiteral("blob.tmp")), LayerCompression::None, "same.txt", "same\n") };
            oci.manifestLayers.assign(10000, 0);
            const QString file = QStringLiteral("ten-thousand-layers.tar");
            writeStreamedOci(QDir(directory).filePath(file), oci);
            QFile::remove(QDir(directory).filePath(QStringLiteral("blob.tmp")));
            return loads(QStringLiteral("layers/10000 layers, all the same blob"), file,
                QStringLiteral("the manifest lists one 5-byte-file blob 10000 times"),
                { at("/image/layerCount", 10000), at("/image/entryCount", 1), at("/image/fileCount", 1),
                    at("/image/finalSizeBytes", 5), at("/image/sizeBytes", 50000), at("/layers/9999/entryCount", 1),
                    at("/layers/9999/sizeBytes", 5) });
        } });

    for (int steps : { 200000, 400000 }) {
        const bool tooBig = steps > 300000;
        const QString name = QStringLiteral("config/history of %1 steps").arg(steps);
        const QString what
            = QStringLiteral("%1 empty-layer steps \"ENV STEP=i\" before the one layer's step (%2)")
                  .arg(steps - 1)
                  .arg(tooBig ? QStringLiteral("config over 16 MiB") : QStringLiteral("config under 16 MiB"));
        cases.push_back({ name, what, [=](const QString &directory) {
                             StreamedOci oci;
                             oci.blobs = { smallBlob(QDir(directory).filePath(QStringLiteral("blob.tmp")),
                                 LayerCompression::Gzip, "hello", "hello\n") };
                             oci.editConfig = [=](std::string &text) {
                                 nlohmann::json config = nlohmann::json::parse(text);
                                 nlohmann::json history = nlohmann::json::array();
                                 for (int i = 0; i < steps - 1; ++i)
                                     history.push_back({ { "created_by", "ENV STEP=" + std::to_string(i) },
                                         { "empty_layer", true } });
                                 history.push_back(config["history"][0]);
                                 config["history"] = history;
                                 text = config.dump();
                             };
                             const QString file = QStringLiteral("history-%1.tar").arg(steps);
                             const auto result = writeStreamedOci(QDir(directory).filePath(file), oci);
                             QFile::remove(QDir(directory).filePath(QStringLiteral("blob.tmp")));
                             if (tooBig)
                                 return broken(name, file, what,
                                     { QStringLiteral("{path}: ") + result.configPath,
                                         QStringLiteral("over the limit of 16777216 (--max-json-size)") });
                             return loads(name, file, what,
                                 { at("/image/layerCount", 1), at("/layers/0/historyIndex", steps - 1),
                                     at("/layers/0/createdBy", "hostile layer 0"),
                                     at("/history/123456/createdBy", "ENV STEP=123456") });
                         } });
    }
    return cases;
}

} // namespace hostile
