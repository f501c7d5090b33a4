#include "DockerfilePane.h"

#include "editor/DockerfileEditor.h"
#include "editor/DockerfileImageBinding.h"
#include "editor/DockerfileHighlighter.h"
#include "editor/DockerfileRecovery.h"
#include "editor/FindingsList.h"
#include "editor/ImageMatchBar.h"
#include "source/ImageBuild.h"
#include "util/ByteFormat.h"
#include "widgets/RecoveryBar.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QSaveFile>
#include <QSplitter>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ballast {

namespace {
QString offerMessage(const DockerfileRecovery &offer, size_t waiting)
{
    const RecoveryHeader &header = offer.header();
    const QString when = QLocale().toString(header.savedAt.toLocalTime(), QLocale::ShortFormat);
    const QFileInfo original(header.originalPath);
    QString text = header.originalPath.isEmpty()
        ? DockerfilePane::tr("Unsaved changes to <b>an untitled Dockerfile</b> from %1 were recovered.").arg(when)
        : DockerfilePane::tr("Unsaved changes to <b>%1</b> in %2 from %3 were recovered.")
              .arg(original.fileName().toHtmlEscaped(), original.absolutePath().toHtmlEscaped(), when);
    if (!header.originalPath.isEmpty()) {
        const DiskState now = DiskState::of(header.originalPath);
        if (header.diskWhenEdited.exists && !now.exists)
            text += DockerfilePane::tr(" The file no longer exists on disk; saving creates it again.");
        else if (!now.sameContents(header.diskWhenEdited))
            text += DockerfilePane::tr(" <b>The file on disk has changed since.</b>");
    }
    if (waiting > 1)
        text += DockerfilePane::tr(" (%n more after this one)", nullptr, int(waiting - 1));
    return text;
}
} // namespace

DockerfilePane::DockerfilePane(QWidget *parent)
    : QWidget(parent), m_editor(new DockerfileEditor(this)), m_linter(new DockerfileLinter(this)), m_findings(new FindingsList(this)),
      m_title(new QLabel(this)), m_summary(new QLabel(this)), m_rebuild(new QAction(tr("Re&build Image"), this)),
      m_matchBar(new ImageMatchBar(m_rebuild, this)), m_binding(new DockerfileImageBinding(this, m_linter, {m_editor, m_findings, m_summary, m_matchBar})),
      m_recoveryBar(new RecoveryBar(this)), m_recovery(std::make_unique<DockerfileRecovery>(QString(), DiskState()))
{
    setObjectName(QStringLiteral("dockerfilePane"));
    new DockerfileHighlighter(m_editor);
    auto *save = new QToolButton(this);
    save->setText(tr("Save"));
    save->setToolTip(tr("Save the Dockerfile (Ctrl+S)"));
    save->setShortcut(QKeySequence::Save);
    connect(save, &QToolButton::clicked, this, &DockerfilePane::save);
    m_rebuild->setObjectName(QStringLiteral("rebuildAction"));
    m_rebuild->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    connect(m_rebuild, &QAction::triggered, this, &DockerfilePane::requestRebuild);
    auto *rebuild = new QToolButton(this);
    m_rebuild->setIconText(tr("Rebuild"));
    rebuild->setDefaultAction(m_rebuild);
    connect(m_findings, &FindingsList::lineActivated, this, [this](int line) {
        QTextCursor cursor(m_editor->document()->findBlockByNumber(line - 1));
        m_editor->setTextCursor(cursor);
        m_editor->centerCursor();
        m_editor->setFocus();
    });

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_summary);
    header->addWidget(save);
    header->addWidget(rebuild);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_editor);
    splitter->addWidget(m_findings);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_recoveryBar);
    layout->addWidget(m_matchBar);
    layout->addWidget(splitter, 1);

    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        m_linter->textChanged(m_editor->toPlainText(), ++m_revision);
        scheduleAutosave();
        m_binding->textChanged();
    });
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, [this](bool modified) {
        if (!modified) { // saved, reloaded, or undone back to the text on disk: nothing left to recover
            m_autosaveAfterEdit.stop();
            m_autosaveDeadline.stop();
            m_recovery->remove();
        }
        updateTitle();
    });
    connect(m_linter, &DockerfileLinter::checked, this, &DockerfilePane::showCheck);
    connect(m_binding, &DockerfileImageBinding::layerLinesChanged, this, &DockerfilePane::layerLinesChanged);
    connect(m_matchBar, &ImageMatchBar::openBesideClicked, this, &DockerfilePane::openDockerfileRequested);
    connect(m_editor, &DockerfileEditor::layerClicked, this, &DockerfilePane::layerActivated);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &DockerfilePane::reloadFromDisk);

    setAutosaveDelays(2000, 30000);
    for (QTimer *timer : { &m_autosaveAfterEdit, &m_autosaveDeadline }) {
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, &DockerfilePane::autosaveNow);
    }
    connect(m_recoveryBar, &RecoveryBar::restoreClicked, this, &DockerfilePane::restoreOffer);
    connect(m_recoveryBar, &RecoveryBar::discardClicked, this, &DockerfilePane::discardOffer);
    connect(m_recoveryBar, &RecoveryBar::laterClicked, this, &DockerfilePane::postponeOffers);
    updateTitle();
    updateRebuildAction();
    offerLeftovers();
}

