#include "BlobStream.h"

#include "util/LoadError.h"
#include "util/LoadLimits.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cstring>

namespace ballast {
namespace {
constexpr size_t InputChunk = 1 << 20;
constexpr size_t OutputChunk = 1 << 20;
} // namespace

struct BlobStream::Decoder {
    z_stream gzip {};
    bool gzipInitialised = false;
    ZSTD_DCtx *zstd = nullptr;
    size_t zstdLastResult = 0;
    bool zstdOutputWasFull = false;
    ~Decoder()
    {
        if (gzipInitialised)
            inflateEnd(&gzip);
        if (zstd)
            ZSTD_freeDCtx(zstd);
    }
};

BlobStream::BlobStream(const FileRange &range, QString label, Options options)
    : m_label(std::move(label))
    , m_options(options)
    , m_offset(range.offset)
    , m_remaining(range.size)
    , m_input(InputChunk)
    , m_decoder(std::make_unique<Decoder>())
{
    m_fd = ::open(range.file.toLocal8Bit().constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0)
        fail(QStringLiteral("cannot open %1: %2").arg(range.file, QString::fromLocal8Bit(strerror(errno))));
    posix_fadvise(m_fd, range.offset, range.size, POSIX_FADV_SEQUENTIAL);
    if (m_options.hashStored)
        m_storedHash.emplace();
    if (m_options.hashUncompressed)
        m_uncompressedHash.emplace();

    fillInput();
    const auto *magic = reinterpret_cast<const unsigned char *>(m_input.data());
    const size_t have = m_inputEnd;
    if (have >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
        m_compression = Compression::Gzip;
        // 15 + 16: a gzip wrapper only; members are chained by hand below (eStargz, pigz -i).
        if (inflateInit2(&m_decoder->gzip, 15 + 16) != Z_OK)
            fail(QStringLiteral("zlib could not be initialised"));
        m_decoder->gzipInitialised = true;
    } else if (have >= 4 && magic[0] == 0x28 && magic[1] == 0xb5 && magic[2] == 0x2f && magic[3] == 0xfd) {
        m_compression = Compression::Zstd;
        m_decoder->zstd = ZSTD_createDCtx();
        // A window over 128 MiB is refused (zstd's default limit) rather than allocated: bombs stay small.
    } else if (have >= 3 && memcmp(magic, "BZh", 3) == 0) {
        fail(QStringLiteral("unsupported compression: bzip2 (only gzip, zstd and uncompressed tar are read)"));
    } else if (have >= 6
        && memcmp(magic,
               "\xfd"
               "7zXZ\0",
               6)
            == 0) {
        fail(QStringLiteral("unsupported compression: xz (only gzip, zstd and uncompressed tar are read)"));
    } else {
        m_compression = Compression::None;
    }
    if (m_compression != Compression::None)
        m_output.resize(OutputChunk);
    else
        m_uncompressedHash.reset(); // the same bytes: uncompressedDigest() reuses the stored digest
}

BlobStream::~BlobStream()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void BlobStream::fail(const QString &what) const
{
    throw LoadError(QStringLiteral("%1: %2").arg(m_label, what));
}

bool BlobStream::fillInput()
{
    if (m_options.cancelled && m_options.cancelled->load(std::memory_order_relaxed))
        throw LoadCancelled();
    // Keep unconsumed bytes (a partial compressed frame) at the front of the buffer.
    if (m_inputPos > 0 && m_inputPos < m_inputEnd)
        memmove(m_input.data(), m_input.data() + m_inputPos, m_inputEnd - m_inputPos);
    m_inputEnd -= m_inputPos;
    m_inputPos = 0;
    if (m_remaining == 0)
        return false;
    const size_t want = size_t(std::min<int64_t>(m_remaining, int64_t(m_input.size() - m_inputEnd)));
    ssize_t got = ::pread(m_fd, m_input.data() + m_inputEnd, want, m_offset);
    if (got < 0)
        fail(
            QStringLiteral("read error at byte %1: %2").arg(m_storedRead).arg(QString::fromLocal8Bit(strerror(errno))));
    if (got == 0)
        fail(QStringLiteral("the file ends at byte %1 of the blob, %2 bytes early").arg(m_storedRead).arg(m_remaining));
    if (m_storedHash)
        m_storedHash->update(m_input.data() + m_inputEnd, size_t(got));
    m_inputEnd += size_t(got);
    m_offset += got;
    m_remaining -= got;
    m_storedRead += got;
    if (m_options.storedBytesRead)
        m_options.storedBytesRead->fetch_add(got, std::memory_order_relaxed);
    return true;
}

std::span<const char> BlobStream::next()
{
    if (m_finished)
        return {};
    // Checked per output chunk too: 1 MiB of compressed input can expand to gigabytes.
    if (m_options.cancelled && m_options.cancelled->load(std::memory_order_relaxed))
        throw LoadCancelled();
    std::span<const char> out;
    switch (m_compression) {
    case Compression::None:
        if (m_inputPos == m_inputEnd && !fillInput()) {
            m_finished = true;
            return {};
        }
        out = std::span<const char>(m_input.data() + m_inputPos, m_inputEnd - m_inputPos);
        m_inputPos = m_inputEnd;
        break;
    case Compression::Gzip:
        out = decompressGzip();
        break;
    case Compression::Zstd:
        out = decompressZstd();
        break;
    }
    if (out.empty()) {
        m_finished = true;
        return {};
    }
    countUncompressed(int64_t(out.size()));
    if (m_uncompressedHash)
        m_uncompressedHash->update(out.data(), out.size());
    return out;
}

std::span<const char> BlobStream::decompressGzip()
{
    z_stream &zs = m_decoder->gzip;
    while (true) {
        if (m_streamEnded) {
            // Another gzip member may follow (eStargz, concatenated gzip); zero padding is tolerated.
            if (m_inputPos == m_inputEnd && !fillInput())
                return {};
            if (m_inputEnd - m_inputPos < 2)
                fillInput();
            const auto *p = reinterpret_cast<const unsigned char *>(m_input.data() + m_inputPos);
            const size_t have = m_inputEnd - m_inputPos;
            if (have >= 2 && p[0] == 0x1f && p[1] == 0x8b) {
                inflateReset(&zs);
                m_streamEnded = false;
            } else {
                for (size_t i = 0; i < have; ++i)
                    if (p[i] != 0)
                        fail(QStringLiteral("unexpected data after the gzip stream at byte %1")
                                 .arg(m_storedRead - int64_t(m_inputEnd - m_inputPos - i)));
                m_inputPos = m_inputEnd;
                continue;
            }
        }
        if (m_inputPos == m_inputEnd && !fillInput())
            fail(QStringLiteral("gzip data ends early at byte %1").arg(m_storedRead));
        zs.next_in = reinterpret_cast<Bytef *>(m_input.data() + m_inputPos);
        zs.avail_in = uInt(m_inputEnd - m_inputPos);
        zs.next_out = reinterpret_cast<Bytef *>(m_output.data());
        zs.avail_out = uInt(m_output.size());
        int rc = inflate(&zs, Z_NO_FLUSH);
        const size_t consumed = (m_inputEnd - m_inputPos) - zs.avail_in;
        m_inputPos += consumed;
        const size_t produced = m_output.size() - zs.avail_out;
        if (rc == Z_STREAM_END) {
            m_streamEnded = true;
        } else if (rc == Z_BUF_ERROR) {
            // No progress possible: more input needed, loop refills.
        } else if (rc != Z_OK) {
            fail(QStringLiteral("gzip data is corrupt near byte %1: %2")
                     .arg(m_storedRead - int64_t(m_inputEnd - m_inputPos))
                     .arg(QString::fromLatin1(zs.msg ? zs.msg : "inflate failed")));
        }
        if (produced > 0)
            return std::span<const char>(m_output.data(), produced);
        if (rc == Z_BUF_ERROR || (consumed == 0 && rc == Z_OK)) {
            if (!fillInput())
                fail(QStringLiteral("gzip data ends early at byte %1").arg(m_storedRead));
        }
    }
}

std::span<const char> BlobStream::decompressZstd()
{
    while (true) {
        bool haveInput = m_inputPos < m_inputEnd || fillInput();
        // With no input left, zstd may still hold output when the last call filled the buffer.
        if (!haveInput && !m_decoder->zstdOutputWasFull) {
            if (m_decoder->zstdLastResult != 0)
                fail(QStringLiteral("zstd data ends early at byte %1").arg(m_storedRead));
            return {};
        }
        ZSTD_inBuffer in { m_input.data() + m_inputPos, m_inputEnd - m_inputPos, 0 };
        ZSTD_outBuffer out { m_output.data(), m_output.size(), 0 };
        size_t rc = ZSTD_decompressStream(m_decoder->zstd, &out, &in);
        if (ZSTD_isError(rc))
            fail(QStringLiteral("zstd data is corrupt near byte %1: %2")
                     .arg(m_storedRead - int64_t(m_inputEnd - m_inputPos))
                     .arg(QString::fromLatin1(ZSTD_getErrorName(rc))));
        m_decoder->zstdLastResult = rc;
        m_decoder->zstdOutputWasFull = out.pos == out.size;
        m_inputPos += in.pos;
        if (out.pos > 0)
            return std::span<const char>(m_output.data(), out.pos);
    }
}

void BlobStream::countUncompressed(int64_t bytes)
{
    m_uncompressed += bytes;
    const int64_t limit = m_options.maxUncompressedBytes;
    if (!m_options.uncompressedTotal) {
        if (m_uncompressed > limit)
            fail(QStringLiteral("more than %1 bytes uncompressed, %2")
                     .arg(limit)
                     .arg(overTheLimit(limit, MaxUncompressedBytesOption)));
        return;
    }
    const int64_t before = m_options.uncompressedTotal->fetch_add(bytes, std::memory_order_relaxed);
    if (bytes <= limit - before) // not before + bytes: the limit may be INT64_MAX
        return;
    // Only the stream that crossed the limit reports it; the others stop as the load is over anyway.
    if (before > limit)
        throw LoadCancelled();
    fail(QStringLiteral("more than %1 bytes uncompressed, %2")
             .arg(limit)
             .arg(overTheLimit(limit, MaxUncompressedBytesOption)));
}

void BlobStream::drain()
{
    while (!next().empty()) { }
}

QString BlobStream::storedDigest()
{
    if (!m_storedDigest && m_storedHash)
        m_storedDigest = m_storedHash->finishDigest();
    return m_storedDigest.value_or(QString());
}

QString BlobStream::uncompressedDigest()
{
    if (m_compression == Compression::None && m_options.hashUncompressed)
        return storedDigest();
    if (!m_uncompressedDigest && m_uncompressedHash)
        m_uncompressedDigest = m_uncompressedHash->finishDigest();
    return m_uncompressedDigest.value_or(QString());
}

} // namespace ballast
