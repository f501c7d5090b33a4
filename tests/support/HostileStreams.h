#pragma once
// Streaming writers for the hostile-input suite: archives far bigger than memory (gigabytes of zeros,
// a million tar entries) written straight to disk, and small edits of an outer tar (replace, drop or
// re-link a member, lie about a member's size) that the declarative ImageWriter has no knob for.
#include "ImageSpec.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace ballast::test {

// SHA-256 through OpenSSL: the test side hashes gigabytes, QCryptographicHash is too slow for that.
class Sha256Stream {
public:
    Sha256Stream();
    ~Sha256Stream();
    void update(const char *data, size_t size);
    QString finishDigest(); // "sha256:<hex>"

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// Compresses (gzip, zstd or not at all) into a file as the bytes come. writeZeros() costs time in
// proportion to the OUTPUT: for gzip it repeats one deflate block made of 1 MiB of zeros after a full
// flush (the block does not depend on what came before it), for zstd the compressor is fast anyway.
class StreamingCompressor {
public:
    StreamingCompressor(const QString &file, LayerCompression compression, bool hashUncompressed);
    ~StreamingCompressor();
    void write(const char *data, size_t size);
    void write(const QByteArray &bytes) { write(bytes.constData(), size_t(bytes.size())); }
    void writeZeros(int64_t count);
    void finish();

    int64_t uncompressedBytes() const { return m_uncompressed; }
    int64_t storedBytes() const { return m_stored; }
    QString storedDigest() const { return m_storedDigest; } // after finish()
    QString uncompressedDigest() const { return m_uncompressedDigest; } // after finish(), when hashed

private:
    struct Codec;
    void put(const char *data, size_t size);
    QFile m_file;
    LayerCompression m_compression;
    std::unique_ptr<Codec> m_codec;
    Sha256Stream m_storedHash;
    std::optional<Sha256Stream> m_uncompressedHash;
    int64_t m_uncompressed = 0;
    int64_t m_stored = 0;
    QString m_storedDigest, m_uncompressedDigest;
};

// One ustar header (octal fields, base-256 sizes over 8 GiB) for a member whose data the caller writes.
QByteArray ustarHeader(const std::string &name, char type, int64_t size, const std::string &link = {});
// Zero padding after `size` bytes of member data, up to the next 512-byte block.
QByteArray tarPadding(int64_t size);

// A layer blob on disk with the figures a manifest and config need.
struct StreamedBlob {
    QString file; // or, when empty, writeInto writes the blob's bytes (an uncompressed blob never on disk)
    std::function<void(StreamingCompressor &)> writeInto;
    QString digest; // sha256 of the stored bytes
    QString diffId; // sha256 of the uncompressed tar
    int64_t size = 0;
    int64_t uncompressedSize = 0;
    QString mediaType;
};

// Writes a layer blob by handing the caller's function a compressor for the uncompressed tar.
// `knownDiffId` skips hashing the uncompressed stream (the caller computed it before: gigabytes).
StreamedBlob writeStreamedBlob(const QString &file, LayerCompression compression,
    const std::function<void(StreamingCompressor &)> &writeTar, const QString &knownDiffId = {});

// An OCI archive (oci-layout, index.json, manifest, config, blobs) whose layer blobs are copied from
// files. `manifestLayers` lists blob indexes in manifest order (a blob may be listed many times); empty
// means every blob once. `editConfig` may change the config JSON text before it is hashed.
struct StreamedOci {
    std::vector<StreamedBlob> blobs;
    std::vector<size_t> manifestLayers;
    std::string tag = "hostile:1";
    std::function<void(std::string &configJson)> editConfig;
    OuterCompression outer = OuterCompression::None;
};
struct StreamedOciResult {
    QString configPath; // blobs/sha256/<hex>
    QString manifestPath; // blobs/sha256/<hex>
};
StreamedOciResult writeStreamedOci(const QString &file, const StreamedOci &spec);

// The members of an uncompressed tar as the test writer made them (plain ustar names, pax paths).
struct TarMemberCopy {
    std::string path;
    char type = '0';
    QByteArray data;
    std::string link;
    int64_t headerOffset = 0;
};
std::vector<TarMemberCopy> readTarMembers(const QByteArray &tar);
QByteArray writeTarMembers(const std::vector<TarMemberCopy> &members); // with the end-of-archive blocks
// Rewrites the size field (and checksum) of the ustar header at `headerOffset`.
void patchTarSize(QByteArray &tar, int64_t headerOffset, int64_t size);

} // namespace ballast::test