DockerfilePane::~DockerfilePane()
{
    m_editor->disconnect(this);
    m_editor->document()->disconnect(this);
    // A clean close went through maybeSave(): the edits were saved or discarded and their recovery file
    // is gone. Edits nobody asked about (the process is quitting some other way) stay recoverable.
    if (isModified() && (m_autosaveAfterEdit.isActive() || m_autosaveDeadline.isActive()))
        autosaveNow();
    else if (!isModified())
        m_recovery->remove();
}

bool DockerfilePane::openFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1: cannot open: %2").arg(path, file.errorString());
        return false;
    }
    if (!m_path.isEmpty())
        m_watcher.removePath(m_path);
    const bool sameFile = m_path == QFileInfo(path).absoluteFilePath();
    m_path = QFileInfo(path).absoluteFilePath();
    const QByteArray bytes = file.readAll();
    // Edits still in the buffer were not discarded by the user (they were asked otherwise): the old
    // recovery file, if any, is released, not deleted, and offered below.
    m_recovery = std::make_unique<DockerfileRecovery>(m_path, DiskState::ofContents(m_path, bytes));
    setText(QString::fromUtf8(bytes), sameFile);
    m_watcher.addPath(m_path);
    m_linter->lintNow(m_editor->toPlainText(), ++m_revision);
    // The file read again (changed on disk) was not built into the image: the image's text stays.
    if (!sameFile || !m_binding->isPaired())
        m_binding->pair();
    updateTitle();
    updateRebuildAction();
    offerLeftovers();
    return true;
}

void DockerfilePane::setText(const QString &text, bool sameFile)
{
    if (sameFile) { // as setPlainText(), no undo step leads back across a reload
        replaceChangedText(text);
        m_editor->document()->clearUndoRedoStacks();
    } else {
        m_editor->setPlainText(text);
    }
    m_editor->document()->setModified(false);
}

