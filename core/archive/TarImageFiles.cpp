#include "TarImageFiles.h"

#include "util/LoadError.h"
#include "util/PathNormalizer.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>

namespace ballast {
namespace {

constexpr int MaxLinkHops = 40; // the same bound as Linux's symlink resolution

} // namespace

TarImageFiles::TarImageFiles(QString sourcePath, const QString &tarFile)
    : ImageFiles(std::move(sourcePath))
    , m_tarFile(tarFile)
{
    TarListing listing = TarIndex::read(tarFile);
    m_members = std::move(listing.members);
    m_endMarkerSeen = listing.endMarkerSeen;
    m_fileSize = listing.fileSize;
    for (size_t i = 0; i < m_members.size(); ++i)
        m_byPath[m_members[i].path] = i;
}

void TarImageFiles::adoptTemporaryDir(std::unique_ptr<QTemporaryDir> dir, QString compression)
{
    m_tempDir = std::move(dir);
    m_outerCompression = std::move(compression);
}

std::optional<FileRange> TarImageFiles::find(const QString &member) const
{
    std::string path = normalizeEntryPath(member.toStdString());
    for (int hop = 0; hop <= MaxLinkHops; ++hop) {
        auto it = m_byPath.find(path);
        if (it == m_byPath.end())
            return std::nullopt;
        const TarMember &entry = m_members[it->second];
        if (entry.type == '2') {
            const size_t slash = path.rfind('/');
            auto next = resolveInside(
                slash == std::string::npos ? std::string_view() : std::string_view(path).substr(0, slash),
                entry.linkTarget);
            if (!next)
                throw LoadError(QStringLiteral("%1: %2 is a link to %3, which is outside the archive")
                                    .arg(m_sourcePath, member, QString::fromStdString(entry.linkTarget)));
            path = *next;
            continue;
        }
        if (entry.type == '1') { // hardlinks name another member by its archive path
            path = normalizeEntryPath(entry.linkTarget);
            continue;
        }
        if (entry.type != '0' && entry.type != '7')
            return std::nullopt;
        return FileRange { m_tarFile, entry.dataOffset, entry.size };
    }
    throw LoadError(QStringLiteral("%1: %2: too many levels of links (a link loop?)").arg(m_sourcePath, member));
}

QString TarImageFiles::damageNote() const
{
    if (m_endMarkerSeen)
        return {};
    return QStringLiteral("; the archive ends at byte %1 without a tar end-of-archive marker (truncated?)")
        .arg(m_fileSize);
}

QStringList TarImageFiles::topLevelNames() const
{
    QSet<QString> seen;
    QStringList names;
    for (const auto &member : m_members) {
        QString top = QString::fromStdString(member.path.substr(0, member.path.find('/')));
        if (!top.isEmpty() && !seen.contains(top)) {
            seen.insert(top);
            names << top;
        }
    }
    return names;
}

DirectoryImageFiles::DirectoryImageFiles(QString directory)
    : ImageFiles(std::move(directory))
{
    m_canonicalRoot = QFileInfo(m_sourcePath).canonicalFilePath();
}

std::optional<FileRange> DirectoryImageFiles::find(const QString &member) const
{
    const QString relative = QString::fromStdString(normalizeEntryPath(member.toStdString()));
    QFileInfo info(QDir(m_canonicalRoot).filePath(relative));
    if (!info.exists()) {
        if (info.isSymLink()) // exists() follows links: a loop or a dangling link looks absent
            throw LoadError(QStringLiteral("%1: %2: a link loop or a dangling link").arg(m_sourcePath, member));
        return std::nullopt;
    }
    const QString canonical = info.canonicalFilePath();
    if (canonical.isEmpty())
        throw LoadError(QStringLiteral("%1: %2: a link loop or a dangling link").arg(m_sourcePath, member));
    if (!canonical.startsWith(m_canonicalRoot + QLatin1Char('/')))
        throw LoadError(QStringLiteral("%1: %2 is a link to %3, which is outside the layout directory")
                            .arg(m_sourcePath, member, canonical));
    if (!QFileInfo(canonical).isFile())
        return std::nullopt;
    return FileRange { canonical, 0, QFileInfo(canonical).size() };
}

QStringList DirectoryImageFiles::topLevelNames() const
{
    return QDir(m_canonicalRoot).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

} // namespace ballast
