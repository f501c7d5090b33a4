#include "DockerfilePane.h"

#include "document/DockerfileDocument.h"
#include "document/DockerfileRecovery.h"
#include "editor/DockerfileEditor.h"
#include "editor/DockerfileHighlighter.h"
#include "editor/DockerfileImageBinding.h"
#include "editor/FindingsList.h"
#include "editor/ImageMatchBar.h"
#include "source/ImageBuild.h"
#include "util/ByteFormat.h"
#include "widgets/RecoveryBar.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QSplitter>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

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
    : QWidget(parent)
    , m_editor(new DockerfileEditor(this))
    , m_document(std::make_unique<DockerfileDocument>(m_editor->document()))
    , m_linter(new DockerfileLinter(this))
    , m_findings(new FindingsList(this))
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_rebuild(new QAction(tr("Re&build Image"), this))
    , m_matchBar(new ImageMatchBar(m_rebuild, this))
    , m_binding(new DockerfileImageBinding(this, m_linter, { m_editor, m_findings, m_summary, m_matchBar }))
    , m_recoveryBar(new RecoveryBar(this))
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
        m_binding->textChanged();
    });
    connect(m_linter, &DockerfileLinter::checked, this, &DockerfilePane::showCheck);
    connect(m_binding, &DockerfileImageBinding::layerLinesChanged, this, &DockerfilePane::layerLinesChanged);
    connect(m_matchBar, &ImageMatchBar::openBesideClicked, this, &DockerfilePane::openDockerfileRequested);
    connect(m_editor, &DockerfileEditor::layerClicked, this, &DockerfilePane::layerActivated);

    DockerfileDocument *document = m_document.get();
    connect(document, &DockerfileDocument::loaded, this, &DockerfilePane::textLoaded);
    connect(document, &DockerfileDocument::pathChanged, this, [this] {
        updateTitle();
        updateRebuildAction(); // after Save As, there is a file to build from
    });
    connect(document, &DockerfileDocument::modificationChanged, this, &DockerfilePane::updateTitle);
    connect(document, &DockerfileDocument::reloadedFromDisk, this, [this] { emit fileChanged(filePath()); });
    connect(document, &DockerfileDocument::changedOnDiskAndHere, this, &DockerfilePane::askToReload);
    connect(document, &DockerfileDocument::deletedOnDisk, this,
        [this] { m_summary->setText(tr("<b>deleted on disk</b>")); });
    connect(document, &DockerfileDocument::recoveryOffersChanged, this, &DockerfilePane::showNextOffer);
    connect(m_recoveryBar, &RecoveryBar::restoreClicked, this, &DockerfilePane::restoreOffer);
    connect(m_recoveryBar, &RecoveryBar::discardClicked, document, &DockerfileDocument::discardRecoveryOffer);
    connect(m_recoveryBar, &RecoveryBar::laterClicked, document, &DockerfileDocument::postponeRecoveryOffers);
    updateTitle();
    updateRebuildAction();
    showNextOffer();
}

DockerfilePane::~DockerfilePane()
{
    m_editor->disconnect(this);
    m_editor->document()->disconnect(this);
    m_document->disconnect(this);
}

const QString &DockerfilePane::filePath() const
{
    return m_document->path();
}

bool DockerfilePane::isModified() const
{
    return m_document->isModified();
}

bool DockerfilePane::openFile(const QString &path, QString *error)
{
    return m_document->open(path, error);
}

// A file's text is in the editor: lint it, and pair it with the image unless it is the file read again
// after a change on disk, which was not built into the image (the image's text stays).
void DockerfilePane::textLoaded(bool sameFile)
{
    if (!sameFile)
        m_editor->moveCursor(QTextCursor::Start);
    m_linter->lintNow(m_editor->toPlainText(), ++m_revision);
    if (!sameFile || !m_binding->isPaired())
        m_binding->pair();
    updateTitle();
    updateRebuildAction();
}

void DockerfilePane::closeFile()
{
    m_document->close();
    m_linter->lintNow(QString(), ++m_revision);
    m_binding->pair();
    updateTitle();
    updateRebuildAction();
}

bool DockerfilePane::save()
{
    if (filePath().isEmpty())
        return saveAs();
    QString error;
    if (!m_document->save(&error)) {
        QMessageBox::warning(this, tr("Save failed"), error);
        return false;
    }
    return true;
}

