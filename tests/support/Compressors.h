#pragma once
// Compression and hashing for the synthetic archives (test side: simple, not fast).
#include <QByteArray>
#include <QString>
#include <vector>

namespace ballast::test {

QString sha256Digest(const QByteArray &bytes); // "sha256:<hex>"
QString sha256Hex(const QByteArray &bytes);

QByteArray gzipCompress(const QByteArray &bytes, int level = 6); // one gzip member
QByteArray zstdCompress(const QByteArray &bytes, int level = 3);
QByteArray bzip2Compress(const QByteArray &bytes); // via libarchive's raw writer
QByteArray xzCompress(const QByteArray &bytes);

// eStargz-like blob: every chunk of `uncompressed` (cut at `boundaries`, ascending offsets, the first 0)
// in its own gzip member, then `toc` in its own member, then the 51-byte footer naming the TOC offset.
QByteArray estargzCompress(const QByteArray &uncompressed, const std::vector<int64_t> &boundaries,
    const QByteArray &toc, std::vector<int64_t> *memberOffsets = nullptr);

} // namespace ballast::test