// One edit that replaces only the part that differs, so that the instructions outside it keep their
// places (the image's measurements follow them).
void DockerfilePane::replaceChangedText(const QString &text)
{
    const QString old = m_editor->toPlainText();
    qsizetype prefix = 0, suffix = 0;
    while (prefix < old.size() && prefix < text.size() && old[prefix] == text[prefix])
        ++prefix;
    while (suffix < old.size() - prefix && suffix < text.size() - prefix && old[old.size() - 1 - suffix] == text[text.size() - 1 - suffix])
        ++suffix;
    QTextCursor cursor(m_editor->document());
    cursor.beginEditBlock();
    cursor.setPosition(int(prefix));
    cursor.setPosition(int(old.size() - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(text.mid(prefix, text.size() - prefix - suffix));
    cursor.endEditBlock();
}

void DockerfilePane::closeFile()
{
    if (!m_path.isEmpty())
        m_watcher.removePath(m_path);
    m_path.clear();
    m_recovery = std::make_unique<DockerfileRecovery>(QString(), DiskState());
    m_autosaveAfterEdit.stop();
    m_autosaveDeadline.stop();
    m_editor->clear();
    m_editor->document()->setModified(false);
    m_editor->document()->clearUndoRedoStacks();
    m_linter->lintNow(QString(), ++m_revision);
    m_binding->pair();
    updateTitle();
    updateRebuildAction();
}

bool DockerfilePane::isModified() const { return m_editor->document()->isModified(); }

bool DockerfilePane::save()
{
    if (m_path.isEmpty())
        return saveAs();
    // QSaveFile writes a temporary file and renames it over the target: a crash or a full disk never
    // leaves a half-written Dockerfile.
    QSaveFile file(m_path);
    m_savingNow = true;
    const QByteArray bytes = m_editor->toPlainText().toUtf8();
    const bool ok = file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
    if (!ok) {
        m_savingNow = false;
        QMessageBox::warning(this, tr("Save failed"), tr("%1: cannot save: %2").arg(m_path, file.errorString()));
        return false;
    }
    // The saved file is the new base of later edits (and, after Save As, the recovery file's name).
    m_recovery->remove();
    m_recovery = std::make_unique<DockerfileRecovery>(m_path, DiskState::ofContents(m_path, bytes));
    m_editor->document()->setModified(false);
    // The rename replaced the watched file: watch the new one.
    m_watcher.removePath(m_path);
    m_watcher.addPath(m_path);
    m_savingNow = false;
    updateRebuildAction(); // after Save As, there is a file to build from
    return true;
}

bool DockerfilePane::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Dockerfile"), m_path.isEmpty() ? QStringLiteral("Dockerfile") : m_path);
    if (path.isEmpty())
        return false;
    if (!m_path.isEmpty())
        m_watcher.removePath(m_path);
    m_path = path;
    return save();
}

bool DockerfilePane::maybeSave()
{
    if (!isModified())
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved Dockerfile"),
                                             tr("%1 has unsaved changes. Save them?").arg(m_path.isEmpty() ? tr("The Dockerfile") : QFileInfo(m_path).fileName()),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    if (answer != QMessageBox::Discard)
        return false;
    m_autosaveAfterEdit.stop();
    m_autosaveDeadline.stop();
    m_recovery->remove();
    return true;
}

void DockerfilePane::reloadFromDisk()
{
    if (m_savingNow || m_path.isEmpty())
        return;
    if (!QFileInfo::exists(m_path)) {
        m_summary->setText(tr("<b>deleted on disk</b>"));
        return;
    }
    m_watcher.addPath(m_path); // some editors replace the file, which drops the watch
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly) || QString::fromUtf8(file.readAll()) == m_editor->toPlainText())
        return;
    if (isModified()) {
        const auto answer = QMessageBox::question(this, tr("Dockerfile changed on disk"),
                                                  tr("%1 changed on disk and here. Load the version on disk and lose your edits?").arg(QFileInfo(m_path).fileName()));
        if (answer != QMessageBox::Yes)
            return;
        m_recovery->remove();
    }
    openFile(m_path);
    emit fileChanged(m_path);
}

QTreeWidget *DockerfilePane::findingsList() const { return m_findings; }

void DockerfilePane::setImage(const LoadedImage &image, Pairing pairing)
{
    m_binding->setImage(image, pairing == Pairing::BuiltFromCurrentText ? DockerfileImageBinding::Pairing::BuiltFromCurrentText
                                                                        : DockerfileImageBinding::Pairing::SameImageKeepsBuiltText);
}

void DockerfilePane::setDockerfileBesideImage(const QString &path) { m_binding->setDockerfileBesideImage(path); }

void DockerfilePane::revealLayer(int layer) { m_binding->revealLayer(layer); }

int DockerfilePane::lineOfLayer(int layer) const { return m_binding->lineOfLayer(layer); }

bool DockerfilePane::showsMeasurementsBeforeEdits() const { return m_binding->showsMeasurementsBeforeEdits(); }

void DockerfilePane::showCheck(const DockerfileCheck &check)
{
    if (check.revision == m_revision) // else the text changed since; a newer check follows
        m_binding->showCheck(check);
}

void DockerfilePane::updateTitle()
{
    const QString name = m_path.isEmpty() ? tr("(no Dockerfile — File › Open Dockerfile…)") : m_path;
    m_title->setText(QStringLiteral("<b>%1</b>%2").arg(name.toHtmlEscaped(), isModified() ? QStringLiteral(" •") : QString()));
}

