#include "ImageFiles.h"

#include "TarImageFiles.h"
#include "layer/BlobStream.h"
#include "util/LoadError.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

namespace ballast {
namespace {

// Inflates a gzip or zstd compressed archive (`docker save | gzip`) into a private temporary directory,
// so that its members can then be read in place like any uncompressed archive. A bomb stops at
// `maxBytes` written rather than filling the disk.
std::unique_ptr<QTemporaryDir> inflateToTemporary(
    const QString &path, const std::atomic<bool> *cancelled, int64_t maxBytes, QString *tarFile, QString *compression)
{
    auto dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/ballast-XXXXXX"));
    if (!dir->isValid())
        throw LoadError(
            QStringLiteral("%1: cannot create a temporary directory to inflate it: %2").arg(path, dir->errorString()));
    *tarFile = dir->filePath(QStringLiteral("inflated.tar"));
    QFile out(*tarFile);
    if (!out.open(QIODevice::WriteOnly))
        throw LoadError(QStringLiteral("%1: cannot write %2: %3").arg(path, *tarFile, out.errorString()));
    BlobStream stream(FileRange { path, 0, QFileInfo(path).size() }, path,
        BlobStream::Options { false, false, cancelled, nullptr, maxBytes });
    *compression = QString::fromLatin1(compressionName(stream.compression()));
    for (auto chunk = stream.next(); !chunk.empty(); chunk = stream.next())
        if (out.write(chunk.data(), qint64(chunk.size())) != qint64(chunk.size()))
            throw LoadError(QStringLiteral("%1: cannot write %2: %3").arg(path, *tarFile, out.errorString()));
    return dir;
}

} // namespace

ImageFiles::~ImageFiles() = default;

std::unique_ptr<ImageFiles> ImageFiles::open(const QString &path, OpenOptions options)
{
    QFileInfo info(path);
    if (!info.exists())
        throw LoadError(QStringLiteral("%1: no such file or directory").arg(path));
    if (info.isDir())
        return std::make_unique<DirectoryImageFiles>(path);

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw LoadError(QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()));
    const QByteArray head = file.read(512);
    file.close();
    if (head.isEmpty())
        throw LoadError(QStringLiteral("%1: the file is empty, not an image archive").arg(path));
    const auto *magic = reinterpret_cast<const unsigned char *>(head.constData());
    const bool gzip = head.size() >= 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    const bool zstd = head.size() >= 4 && magic[0] == 0x28 && magic[1] == 0xb5 && magic[2] == 0x2f && magic[3] == 0xfd;
    if (gzip || zstd) {
        QString tarFile, compression;
        auto dir = inflateToTemporary(path, options.cancelled, options.maxInflatedBytes, &tarFile, &compression);
        QFile inflated(tarFile);
        QByteArray innerHead;
        if (inflated.open(QIODevice::ReadOnly))
            innerHead = inflated.read(512);
        if (innerHead.size() < 512 || !TarIndex::looksLikeTarHeader(innerHead.constData()))
            throw LoadError(QStringLiteral("%1: %2 data that does not hold a tar archive, not an image archive")
                                .arg(path, compression));
        auto files = std::make_unique<TarImageFiles>(path, tarFile);
        files->adoptTemporaryDir(std::move(dir), compression);
        return files;
    }
    if (head.size() < 512 || !TarIndex::looksLikeTarHeader(head.constData()))
        throw LoadError(QStringLiteral("%1: not an image archive (neither a tar archive, gzip or zstd data, "
                                       "nor an OCI layout directory)")
                            .arg(path));
    return std::make_unique<TarImageFiles>(path, path);
}

QByteArray ImageFiles::read(const QString &member, int64_t limit) const
{
    auto range = find(member);
    if (!range)
        throw LoadError(QStringLiteral("%1: %2 is missing%3").arg(m_sourcePath, member, damageNote()));
    return read(*range, member, limit);
}

QByteArray ImageFiles::read(const FileRange &range, const QString &member, int64_t limit) const
{
    if (range.size > limit) // every member read whole is JSON (the limit is LoadLimits::maxJsonBytes)
        throw LoadError(QStringLiteral("%1: %2: %3 bytes of JSON, %4")
                            .arg(m_sourcePath, member)
                            .arg(range.size)
                            .arg(overTheLimit(limit, MaxJsonBytesOption)));
    QFile file(range.file);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(range.offset))
        throw LoadError(QStringLiteral("%1: cannot read %2: %3").arg(m_sourcePath, member, file.errorString()));
    QByteArray bytes = file.read(range.size);
    if (bytes.size() != range.size)
        throw LoadError(QStringLiteral("%1: %2 is truncated").arg(m_sourcePath, member));
    return bytes;
}

} // namespace ballast
