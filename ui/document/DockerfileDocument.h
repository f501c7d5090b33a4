#pragma once
#include <QFileSystemWatcher>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <memory>

class QTextDocument;

namespace ballast {

class DockerfileRecovery;

// A Dockerfile being edited, without any widget: its file, the text (a QTextDocument that an editor may
// show), whether it has unsaved edits, the file on disk changing under it, and the edits kept safe from
// a crash. Saves are atomic (QSaveFile): a failed save leaves the file on disk as it was. Unsaved edits
// are autosaved to a recovery file (DockerfileRecovery) after a pause, and edits that a session which
// died left behind are offered back (recoveryOffer()) until they are restored, discarded or postponed.
// Questions to the person (save? reload?) are the caller's: this object only says when one arises.
class DockerfileDocument : public QObject {
    Q_OBJECT
public:
    // `text` is read and written here; it must outlive this object. Claims the recovery files left by
    // sessions that died.
    explicit DockerfileDocument(QTextDocument *text, QObject *parent = nullptr);
    // Edits nobody saved or discarded (the process is quitting without asking) are written to the
    // recovery file; without edits, the recovery file is deleted.
    ~DockerfileDocument() override;

    QTextDocument *text() const { return m_text; }
    // Absolute; empty when the text has no file (none opened, or an untitled recovered buffer).
    const QString &path() const { return m_path; }
    bool isModified() const;

    // Reads `path` into the text (as one edit that keeps the unchanged lines in place, when it is the
    // file already open). False with "<path>: cannot open: <why>" and nothing changed when it cannot.
    bool open(const QString &path, QString *error = nullptr);
    // Leaves no file and no text. Ask about unsaved edits first.
    void close();
    // Writes the text to path(), atomically. False with "<path>: cannot save: <why>" and the file on
    // disk untouched when it cannot.
    bool save(QString *error = nullptr);
    bool saveAs(const QString &path, QString *error = nullptr);
    // The person threw the edits away: there is nothing left to recover.
    void discardEdits();
    // Replaces the text and its edits with the file on disk (after changedOnDiskAndHere()).
    bool reload(QString *error = nullptr);

    // The recovery file is written this long after the last edit, and at least this often while the
    // typing goes on (2 s and 30 s: a crash loses at most a few seconds of work, and a fast typist does
    // not rewrite the file on every key). Tests shorten both.
    void setAutosaveDelays(int afterLastEditMs, int atLeastEveryMs);
    // The recovery file holding this text's unsaved edits; empty when there is none.
    QString recoveryFilePath() const;

    // Edits left by sessions that died, the one for the open file first; nullptr when none waits.
    const DockerfileRecovery *recoveryOffer() const;
    size_t recoveryOfferCount() const { return m_offers.size(); }
    // Puts the offered text in place as one undoable, unsaved edit of its file (or of an untitled text
    // when the file is gone). Ask about unsaved edits first. False with a message naming the file when
    // the file cannot be read; the offer then stays.
    bool restoreRecoveryOffer(QString *error = nullptr);
    void discardRecoveryOffer();
    // Keeps every offer for the next session.
    void postponeRecoveryOffers();

signals:
    // open() put a file's text in place; `sameFile` when it was the file already open.
    void loaded(bool sameFile);
    void pathChanged(const QString &path);
    void modificationChanged(bool modified);
    // The file changed on disk while the text had no edits: the text is the new file's now.
    void reloadedFromDisk();
    // The file changed on disk and the text has edits: reload() takes the file's, doing nothing keeps them.
    void changedOnDiskAndHere();
    void deletedOnDisk();
    void recoveryOffersChanged();

private:
    void setText(const QString &text, bool sameFile);
    void replaceChangedText(const QString &text);
    void watch(const QString &path);
    void unwatch();
    void fileChangedOnDisk();
    void scheduleAutosave();
    void stopAutosave();
    void autosaveNow();
    void claimLeftovers();

    QPointer<QTextDocument> m_text;
    QString m_path;
    bool m_savingNow = false;
    QFileSystemWatcher m_watcher;
    std::unique_ptr<DockerfileRecovery> m_recovery; // this text's
    std::deque<std::unique_ptr<DockerfileRecovery>> m_offers; // left by sessions that died, locked by us
    QTimer m_autosaveAfterEdit;
    QTimer m_autosaveDeadline;
};

} // namespace ballast
