#include "Compressors.h"

#include <QCryptographicHash>
#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>
#include <zstd.h>

#include <stdexcept>

namespace ballast::test {

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString sha256Digest(const QByteArray &bytes)
{
    return QStringLiteral("sha256:") + sha256Hex(bytes);
}

namespace {

QByteArray deflateMember(const QByteArray &bytes, int level, gz_header *header)
{
    z_stream zs {};
    if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
    if (header)
        deflateSetHeader(&zs, header);
    QByteArray out(qsizetype(deflateBound(&zs, uLong(bytes.size())) + 64), '\0');
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.constData()));
    zs.avail_in = uInt(bytes.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    const auto produced = qsizetype(zs.total_out);
    deflateEnd(&zs);
    if (rc != Z_STREAM_END)
        throw std::runtime_error("deflate did not finish");
    out.truncate(produced);
    return out;
}

QByteArray libarchiveRaw(const QByteArray &bytes, int (*addFilter)(struct archive *))
{
    struct archive *a = archive_write_new();
    addFilter(a);
    archive_write_set_format_raw(a);
    archive_write_set_bytes_in_last_block(a, 1);
    QByteArray out(bytes.size() + (1 << 16), '\0');
    size_t used = 0;
    if (archive_write_open_memory(a, out.data(), size_t(out.size()), &used) != ARCHIVE_OK)
        throw std::runtime_error(archive_error_string(a));
    struct archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname(entry, "layer.tar");
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_size(entry, bytes.size());
    archive_write_header(a, entry);
    archive_write_data(a, bytes.constData(), size_t(bytes.size()));
    archive_entry_free(entry);
    archive_write_close(a);
    archive_write_free(a);
    out.truncate(qsizetype(used));
    return out;
}

} // namespace

QByteArray gzipCompress(const QByteArray &bytes, int level)
{
    return deflateMember(bytes, level, nullptr);
}

QByteArray zstdCompress(const QByteArray &bytes, int level)
{
    QByteArray out(qsizetype(ZSTD_compressBound(size_t(bytes.size()))), '\0');
    const size_t n = ZSTD_compress(out.data(), size_t(out.size()), bytes.constData(), size_t(bytes.size()), level);
    if (ZSTD_isError(n))
        throw std::runtime_error(ZSTD_getErrorName(n));
    out.truncate(qsizetype(n));
    return out;
}

QByteArray bzip2Compress(const QByteArray &bytes)
{
    return libarchiveRaw(bytes, archive_write_add_filter_bzip2);
}

QByteArray xzCompress(const QByteArray &bytes)
{
    return libarchiveRaw(bytes, archive_write_add_filter_xz);
}

QByteArray estargzCompress(const QByteArray &uncompressed, const std::vector<int64_t> &boundaries,
    const QByteArray &toc, std::vector<int64_t> *memberOffsets)
{
    QByteArray out;
    for (size_t i = 0; i < boundaries.size(); ++i) {
        const int64_t begin = boundaries[i];
        const int64_t end = i + 1 < boundaries.size() ? boundaries[i + 1] : uncompressed.size();
        if (memberOffsets)
            memberOffsets->push_back(out.size());
        out += gzipCompress(uncompressed.mid(begin, end - begin));
    }
    const int64_t tocOffset = out.size();
    if (memberOffsets)
        memberOffsets->push_back(tocOffset);
    out += gzipCompress(toc);
    // Footer: an empty gzip member whose extra field "SG" holds "%016x" of the TOC offset + "STARGZ".
    QByteArray payload = QByteArray::number(qlonglong(tocOffset), 16).rightJustified(16, '0') + "STARGZ";
    QByteArray extra = QByteArray("SG") + char(payload.size() & 0xff) + char(payload.size() >> 8) + payload;
    gz_header header {};
    header.extra = reinterpret_cast<Bytef *>(extra.data());
    header.extra_len = uInt(extra.size());
    header.os = 255;
    out += deflateMember(QByteArray(), Z_NO_COMPRESSION, &header); // a stored block: 51 bytes, as estargz writes it
    return out;
}

} // namespace ballast::test
