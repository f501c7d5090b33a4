#pragma once
#include "FileRange.h"
#include "util/LoadLimits.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>
#include <optional>

#include <QTemporaryDir>

namespace ballast {

// The files of an image, wherever they are stored: members of a tar archive (compressed archives are
// first inflated into a private temporary directory) or files of an OCI layout directory. Members
// are addressed by normalised relative paths; symbolic links inside the archive are followed (buildah
// writes `<id>/layer.tar -> ../<sha>.tar`) but never out of it.
class ImageFiles {
public:
    struct OpenOptions {
        const std::atomic<bool> *cancelled = nullptr;
        // A gzip/zstd archive is inflated to a temporary file of at most this many bytes.
        int64_t maxInflatedBytes = LoadLimits {}.maxUncompressedBytes;
    };
    // Throws LoadError when `path` is missing, unreadable or not a tar archive or directory.
    static std::unique_ptr<ImageFiles> open(const QString &path, OpenOptions options);
    static std::unique_ptr<ImageFiles> open(const QString &path) { return open(path, OpenOptions {}); }
    virtual ~ImageFiles();

    const QString &sourcePath() const { return m_sourcePath; }
    virtual bool isDirectory() const = 0;
    // "gzip" or "zstd" when the whole archive was compressed, else empty.
    const QString &outerCompression() const { return m_outerCompression; }

    // Resolves links; nullopt when the member does not exist. Throws on link loops and escapes.
    virtual std::optional<FileRange> find(const QString &member) const = 0;
    virtual bool exists(const QString &member) const { return find(member).has_value(); }
    // Top-level names, for error messages ("found: a, b, c").
    virtual QStringList topLevelNames() const = 0;
    // Appended to "missing" errors: why a member may be missing (a truncated archive), else empty.
    virtual QString damageNote() const { return {}; }

    // Whole member, refusing members over `limit` bytes. Throws LoadError naming the member if missing.
    QByteArray read(const QString &member, int64_t limit = 64 << 20) const;
    QByteArray read(const FileRange &range, const QString &member, int64_t limit = 64 << 20) const;

protected:
    explicit ImageFiles(QString sourcePath)
        : m_sourcePath(std::move(sourcePath))
    { }
    QString m_sourcePath;
    QString m_outerCompression;
    std::unique_ptr<QTemporaryDir> m_tempDir;
};

} // namespace ballast
