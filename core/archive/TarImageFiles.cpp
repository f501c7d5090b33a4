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

// Resolves a link target relative to the directory of `linkPath`; nullopt when it would leave the
// archive (absolute targets, or `..` above the top).
std::optional<std::string> resolveInside(const std::string &linkPath, const std::string &target)
{
    if (!target.empty() && target.front() == '/')
        return std::nullopt;
    std::vector<std::string> parts;
    auto slash = linkPath.rfind('/');
    std::string joined = (slash == std::string::npos ? std::string() : linkPath.substr(0, slash + 1)) + target;
    size_t start = 0;
    while (start <= joined.size()) {
        size_t end = joined.find('/', start);
        if (end == std::string::npos)
            end = joined.size();
        std::string part = joined.substr(start, end - start);
        if (part == "..") {
            if (parts.empty())
                return std::nullopt;
            parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = end + 1;
    }
    std::string out;
    for (const auto &part : parts)
        out += (out.empty() ? "" : "/") + part;
    return out;
}

} // namespace

TarImageFiles::TarImageFiles(QString sourcePath, const QString &tarFile) : ImageFiles(std::move(sourcePath)), m_tarFile(tarFile)
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
            auto next = resolveInside(path, entry.linkTarget);
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
        return FileRange {m_tarFile, entry.dataOffset, entry.size};
    }
    throw LoadError(QStringLiteral("%1: %2: too many levels of links (a link loop?)").arg(m_sourcePath, member));
}

QString TarImageFiles::damageNote() const
{
    if (m_endMarkerSeen)
        return {};
    return QStringLiteral("; the archive ends at byte %1 without a tar end-of-archive marker (truncated?)").arg(m_fileSize);
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

DirectoryImageFiles::DirectoryImageFiles(QString directory) : ImageFiles(std::move(directory))
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
    return FileRange {canonical, 0, QFileInfo(canonical).size()};
}

QStringList DirectoryImageFiles::topLevelNames() const
{
    return QDir(m_canonicalRoot).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

} // namespace ballast
