#include "DockerfileDocument.h"

#include "document/DockerfileRecovery.h"
#include "util/AtomicWrite.h"

#include <QFile>
#include <QFileInfo>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>

namespace ballast {

DockerfileDocument::DockerfileDocument(QTextDocument *text, QObject *parent)
    : QObject(parent)
    , m_text(text)
    , m_recovery(std::make_unique<DockerfileRecovery>(QString(), DiskState()))
{
    Q_ASSERT(text);
    connect(m_text, &QTextDocument::contentsChanged, this, &DockerfileDocument::scheduleAutosave);
    connect(m_text, &QTextDocument::modificationChanged, this, [this](bool modified) {
        if (!modified) { // saved, reloaded, or undone back to the text on disk: nothing left to recover
            stopAutosave();
            m_recovery->remove();
        }
        emit modificationChanged(modified);
    });
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &DockerfileDocument::fileChangedOnDisk);
    setAutosaveDelays(2000, 30000);
    for (QTimer *timer : { &m_autosaveAfterEdit, &m_autosaveDeadline }) {
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, &DockerfileDocument::autosaveNow);
    }
    claimLeftovers();
}

DockerfileDocument::~DockerfileDocument()
{
    // A clean close went through discardEdits() or save(): the recovery file is gone. Edits nobody asked
    // about stay recoverable, even those typed within the pause before the next autosave.
    if (isModified() && (m_autosaveAfterEdit.isActive() || m_autosaveDeadline.isActive()))
        autosaveNow();
    else if (!isModified())
        m_recovery->remove();
}

bool DockerfileDocument::isModified() const
{
    return m_text && m_text->isModified();
}

bool DockerfileDocument::open(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1: cannot open: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const bool sameFile = m_path == absolute;
    unwatch();
    m_path = absolute;
    // Edits still in the text were not discarded by the person (they were asked otherwise): the old
    // recovery file, if any, is released, not deleted, and offered below.
    m_recovery = std::make_unique<DockerfileRecovery>(m_path, DiskState::ofContents(m_path, bytes));
    setText(QString::fromUtf8(bytes), sameFile);
    watch(m_path);
    emit loaded(sameFile);
    if (!sameFile)
        emit pathChanged(m_path);
    claimLeftovers();
    return true;
}

void DockerfileDocument::setText(const QString &text, bool sameFile)
{
    if (sameFile) { // as setPlainText(), no undo step leads back across a reload
        replaceChangedText(text);
        m_text->clearUndoRedoStacks();
    } else {
        m_text->setPlainText(text);
    }
    m_text->setModified(false);
}

// One edit that replaces only the part that differs, so that the instructions outside it keep their
// places (the image's measurements follow them).
void DockerfileDocument::replaceChangedText(const QString &text)
{
    const QString old = m_text->toPlainText();
    qsizetype prefix = 0, suffix = 0;
    while (prefix < old.size() && prefix < text.size() && old[prefix] == text[prefix])
        ++prefix;
    while (suffix < old.size() - prefix && suffix < text.size() - prefix
        && old[old.size() - 1 - suffix] == text[text.size() - 1 - suffix])
        ++suffix;
    QTextCursor cursor(m_text);
    cursor.beginEditBlock();
    cursor.setPosition(int(prefix));
    cursor.setPosition(int(old.size() - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(text.mid(prefix, text.size() - prefix - suffix));
    cursor.endEditBlock();
}

void DockerfileDocument::close()
{
    unwatch();
    const bool hadPath = !m_path.isEmpty();
    m_path.clear();
    m_recovery = std::make_unique<DockerfileRecovery>(QString(), DiskState());
    stopAutosave();
    m_text->clear();
    m_text->setModified(false);
    m_text->clearUndoRedoStacks();
    if (hadPath)
        emit pathChanged(m_path);
}

bool DockerfileDocument::save(QString *error)
{
    if (m_path.isEmpty()) { // an untitled text is saved with saveAs()
        if (error)
            *error = tr("The Dockerfile has no file name yet: save it as a file first");
        return false;
    }
    // Written to a temporary file renamed over the Dockerfile: a crash or a full disk never leaves a
    // half-written one.
    m_savingNow = true;
    const QByteArray bytes = m_text->toPlainText().toUtf8();
    if (QString reason; !writeAtomically(m_path, bytes, &reason)) {
        m_savingNow = false;
        if (error)
            *error = tr("%1: cannot save: %2").arg(m_path, reason);
        return false;
    }
    // The saved file is the new base of later edits (and, after Save As, the recovery file's name).
    m_recovery->remove();
    m_recovery = std::make_unique<DockerfileRecovery>(m_path, DiskState::ofContents(m_path, bytes));
    m_text->setModified(false);
    // The rename replaced the watched file: watch the new one.
    unwatch();
    watch(m_path);
    m_savingNow = false;
    return true;
}

bool DockerfileDocument::saveAs(const QString &path, QString *error)
{
    unwatch();
    m_path = QFileInfo(path).absoluteFilePath();
    const bool saved = save(error);
    emit pathChanged(m_path);
    return saved;
}

void DockerfileDocument::discardEdits()
{
    stopAutosave();
    m_recovery->remove();
}

bool DockerfileDocument::reload(QString *error)
{
    m_recovery->remove(); // the person chose the file on disk over the edits
    if (!open(m_path, error))
        return false;
    emit reloadedFromDisk();
    return true;
}

void DockerfileDocument::watch(const QString &path)
{
    if (!path.isEmpty())
        m_watcher.addPath(path);
}

void DockerfileDocument::unwatch()
{
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
}

void DockerfileDocument::fileChangedOnDisk()
{
    if (m_savingNow || m_path.isEmpty())
        return;
    if (!QFileInfo::exists(m_path)) {
        emit deletedOnDisk();
        return;
    }
    watch(m_path); // some editors replace the file, which drops the watch
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly) || QString::fromUtf8(file.readAll()) == m_text->toPlainText())
        return;
    if (isModified()) {
        emit changedOnDiskAndHere();
        return;
    }
    if (open(m_path))
        emit reloadedFromDisk();
}

