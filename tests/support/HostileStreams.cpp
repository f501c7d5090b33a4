#include "HostileStreams.h"

#include "TarWriter.h"

#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace ballast::test {
namespace {

constexpr int64_t Block = 512;
constexpr size_t ZeroChunk = 1 << 20;

const QByteArray &zeroChunk()
{
    static const QByteArray zeros(qsizetype(ZeroChunk), '\0');
    return zeros;
}

int64_t parseOctal(const char *field, size_t width)
{
    int64_t value = 0;
    for (size_t i = 0; i < width && field[i] >= '0' && field[i] <= '7'; ++i)
        value = value * 8 + (field[i] - '0');
    return value;
}

// One deflate block holding ZeroChunk zeros, ending in a full flush: identical wherever it is placed
// after another full flush, because a full flush resets the match history.
const QByteArray &deflatedZeroChunk()
{
    static const QByteArray block = [] {
        z_stream zs {};
        deflateInit2(&zs, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
        QByteArray runs[3];
        for (QByteArray &run : runs) {
            QByteArray out(1 << 16, '\0');
            zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(zeroChunk().constData()));
            zs.avail_in = uInt(ZeroChunk);
            zs.next_out = reinterpret_cast<Bytef *>(out.data());
            zs.avail_out = uInt(out.size());
            if (deflate(&zs, Z_FULL_FLUSH) != Z_OK || zs.avail_in != 0 || zs.avail_out == 0)
                throw std::runtime_error("deflate of the zero chunk failed");
            out.truncate(out.size() - qsizetype(zs.avail_out));
            run = out;
        }
        deflateEnd(&zs);
        if (runs[1] != runs[2] || runs[0] != runs[1])
            throw std::runtime_error("the deflated zero chunk depends on its position");
        return runs[1];
    }();
    return block;
}

} // namespace

struct Sha256Stream::State {
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    ~State() { EVP_MD_CTX_free(context); }
};

Sha256Stream::Sha256Stream()
    : m_state(std::make_unique<State>())
{
    EVP_DigestInit_ex(m_state->context, EVP_sha256(), nullptr);
}

Sha256Stream::~Sha256Stream() = default;

void Sha256Stream::update(const char *data, size_t size)
{
    EVP_DigestUpdate(m_state->context, data, size);
}

QString Sha256Stream::finishDigest()
{
    unsigned char digest[32];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_state->context, digest, &length);
    return QStringLiteral("sha256:")
        + QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex());
}

struct StreamingCompressor::Codec {
    z_stream gzip {};
    uLong crc = crc32(0, nullptr, 0);
    ZSTD_CCtx *zstd = nullptr;
    QByteArray buffer = QByteArray(1 << 20, '\0');
    ~Codec()
    {
        if (zstd)
            ZSTD_freeCCtx(zstd);
    }
};

StreamingCompressor::StreamingCompressor(const QString &file, LayerCompression compression, bool hashUncompressed)
    : m_file(file)
    , m_compression(compression)
    , m_codec(std::make_unique<Codec>())
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw std::runtime_error("cannot write " + file.toStdString());
    if (hashUncompressed)
        m_uncompressedHash.emplace();
    if (compression == LayerCompression::Gzip) {
        deflateInit2(&m_codec->gzip, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
        const char header[10] = { '\x1f', '\x8b', 8, 0, 0, 0, 0, 0, 0, '\xff' };
        put(header, sizeof header);
    } else if (compression == LayerCompression::Zstd) {
        m_codec->zstd = ZSTD_createCCtx();
        ZSTD_CCtx_setParameter(m_codec->zstd, ZSTD_c_compressionLevel, 3);
        ZSTD_CCtx_setParameter(m_codec->zstd, ZSTD_c_checksumFlag, 1); // as the zstd tool writes it
    } else if (compression != LayerCompression::None) {
        throw std::runtime_error("StreamingCompressor: only none, gzip and zstd");
    }
}

StreamingCompressor::~StreamingCompressor()
{
    if (m_compression == LayerCompression::Gzip)
        deflateEnd(&m_codec->gzip);
}

