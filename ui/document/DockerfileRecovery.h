#pragma once
#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>
#include <vector>

class QLockFile;

namespace ballast {

// The Dockerfile on disk as it was when an edit started: later compared with the file to tell the user
// that it changed since. The hash decides; size and time are there for people reading the header.
struct DiskState {
    bool exists = false;
    qint64 size = -1;
    QDateTime modified;
    QByteArray sha256; // hex

    static DiskState of(const QString &path);
    static DiskState ofContents(const QString &path, const QByteArray &bytes);
    bool sameContents(const DiskState &other) const { return exists == other.exists && sha256 == other.sha256; }
};

// What a recovery file holds besides the text.
struct RecoveryHeader {
    QString originalPath; // absolute; empty for a buffer that never had a file
    QDateTime savedAt;
    DiskState diskWhenEdited;
};

// One recovery file: the autosaved text of one edited Dockerfile, in
// AppLocalDataLocation/recovery/, named from a hash of the Dockerfile's absolute path (untitled-<n>
// for a buffer without a file). A QLockFile beside it says which live process owns it: a second
// instance neither offers nor deletes it, and the lock of a process that died is taken over (QLockFile
// checks whether its PID still runs). Nothing is created on disk before the first write.
class DockerfileRecovery {
public:
    DockerfileRecovery(const QString &originalPath, const DiskState &diskWhenEdited);
    ~DockerfileRecovery(); // unlocks and leaves the file: only remove() deletes it
    DockerfileRecovery(const DockerfileRecovery &) = delete;
    DockerfileRecovery &operator=(const DockerfileRecovery &) = delete;

    static QString directory();
    // Recovery files whose owner is gone (or never locked them), locked for this caller so that no other
    // instance offers them at the same time. Oldest first. Files that cannot be read stay untouched.
    static std::vector<std::unique_ptr<DockerfileRecovery>> claimLeftovers();
    // Reads a recovery file; false with a message naming the file when it is not one.
    static bool read(const QString &recoveryPath, RecoveryHeader &header, QString &text, QString *error = nullptr);

    // Atomically replaces the recovery file with `text` (QSaveFile); takes a name and its lock first.
    bool write(const QString &text, QString *error = nullptr);
    void remove(); // the edits were saved or discarded: delete the file
    void release(); // keep the file for the next session, drop the lock

    bool hasFile() const; // written (or left over) and owned by this object
    const QString &path() const { return m_path; }
    const RecoveryHeader &header() const { return m_header; }
    // For leftovers: the recovered text.
    const QString &recoveredText() const { return m_text; }

private:
    DockerfileRecovery() = default;
    bool claimName();
    bool lock(const QString &path);

    RecoveryHeader m_header;
    QString m_text;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    bool m_locked = false;
};

} // namespace ballast
