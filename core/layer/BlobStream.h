#pragma once
#include "archive/FileRange.h"
#include "layer/Layer.h"
#include "util/Sha256.h"

#include <QString>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace ballast {

// Reads one blob in a single streaming pass: the stored bytes are hashed (the blob's digest),
// decompressed according to their magic bytes (gzip, including multi-member streams such as eStargz,
// zstd, or none), and the uncompressed bytes are hashed too (the diff_id). Memory stays bounded by
// two fixed buffers whatever the blob holds, so decompression bombs stream through, and stop with a
// LoadError after `maxUncompressedBytes`.
class BlobStream {
public:
    struct Options {
        bool hashStored = true;
        bool hashUncompressed = true;
        const std::atomic<bool> *cancelled = nullptr;
        std::atomic<int64_t> *storedBytesRead = nullptr; // progress, shared between workers
        int64_t maxUncompressedBytes = INT64_MAX;
        // When set, maxUncompressedBytes bounds the sum over every stream sharing this counter (the
        // layers of one image); else this stream alone.
        std::atomic<int64_t> *uncompressedTotal = nullptr;
    };

    // `label` names the blob in error messages, e.g. "image.tar: layer 3 (blobs/sha256/ab12…)".
    BlobStream(const FileRange &range, QString label, Options options);
    ~BlobStream();
    BlobStream(const BlobStream &) = delete;
    BlobStream &operator=(const BlobStream &) = delete;

    Compression compression() const { return m_compression; }
    // The next run of uncompressed bytes, valid until the next call; empty at the end of the blob.
    std::span<const char> next();
    // Reads what is left, so that the digests cover the whole blob.
    void drain();

    int64_t storedBytes() const { return m_storedRead; }
    int64_t uncompressedBytes() const { return m_uncompressed; }
    QString storedDigest();
    QString uncompressedDigest();
    const QString &label() const { return m_label; }

private:
    struct Decoder;
    bool fillInput();
    std::span<const char> decompressGzip();
    std::span<const char> decompressZstd();
    [[noreturn]] void fail(const QString &what) const;
    void countUncompressed(int64_t bytes);

    QString m_label;
    Options m_options;
    int m_fd = -1;
    int64_t m_offset = 0;
    int64_t m_remaining = 0;
    int64_t m_storedRead = 0;
    int64_t m_uncompressed = 0;
    Compression m_compression = Compression::None;
    std::vector<char> m_input;
    size_t m_inputPos = 0;
    size_t m_inputEnd = 0;
    std::vector<char> m_output;
    bool m_streamEnded = false;
    bool m_finished = false;
    std::unique_ptr<Decoder> m_decoder;
    std::optional<Sha256> m_storedHash;
    std::optional<Sha256> m_uncompressedHash;
    std::optional<QString> m_storedDigest;
    std::optional<QString> m_uncompressedDigest;
};

} // namespace ballast