void StreamingCompressor::put(const char *data, size_t size)
{
    if (m_file.write(data, qint64(size)) != qint64(size))
        throw std::runtime_error("write failed: " + m_file.errorString().toStdString());
    m_storedHash.update(data, size);
    m_stored += int64_t(size);
}

void StreamingCompressor::write(const char *data, size_t size)
{
    m_uncompressed += int64_t(size);
    if (m_uncompressedHash)
        m_uncompressedHash->update(data, size);
    Codec &c = *m_codec;
    switch (m_compression) {
    case LayerCompression::None:
        put(data, size);
        return;
    case LayerCompression::Gzip:
        c.crc = crc32_z(c.crc, reinterpret_cast<const Bytef *>(data), size);
        c.gzip.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
        c.gzip.avail_in = uInt(size);
        do {
            c.gzip.next_out = reinterpret_cast<Bytef *>(c.buffer.data());
            c.gzip.avail_out = uInt(c.buffer.size());
            deflate(&c.gzip, Z_NO_FLUSH);
            put(c.buffer.constData(), size_t(c.buffer.size()) - c.gzip.avail_out);
        } while (c.gzip.avail_in > 0 || c.gzip.avail_out == 0);
        return;
    case LayerCompression::Zstd: {
        ZSTD_inBuffer in { data, size, 0 };
        while (in.pos < in.size) {
            ZSTD_outBuffer out { c.buffer.data(), size_t(c.buffer.size()), 0 };
            const size_t rc = ZSTD_compressStream2(c.zstd, &out, &in, ZSTD_e_continue);
            if (ZSTD_isError(rc))
                throw std::runtime_error(ZSTD_getErrorName(rc));
            put(c.buffer.constData(), out.pos);
        }
        return;
    }
    default:
        return;
    }
}

void StreamingCompressor::writeZeros(int64_t count)
{
    if (m_compression == LayerCompression::Gzip && count >= int64_t(ZeroChunk)) {
        Codec &c = *m_codec;
        c.gzip.avail_in = 0; // full flush of what came before; then the stream is byte-aligned
        do {
            c.gzip.next_out = reinterpret_cast<Bytef *>(c.buffer.data());
            c.gzip.avail_out = uInt(c.buffer.size());
            deflate(&c.gzip, Z_FULL_FLUSH);
            put(c.buffer.constData(), size_t(c.buffer.size()) - c.gzip.avail_out);
        } while (c.gzip.avail_out == 0);
        const QByteArray &block = deflatedZeroChunk();
        const uLong zeroCrc
            = crc32_z(crc32(0, nullptr, 0), reinterpret_cast<const Bytef *>(zeroChunk().constData()), ZeroChunk);
        for (; count >= int64_t(ZeroChunk); count -= int64_t(ZeroChunk)) {
            put(block.constData(), size_t(block.size()));
            c.crc = crc32_combine(c.crc, zeroCrc, z_off_t(ZeroChunk));
            m_uncompressed += int64_t(ZeroChunk);
            if (m_uncompressedHash)
                m_uncompressedHash->update(zeroChunk().constData(), ZeroChunk);
        }
    }
    for (; count > 0; count -= std::min<int64_t>(count, int64_t(ZeroChunk)))
        write(zeroChunk().constData(), size_t(std::min<int64_t>(count, int64_t(ZeroChunk))));
}

void StreamingCompressor::finish()
{
    Codec &c = *m_codec;
    if (m_compression == LayerCompression::Gzip) {
        c.gzip.avail_in = 0;
        int rc;
        do {
            c.gzip.next_out = reinterpret_cast<Bytef *>(c.buffer.data());
            c.gzip.avail_out = uInt(c.buffer.size());
            rc = deflate(&c.gzip, Z_FINISH);
            put(c.buffer.constData(), size_t(c.buffer.size()) - c.gzip.avail_out);
        } while (rc != Z_STREAM_END);
        char trailer[8];
        for (int i = 0; i < 4; ++i) {
            trailer[i] = char((c.crc >> (8 * i)) & 0xff);
            trailer[4 + i] = char((uint64_t(m_uncompressed) >> (8 * i)) & 0xff); // ISIZE: modulo 2^32
        }
        put(trailer, sizeof trailer);
    } else if (m_compression == LayerCompression::Zstd) {
        ZSTD_inBuffer in { nullptr, 0, 0 };
        size_t rc;
        do {
            ZSTD_outBuffer out { c.buffer.data(), size_t(c.buffer.size()), 0 };
            rc = ZSTD_compressStream2(c.zstd, &out, &in, ZSTD_e_end);
            if (ZSTD_isError(rc))
                throw std::runtime_error(ZSTD_getErrorName(rc));
            put(c.buffer.constData(), out.pos);
        } while (rc != 0);
    }
    m_file.close();
    m_storedDigest = m_storedHash.finishDigest();
    if (m_uncompressedHash)
        m_uncompressedDigest = m_uncompressedHash->finishDigest();
}

