// Inputs that are not image archives at all, and archives cut short at chosen places.
#include "CaseSupport.h"

namespace hostile {
namespace {

QByteArray randomBytes(int size, uint32_t seed)
{
    QByteArray bytes(size, '\0');
    uint32_t state = seed;
    for (char &c : bytes)
        c = char((state = state * 1103515245u + 12345u) >> 24);
    return bytes;
}

void writeInto(const QString &directory, const QString &file, const QByteArray &bytes)
{
    writeFileBytes(QDir(directory).filePath(file), bytes);
}

} // namespace

void addNotAnArchiveCases(const QString &directory, std::vector<HostileCase> &cases)
{
    const QString notArchive = QStringLiteral("{path}: not an image archive");
    const std::pair<int, uint32_t> randoms[]
        = { { 1, 1 }, { 100, 2 }, { 511, 3 }, { 512, 4 }, { 4096, 5 }, { 60000, 6 } };
    for (const auto &[size, seed] : randoms) {
        const QString file = QStringLiteral("random-%1-seed%2.bin").arg(size).arg(seed);
        QByteArray bytes = randomBytes(size, seed);
        if (bytes.startsWith("\x1f\x8b") || bytes.startsWith("\x28\xb5\x2f\xfd"))
            throw std::runtime_error("seed gives a compression magic; pick another");
        writeInto(directory, file, bytes);
        cases.push_back(broken(QStringLiteral("random/%1 bytes seed %2").arg(size).arg(seed), file,
            QStringLiteral("%1 pseudo-random bytes (LCG, seed %2)").arg(size).arg(seed), { notArchive }));
    }
    writeInto(directory, QStringLiteral("empty.bin"), {});
    cases.push_back(broken(QStringLiteral("empty file"), QStringLiteral("empty.bin"), QStringLiteral("0 bytes"),
        { QStringLiteral("{path}: the file is empty") }));
    for (int size : { 512, 10240 }) {
        const QString file = QStringLiteral("zeros-%1.bin").arg(size);
        writeInto(directory, file, QByteArray(size, '\0'));
        cases.push_back(broken(QStringLiteral("zeros/%1 bytes").arg(size), file,
            QStringLiteral("%1 zero bytes (a tar end marker and nothing else)").arg(size), { notArchive }));
    }
    QByteArray gzipGarbage = randomBytes(4096, 7);
    gzipGarbage[0] = char(0x1f);
    gzipGarbage[1] = char(0x8b);
    writeInto(directory, QStringLiteral("gzip-magic-random.bin"), gzipGarbage);
    cases.push_back(broken(QStringLiteral("random/gzip magic then random"), QStringLiteral("gzip-magic-random.bin"),
        QStringLiteral("1f 8b then 4094 random bytes"), { QStringLiteral("{path}: gzip data is corrupt") }));
    QByteArray zstdGarbage = randomBytes(4096, 8);
    zstdGarbage.replace(0, 4, QByteArray("\x28\xb5\x2f\xfd", 4));
    writeInto(directory, QStringLiteral("zstd-magic-random.bin"), zstdGarbage);
    cases.push_back(broken(QStringLiteral("random/zstd magic then random"), QStringLiteral("zstd-magic-random.bin"),
        QStringLiteral("28 b5 2f fd then 4092 random bytes"), { QStringLiteral("{path}: zstd data is corrupt") }));
    writeInto(directory, QStringLiteral("gzip-of-random.bin"), gzipCompress(randomBytes(20000, 9)));
    cases.push_back(broken(QStringLiteral("random/valid gzip of random bytes"), QStringLiteral("gzip-of-random.bin"),
        QStringLiteral("a correct gzip stream of 20000 random bytes"),
        { QStringLiteral("{path}: gzip data that does not hold a tar archive") }));
}

void addTruncationCases(const QString &directory, std::vector<HostileCase> &cases)
{
    struct Flavour {
        const char *name;
        Format format;
        LayerCompression compression;
        const char *document; // the JSON the loader reads first
    };
    const Flavour flavours[] = { { "docker", Format::DockerLegacy, LayerCompression::None, "manifest.json" },
        { "oci", Format::OciArchive, LayerCompression::Gzip, "index.json" } };
    for (const Flavour &f : flavours) {
        QTemporaryDir scratch;
        const WrittenArchive w
            = writeScratch(singleImage(f.format, baseImage(f.compression)), scratch, QStringLiteral("intact"));
        const QByteArray intact = readFileBytes(w.path);
        const QString layer1 = w.images[0].layers[1].archivePath;
        const MemberLocation blob = w.members.at(layer1);
        const MemberLocation document = w.members.at(QLatin1String(f.document));
        const MemberLocation config = w.members.at(w.images[0].configPath);
        const int64_t end = intact.size() - 1024; // TarWriter::finish: two zero blocks, no record padding
        struct Cut {
            QString where;
            int64_t at;
            int exitCode;
            QStringList stderrHas;
        };
        const QString endsInHeader
            = QStringLiteral("{path}: the archive ends inside a tar header at byte %1 (truncated?)");
        const QString declares = QStringLiteral("{path}: entry %1 declares %2 bytes but the archive ends at byte %3");
        const std::vector<Cut> cuts = {
            { "inside the first header", 100, 2, { QStringLiteral("{path}: not an image archive") } },
            { "inside layer 1's tar header", blob.headerOffset + 100, 2, { endsInHeader.arg(blob.headerOffset) } },
            { "inside layer 1's blob", blob.dataOffset + blob.size / 2, 2,
                { declares.arg(layer1).arg(blob.size).arg(blob.dataOffset + blob.size / 2) } },
            { "inside the config", config.dataOffset + 10, 2,
                { declares.arg(w.images[0].configPath).arg(config.size).arg(config.dataOffset + 10) } },
            { QStringLiteral("just before %1").arg(QLatin1String(f.document)), document.headerOffset, 2,
                { QStringLiteral("{path}: not an image: found neither manifest.json (docker save) nor index.json"),
                    QStringLiteral("the archive ends at byte %1 without a tar end-of-archive marker (truncated?)")
                        .arg(document.headerOffset) } },
            { QStringLiteral("inside %1").arg(QLatin1String(f.document)), document.dataOffset + document.size / 2, 2,
                { declares.arg(QLatin1String(f.document))
                        .arg(document.size)
                        .arg(document.dataOffset + document.size / 2) } },
            { "inside the first end block", end + 200, 2, { endsInHeader.arg(end) } },
            // Every member is whole: a missing or half end marker loses nothing, the image loads.
            { "inside the second end block", end + 512 + 200, 0, {} },
            { "with no end blocks", end, 0, {} },
        };
        for (const Cut &cut : cuts) {
            const QString file = QStringLiteral("truncated-%1-at-%2.tar").arg(QLatin1String(f.name)).arg(cut.at);
            writeFileBytes(QDir(directory).filePath(file), intact.left(qsizetype(cut.at)));
            const QString name
                = QStringLiteral("truncated/%1 %2 (byte %3)").arg(QLatin1String(f.name), cut.where).arg(cut.at);
            const QString what = QStringLiteral("the %1 base image (%2 bytes) cut %3")
                                     .arg(QLatin1String(f.name))
                                     .arg(intact.size())
                                     .arg(cut.where);
            if (cut.exitCode == 0)
                cases.push_back(loads(name, file, what, baseFigures()));
            else
                cases.push_back(broken(name, file, what, cut.stderrHas));
        }
        // Control: the same archive intact loads with the base figures.
        const QString file = QStringLiteral("intact-%1.tar").arg(QLatin1String(f.name));
        writeFileBytes(QDir(directory).filePath(file), intact);
        cases.push_back(loads(QStringLiteral("control/%1 intact").arg(QLatin1String(f.name)), file,
            QStringLiteral("the %1 base image, undamaged").arg(QLatin1String(f.name)), baseFigures()));
    }
    // The whole archive gzip'ed, and the gzip stream cut in the middle.
    QTemporaryDir scratch;
    ArchiveSpec spec = singleImage(Format::DockerLegacy, baseImage(LayerCompression::None));
    spec.outer = OuterCompression::Gzip;
    const WrittenArchive w = writeScratch(spec, scratch, QStringLiteral("whole"));
    const QByteArray whole = readFileBytes(w.path);
    const QString file = QStringLiteral("truncated-whole-gzip.tar.gz");
    writeFileBytes(QDir(directory).filePath(file), whole.left(whole.size() / 2));
    cases.push_back(broken(QStringLiteral("truncated/whole archive gzip stream"), file,
        QStringLiteral("docker save | gzip of the base image, cut at half of its %1 bytes").arg(whole.size()),
        { QStringLiteral("{path}: gzip data ends early") }));
}

} // namespace hostile