void DockerfilePane::updateRebuildAction()
{
    const QStringList builders = availableBuilders();
    m_rebuild->setEnabled(!m_path.isEmpty() && !builders.isEmpty());
    if (builders.isEmpty())
        m_rebuild->setToolTip(tr("Rebuild the image from this Dockerfile: needs docker, podman or buildah, and none is installed"));
    else
        m_rebuild->setToolTip(tr("Save, build the image again with %1 and compare it with the open one (Ctrl+B)").arg(builders.first()));
}

void DockerfilePane::requestRebuild()
{
    if (m_path.isEmpty() || !m_rebuild->isEnabled())
        return;
    if (isModified() && !save()) // the build reads the file on disk: it must hold these edits
        return;
    emit rebuildRequested(m_path);
}

void DockerfilePane::setAutosaveDelays(int afterLastEditMs, int atLeastEveryMs)
{
    m_autosaveAfterEdit.setInterval(afterLastEditMs);
    m_autosaveDeadline.setInterval(atLeastEveryMs);
}

QString DockerfilePane::recoveryFilePath() const { return m_recovery->hasFile() ? m_recovery->path() : QString(); }

void DockerfilePane::scheduleAutosave()
{
    m_autosaveAfterEdit.start(); // restarted by every edit
    if (!m_autosaveDeadline.isActive())
        m_autosaveDeadline.start(); // not restarted: continuous typing is saved too
}

void DockerfilePane::autosaveNow()
{
    m_autosaveAfterEdit.stop();
    m_autosaveDeadline.stop();
    if (!isModified())
        return;
    // On the GUI thread on purpose: a Dockerfile is a few KB and QSaveFile's write, flush and rename take
    // about a millisecond; a worker thread would only add ordering problems with remove().
    QString error;
    if (!m_recovery->write(m_editor->toPlainText(), &error))
        qWarning("%s", qPrintable(error));
}

void DockerfilePane::offerLeftovers()
{
    for (auto &leftover : DockerfileRecovery::claimLeftovers())
        m_offers.push_back(std::move(leftover));
    // The edits to the Dockerfile just opened come first.
    const auto forThisFile = std::find_if(m_offers.begin(), m_offers.end(), [this](const auto &offer) {
        return !m_path.isEmpty() && offer->header().originalPath == m_path;
    });
    if (forThisFile != m_offers.end())
        std::rotate(m_offers.begin(), forThisFile, std::next(forThisFile));
    showNextOffer();
}

void DockerfilePane::showNextOffer()
{
    if (m_offers.empty())
        m_recoveryBar->hide();
    else
        m_recoveryBar->showMessage(offerMessage(*m_offers.front(), m_offers.size()));
}

void DockerfilePane::restoreOffer()
{
    if (m_offers.empty())
        return;
    std::unique_ptr<DockerfileRecovery> offer = std::move(m_offers.front());
    m_offers.pop_front();
    if (!maybeSave()) { // the buffer holds edits of its own and the user keeps them
        m_offers.push_front(std::move(offer));
        return;
    }
    const QString original = offer->header().originalPath;
    if (!original.isEmpty() && QFileInfo::exists(original)) {
        if (QString error; !openFile(original, &error)) {
            QMessageBox::warning(this, tr("Cannot restore"), error);
            m_offers.push_front(std::move(offer));
            showNextOffer();
            return;
        }
    } else { // untitled, or a file deleted since: a new buffer that saving writes there
        if (!m_path.isEmpty())
            m_watcher.removePath(m_path);
        m_path = original;
        m_editor->clear();
        m_editor->document()->setModified(false);
    }
    // Replace the text with one undoable edit, so Undo shows the file on disk and the buffer is modified
    // until saved. The recovery file now belongs to this buffer and keeps being autosaved.
    replaceChangedText(offer->recoveredText());
    m_editor->setTextCursor(QTextCursor(m_editor->document()));
    m_recovery = std::move(offer);
    updateTitle();
    updateRebuildAction();
    showNextOffer();
}

void DockerfilePane::discardOffer()
{
    if (m_offers.empty())
        return;
    m_offers.front()->remove();
    m_offers.pop_front();
    showNextOffer();
}

void DockerfilePane::postponeOffers()
{
    m_offers.clear(); // unlocks them; their files stay for the next session
    m_recoveryBar->hide();
}

} // namespace ballast