void DockerfileDocument::setAutosaveDelays(int afterLastEditMs, int atLeastEveryMs)
{
    m_autosaveAfterEdit.setInterval(afterLastEditMs);
    m_autosaveDeadline.setInterval(atLeastEveryMs);
}

QString DockerfileDocument::recoveryFilePath() const
{
    return m_recovery->hasFile() ? m_recovery->path() : QString();
}

void DockerfileDocument::scheduleAutosave()
{
    m_autosaveAfterEdit.start(); // restarted by every edit
    if (!m_autosaveDeadline.isActive())
        m_autosaveDeadline.start(); // not restarted: continuous typing is saved too
}

void DockerfileDocument::stopAutosave()
{
    m_autosaveAfterEdit.stop();
    m_autosaveDeadline.stop();
}

void DockerfileDocument::autosaveNow()
{
    stopAutosave();
    if (!isModified())
        return;
    // On the GUI thread on purpose: a Dockerfile is a few KB and QSaveFile's write, flush and rename take
    // about a millisecond; a worker thread would only add ordering problems with remove().
    QString error;
    if (!m_recovery->write(m_text->toPlainText(), &error))
        qWarning("%s", qPrintable(error));
}

const DockerfileRecovery *DockerfileDocument::recoveryOffer() const
{
    return m_offers.empty() ? nullptr : m_offers.front().get();
}

void DockerfileDocument::claimLeftovers()
{
    for (auto &leftover : DockerfileRecovery::claimLeftovers())
        m_offers.push_back(std::move(leftover));
    // The edits to the Dockerfile just opened come first.
    const auto forThisFile = std::find_if(m_offers.begin(), m_offers.end(),
        [this](const auto &offer) { return !m_path.isEmpty() && offer->header().originalPath == m_path; });
    if (forThisFile != m_offers.end())
        std::rotate(m_offers.begin(), forThisFile, std::next(forThisFile));
    emit recoveryOffersChanged();
}

bool DockerfileDocument::restoreRecoveryOffer(QString *error)
{
    if (m_offers.empty())
        return false;
    std::unique_ptr<DockerfileRecovery> offer = std::move(m_offers.front());
    m_offers.pop_front();
    const QString original = offer->header().originalPath;
    if (!original.isEmpty() && QFileInfo::exists(original)) {
        if (!open(original, error)) {
            m_offers.push_front(std::move(offer));
            emit recoveryOffersChanged();
            return false;
        }
    } else { // untitled, or a file deleted since: a new text that saving writes there
        unwatch();
        m_path = original;
        m_text->clear();
        m_text->clearUndoRedoStacks();
        m_text->setModified(false);
        emit pathChanged(m_path);
    }
    // Replace the text with one undoable edit, so Undo shows the file on disk and the text is modified
    // until saved. The recovery file now belongs to this text and keeps being autosaved.
    replaceChangedText(offer->recoveredText());
    m_recovery = std::move(offer);
    emit recoveryOffersChanged();
    return true;
}

void DockerfileDocument::discardRecoveryOffer()
{
    if (m_offers.empty())
        return;
    m_offers.front()->remove();
    m_offers.pop_front();
    emit recoveryOffersChanged();
}

void DockerfileDocument::postponeRecoveryOffers()
{
    m_offers.clear(); // unlocks them; their files stay for the next session
    emit recoveryOffersChanged();
}

} // namespace ballast