QByteArray ustarHeader(const std::string &name, char type, int64_t size, const std::string &link)
{
    if (name.size() > 100 || link.size() > 100)
        throw std::runtime_error("ustarHeader: name over 100 bytes: " + name);
    EntrySpec meta;
    meta.mode = type == '5' ? 0755 : 0644;
    meta.sizeField = size < (int64_t(1) << 33) ? SizeField::Octal : SizeField::Base256; // as GNU tar
    return tarHeaderBlock(name, type, size, meta, link);
}

QByteArray tarPadding(int64_t size)
{
    return QByteArray(qsizetype((Block - size % Block) % Block), '\0');
}

StreamedBlob writeStreamedBlob(const QString &file, LayerCompression compression,
    const std::function<void(StreamingCompressor &)> &writeTar, const QString &knownDiffId)
{
    StreamingCompressor out(file, compression, knownDiffId.isEmpty());
    writeTar(out);
    out.finish();
    StreamedBlob blob;
    blob.file = file;
    blob.digest = out.storedDigest();
    blob.diffId = knownDiffId.isEmpty() ? out.uncompressedDigest() : knownDiffId;
    blob.size = out.storedBytes();
    blob.uncompressedSize = out.uncompressedBytes();
    blob.mediaType = compression == LayerCompression::Gzip
        ? QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip")
        : compression == LayerCompression::Zstd ? QStringLiteral("application/vnd.oci.image.layer.v1.tar+zstd")
                                                : QStringLiteral("application/vnd.oci.image.layer.v1.tar");
    return blob;
}

namespace {

QString hexOfDigest(const QString &digest)
{
    return digest.section(QLatin1Char(':'), 1);
}

QString digestOf(const std::string &text)
{
    Sha256Stream hash;
    hash.update(text.data(), text.size());
    return hash.finishDigest();
}

void addMember(StreamingCompressor &out, const std::string &name, const std::string &bytes)
{
    out.write(ustarHeader(name, '0', int64_t(bytes.size())));
    out.write(bytes.data(), bytes.size());
    out.write(tarPadding(int64_t(bytes.size())));
}

} // namespace