bool DockerfilePane::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Dockerfile"), filePath().isEmpty() ? QStringLiteral("Dockerfile") : filePath());
    if (path.isEmpty())
        return false;
    QString error;
    if (!m_document->saveAs(path, &error)) {
        QMessageBox::warning(this, tr("Save failed"), error);
        return false;
    }
    return true;
}

bool DockerfilePane::maybeSave()
{
    if (!isModified())
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved Dockerfile"),
        tr("%1 has unsaved changes. Save them?")
            .arg(filePath().isEmpty() ? tr("The Dockerfile") : QFileInfo(filePath()).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    if (answer != QMessageBox::Discard)
        return false;
    m_document->discardEdits();
    return true;
}

void DockerfilePane::askToReload()
{
    const auto answer = QMessageBox::question(this, tr("Dockerfile changed on disk"),
        tr("%1 changed on disk and here. Load the version on disk and lose your edits?")
            .arg(QFileInfo(filePath()).fileName()));
    if (answer != QMessageBox::Yes)
        return;
    if (QString error; !m_document->reload(&error))
        QMessageBox::warning(this, tr("Cannot reload"), error);
}

void DockerfilePane::setImage(const LoadedImage &image, Pairing pairing)
{
    m_binding->setImage(image,
        pairing == Pairing::BuiltFromCurrentText ? DockerfileImageBinding::Pairing::BuiltFromCurrentText
                                                 : DockerfileImageBinding::Pairing::SameImageKeepsBuiltText);
}

void DockerfilePane::setDockerfileBesideImage(const QString &path)
{
    m_binding->setDockerfileBesideImage(path);
}

void DockerfilePane::revealLayer(int layer)
{
    m_binding->revealLayer(layer);
}

int DockerfilePane::lineOfLayer(int layer) const
{
    return m_binding->lineOfLayer(layer);
}

bool DockerfilePane::showsMeasurementsBeforeEdits() const
{
    return m_binding->showsMeasurementsBeforeEdits();
}

void DockerfilePane::showCheck(const DockerfileCheck &check)
{
    if (check.revision == m_revision) // else the text changed since; a newer check follows
        m_binding->showCheck(check);
}

void DockerfilePane::updateTitle()
{
    const QString name = filePath().isEmpty() ? tr("(no Dockerfile — File › Open Dockerfile…)") : filePath();
    m_title->setText(
        QStringLiteral("<b>%1</b>%2").arg(name.toHtmlEscaped(), isModified() ? QStringLiteral(" •") : QString()));
}

void DockerfilePane::updateRebuildAction()
{
    const QStringList builders = availableBuilders();
    m_rebuild->setEnabled(!filePath().isEmpty() && !builders.isEmpty());
    if (builders.isEmpty())
        m_rebuild->setToolTip(
            tr("Rebuild the image from this Dockerfile: needs docker, podman or buildah, and none is installed"));
    else
        m_rebuild->setToolTip(
            tr("Save, build the image again with %1 and compare it with the open one (Ctrl+B)").arg(builders.first()));
}

void DockerfilePane::requestRebuild()
{
    if (filePath().isEmpty() || !m_rebuild->isEnabled())
        return;
    if (isModified() && !save()) // the build reads the file on disk: it must hold these edits
        return;
    emit rebuildRequested(filePath());
}

void DockerfilePane::setAutosaveDelays(int afterLastEditMs, int atLeastEveryMs)
{
    m_document->setAutosaveDelays(afterLastEditMs, atLeastEveryMs);
}

QString DockerfilePane::recoveryFilePath() const
{
    return m_document->recoveryFilePath();
}

bool DockerfilePane::hasRecoveryOffer() const
{
    return m_document->recoveryOffer() != nullptr;
}

void DockerfilePane::showNextOffer()
{
    if (const DockerfileRecovery *offer = m_document->recoveryOffer())
        m_recoveryBar->showMessage(offerMessage(*offer, m_document->recoveryOfferCount()));
    else
        m_recoveryBar->hide();
}

void DockerfilePane::restoreOffer()
{
    if (!hasRecoveryOffer() || !maybeSave()) // the buffer may hold edits of its own, which the user keeps
        return;
    if (QString error; !m_document->restoreRecoveryOffer(&error)) {
        QMessageBox::warning(this, tr("Cannot restore"), error);
        return;
    }
    m_editor->setTextCursor(QTextCursor(m_editor->document()));
}

} // namespace ballast
