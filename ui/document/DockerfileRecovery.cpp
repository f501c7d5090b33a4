#include "DockerfileRecovery.h"

#include "util/AtomicWrite.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>

namespace ballast {

namespace {
// A recovery file: this magic line, one line of JSON (the header), then the text as UTF-8.
constexpr char Magic[] = "ballast-recovery 1\n";
constexpr auto Suffix = QLatin1String(".recovery");

QString hexSha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// "Dockerfile-3fa2c1d0e4b5a6f7" for /src/app/Dockerfile: the name helps a person looking in the folder, the
// hash of the absolute path keeps two Dockerfiles apart.
QString stemFor(const QString &originalPath)
{
    QString name = QFileInfo(originalPath).fileName().left(40);
    for (QChar &c : name)
        if (!c.isLetterOrNumber() && c != u'.' && c != u'-' && c != u'_')
            c = u'_';
    return name + u'-' + hexSha256(originalPath.toUtf8()).left(16);
}

QJsonObject toJson(const RecoveryHeader &header)
{
    const DiskState &disk = header.diskWhenEdited;
    return { { QStringLiteral("path"), header.originalPath },
        { QStringLiteral("savedAt"), header.savedAt.toString(Qt::ISODateWithMs) },
        { QStringLiteral("disk"),
            QJsonObject { { QStringLiteral("exists"), disk.exists }, { QStringLiteral("size"), disk.size },
                { QStringLiteral("modified"), disk.modified.toString(Qt::ISODateWithMs) },
                { QStringLiteral("sha256"), QString::fromLatin1(disk.sha256) } } } };
}

RecoveryHeader fromJson(const QJsonObject &json)
{
    RecoveryHeader header;
    header.originalPath = json.value(QStringLiteral("path")).toString();
    header.savedAt = QDateTime::fromString(json.value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs);
    const QJsonObject disk = json.value(QStringLiteral("disk")).toObject();
    header.diskWhenEdited.exists = disk.value(QStringLiteral("exists")).toBool();
    header.diskWhenEdited.size = disk.value(QStringLiteral("size")).toInteger(-1);
    header.diskWhenEdited.modified
        = QDateTime::fromString(disk.value(QStringLiteral("modified")).toString(), Qt::ISODateWithMs);
    header.diskWhenEdited.sha256 = disk.value(QStringLiteral("sha256")).toString().toLatin1();
    return header;
}
} // namespace

DiskState DiskState::of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return ofContents(path, file.readAll());
}

DiskState DiskState::ofContents(const QString &path, const QByteArray &bytes)
{
    return { true, bytes.size(), QFileInfo(path).lastModified().toUTC(), hexSha256(bytes).toLatin1() };
}

DockerfileRecovery::DockerfileRecovery(const QString &originalPath, const DiskState &diskWhenEdited)
    : m_header { originalPath, {}, diskWhenEdited }
{ }

DockerfileRecovery::~DockerfileRecovery()
{
    release();
}

QString DockerfileRecovery::directory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/recovery");
}

std::vector<std::unique_ptr<DockerfileRecovery>> DockerfileRecovery::claimLeftovers()
{
    std::vector<std::unique_ptr<DockerfileRecovery>> leftovers;
    const QFileInfoList files
        = QDir(directory()).entryInfoList({ QLatin1Char('*') + Suffix }, QDir::Files, QDir::Time | QDir::Reversed);
    for (const QFileInfo &file : files) {
        std::unique_ptr<DockerfileRecovery> leftover(new DockerfileRecovery);
        if (!leftover->lock(file.absoluteFilePath()))
            continue; // a live instance is editing it
        QString error;
        if (!read(leftover->m_path, leftover->m_header, leftover->m_text, &error)) {
            qWarning("%s", qPrintable(error)); // leave it for a person to look at; never delete what we cannot read
            continue;
        }
        leftovers.push_back(std::move(leftover));
    }
    return leftovers;
}

bool DockerfileRecovery::read(const QString &recoveryPath, RecoveryHeader &header, QString &text, QString *error)
{
    auto fail = [&](const QString &what) {
        if (error)
            *error = QStringLiteral("%1: not a Ballast recovery file: %2").arg(recoveryPath, what);
        return false;
    };
    QFile file(recoveryPath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    const QByteArray bytes = file.readAll();
    if (!bytes.startsWith(Magic))
        return fail(QStringLiteral("the first line is not \"%1\"").arg(QLatin1String(Magic).trimmed()));
    const qsizetype headerStart = qsizetype(sizeof(Magic) - 1);
    const qsizetype headerEnd = bytes.indexOf('\n', headerStart);
    if (headerEnd < 0)
        return fail(QStringLiteral("the header line has no end"));
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(bytes.mid(headerStart, headerEnd - headerStart), &parseError);
    if (!json.isObject())
        return fail(
            QStringLiteral("header at byte %1: %2").arg(headerStart + parseError.offset).arg(parseError.errorString()));
    header = fromJson(json.object());
    text = QString::fromUtf8(bytes.mid(headerEnd + 1));
    return true;
}

bool DockerfileRecovery::write(const QString &text, QString *error)
{
    QDir().mkpath(directory());
    if (!m_locked && !claimName()) {
        if (error)
            *error = QStringLiteral("%1: no free recovery file name for %2").arg(directory(), m_header.originalPath);
        return false;
    }
    m_header.savedAt = QDateTime::currentDateTimeUtc();
    QByteArray bytes = Magic;
    bytes += QJsonDocument(toJson(m_header)).toJson(QJsonDocument::Compact) + '\n';
    bytes += text.toUtf8();
    if (QString reason; !writeAtomically(m_path, bytes, &reason)) {
        if (error)
            *error = QStringLiteral("%1: cannot write the recovery file: %2").arg(m_path, reason);
        return false;
    }
    return true;
}

bool DockerfileRecovery::hasFile() const
{
    return m_locked && QFile::exists(m_path);
}

void DockerfileRecovery::remove()
{
    if (!m_locked)
        return;
    QFile::remove(m_path);
    release();
}

void DockerfileRecovery::release()
{
    if (m_lock)
        m_lock->unlock();
    m_lock.reset();
    m_locked = false;
}

bool DockerfileRecovery::lock(const QString &path)
{
    m_path = path;
    m_lock = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0); // stale only when the owning process is gone, however old the lock
    m_locked = m_lock->tryLock(0);
    return m_locked;
}

bool DockerfileRecovery::claimName()
{
    // A name whose file exists belongs to edits not yet restored or discarded (maybe offered right now
    // in this very pane): never write over it, take the next one.
    const QString stem = m_header.originalPath.isEmpty() ? QStringLiteral("untitled") : stemFor(m_header.originalPath);
    for (int n = 1; n < 1000; ++n) {
        const bool numbered = m_header.originalPath.isEmpty() || n > 1;
        const QString candidate
            = directory() + u'/' + stem + (numbered ? QStringLiteral("-%1").arg(n) : QString()) + Suffix;
        if (!lock(candidate))
            continue;
        if (!QFile::exists(candidate))
            return true;
        release();
    }
    return false;
}

} // namespace ballast