StreamedOciResult writeStreamedOci(const QString &file, const StreamedOci &spec)
{
    std::vector<size_t> order = spec.manifestLayers;
    if (order.empty())
        for (size_t i = 0; i < spec.blobs.size(); ++i)
            order.push_back(i);
    nlohmann::json diffIds = nlohmann::json::array(), history = nlohmann::json::array(),
                   layers = nlohmann::json::array();
    for (size_t k = 0; k < order.size(); ++k) {
        const StreamedBlob &blob = spec.blobs[order[k]];
        diffIds.push_back(blob.diffId.toStdString());
        history.push_back({ { "created_by", "hostile layer " + std::to_string(k) } });
        layers.push_back({ { "mediaType", blob.mediaType.toStdString() }, { "digest", blob.digest.toStdString() },
            { "size", blob.size } });
    }
    nlohmann::json config { { "architecture", "amd64" }, { "os", "linux" }, { "config", nlohmann::json::object() },
        { "rootfs", { { "type", "layers" }, { "diff_ids", diffIds } } }, { "history", history } };
    std::string configText = config.dump();
    if (spec.editConfig)
        spec.editConfig(configText);
    const QString configDigest = digestOf(configText);
    const nlohmann::json manifest { { "schemaVersion", 2 },
        { "mediaType", "application/vnd.oci.image.manifest.v1+json" },
        { "config",
            { { "mediaType", "application/vnd.oci.image.config.v1+json" }, { "digest", configDigest.toStdString() },
                { "size", configText.size() } } },
        { "layers", layers } };
    const std::string manifestText = manifest.dump();
    const QString manifestDigest = digestOf(manifestText);
    const nlohmann::json index { { "schemaVersion", 2 },
        { "manifests",
            { { { "mediaType", "application/vnd.oci.image.manifest.v1+json" },
                { "digest", manifestDigest.toStdString() }, { "size", manifestText.size() },
                { "annotations", { { "org.opencontainers.image.ref.name", spec.tag } } } } } } };

    const LayerCompression outer = spec.outer == OuterCompression::Gzip ? LayerCompression::Gzip
        : spec.outer == OuterCompression::Zstd                          ? LayerCompression::Zstd
                                                                        : LayerCompression::None;
    StreamingCompressor out(file, outer, false);
    addMember(out, "oci-layout", R"({"imageLayoutVersion":"1.0.0"})");
    std::vector<bool> written(spec.blobs.size(), false);
    for (size_t i : order) {
        if (written[i])
            continue; // the same blob listed again is stored once
        written[i] = true;
        const StreamedBlob &blob = spec.blobs[i];
        out.write(ustarHeader("blobs/sha256/" + hexOfDigest(blob.digest).toStdString(), '0', blob.size));
        if (blob.file.isEmpty()) {
            blob.writeInto(out);
        } else {
            QFile in(blob.file);
            if (!in.open(QIODevice::ReadOnly))
                throw std::runtime_error("cannot read " + blob.file.toStdString());
            while (!in.atEnd())
                out.write(in.read(1 << 20));
        }
        out.write(tarPadding(blob.size));
    }
    const std::string configPath = "blobs/sha256/" + hexOfDigest(configDigest).toStdString();
    const std::string manifestPath = "blobs/sha256/" + hexOfDigest(manifestDigest).toStdString();
    addMember(out, configPath, configText);
    addMember(out, manifestPath, manifestText);
    addMember(out, "index.json", index.dump());
    out.writeZeros(2 * Block);
    out.finish();
    return { QString::fromStdString(configPath), QString::fromStdString(manifestPath) };
}

std::vector<TarMemberCopy> readTarMembers(const QByteArray &tar)
{
    std::vector<TarMemberCopy> members;
    std::string paxPath;
    for (int64_t offset = 0; offset + Block <= tar.size();) {
        const char *h = tar.constData() + offset;
        if (std::all_of(h, h + Block, [](char c) { return c == 0; }))
            break;
        const int64_t size = parseOctal(h + 124, 12);
        const char type = h[156] ? h[156] : '0';
        const QByteArray data = tar.mid(offset + Block, size);
        if (type == 'x') {
            // Records "<len> key=value\n": only path matters for the writer's outer tars.
            for (const QByteArray &record : data.split('\n'))
                if (int at = record.indexOf(" path="); at >= 0)
                    paxPath = record.mid(at + 6).toStdString();
        } else if (type != 'g') {
            TarMemberCopy member;
            std::string name(h, strnlen(h, 100));
            if (h[345])
                name = std::string(h + 345, strnlen(h + 345, 155)) + "/" + name;
            member.path = paxPath.empty() ? name : paxPath;
            member.type = type;
            member.data = data;
            member.link = std::string(h + 157, strnlen(h + 157, 100));
            member.headerOffset = offset;
            members.push_back(member);
            paxPath.clear();
        }
        offset += Block + (size + Block - 1) / Block * Block;
    }
    return members;
}

QByteArray writeTarMembers(const std::vector<TarMemberCopy> &members)
{
    TarWriter tar;
    for (const TarMemberCopy &member : members) {
        EntrySpec entry;
        entry.path = member.path;
        entry.type = member.type;
        entry.link = member.link;
        entry.mode = member.type == '5' ? 0755 : member.type == '2' ? 0777 : 0644;
        if (member.type == '0')
            entry.content = member.data.toStdString();
        tar.add(entry);
    }
    tar.finish();
    return tar.bytes();
}

void patchTarSize(QByteArray &tar, int64_t headerOffset, int64_t size)
{
    setTarHeaderSize(tar.data() + headerOffset, size);
}

} // namespace ballast::test
