#include "DockerfilePane.h"

#include "editor/DockerfileEditor.h"
#include "editor/DockerfileHighlighter.h"
#include "util/ByteFormat.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QSaveFile>
#include <QSplitter>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ballast {

DockerfilePane::DockerfilePane(QWidget *parent)
    : QWidget(parent), m_editor(new DockerfileEditor(this)), m_linter(new DockerfileLinter(this)), m_findings(new QTreeWidget(this)),
      m_title(new QLabel(this)), m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("dockerfilePane"));
    new DockerfileHighlighter(m_editor->document());
    auto *save = new QToolButton(this);
    save->setText(tr("Save"));
    save->setToolTip(tr("Save the Dockerfile (Ctrl+S)"));
    save->setShortcut(QKeySequence::Save);
    connect(save, &QToolButton::clicked, this, &DockerfilePane::save);
    m_findings->setObjectName(QStringLiteral("dockerfileFindings"));
    m_findings->setColumnCount(5);
    m_findings->setHeaderLabels({tr("Line"), tr("Rule"), tr("Severity"), tr("Bytes"), tr("Message")});
    m_findings->setRootIsDecorated(false);
    m_findings->header()->setStretchLastSection(true);
    m_findings->setToolTip(tr("Findings on the Dockerfile, live as you type; double-click to go to the line"));
    connect(m_findings, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        QTextCursor cursor(m_editor->document()->findBlockByNumber(item->data(0, Qt::UserRole).toInt() - 1));
        m_editor->setTextCursor(cursor);
        m_editor->centerCursor();
        m_editor->setFocus();
    });

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_summary);
    header->addWidget(save);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_editor);
    splitter->addWidget(m_findings);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);

    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] { m_linter->textChanged(m_editor->toPlainText(), ++m_revision); });
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &DockerfilePane::updateTitle);
    connect(m_linter, &DockerfileLinter::checked, this, &DockerfilePane::showCheck);
    connect(m_editor, &DockerfileEditor::layerClicked, this, &DockerfilePane::layerActivated);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &DockerfilePane::reloadFromDisk);
    updateTitle();
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
    m_path = QFileInfo(path).absoluteFilePath();
    m_editor->setPlainText(QString::fromUtf8(file.readAll()));
    m_editor->document()->setModified(false);
    m_watcher.addPath(m_path);
    m_linter->lintNow(m_editor->toPlainText(), ++m_revision);
    updateTitle();
    return true;
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
    m_editor->document()->setModified(false);
    // The rename replaced the watched file: watch the new one.
    m_watcher.removePath(m_path);
    m_watcher.addPath(m_path);
    m_savingNow = false;
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
    return answer == QMessageBox::Discard;
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
    }
    openFile(m_path);
    emit fileChanged(m_path);
}

void DockerfilePane::setImage(const LoadedImage &image)
{
    m_image = image;
    m_linter->setImage(image);
}

void DockerfilePane::revealLayer(int layer)
{
    // Before the first check arrives there is no mapping yet: reveal it then.
    m_layerToReveal = m_editor->revealLayer(layer) ? -1 : layer;
}

void DockerfilePane::showCheck(const DockerfileCheck &check)
{
    if (check.revision != m_revision)
        return; // the text changed since; a newer check follows
    m_editor->setCheck(check, m_image.image.get());
    if (m_layerToReveal >= 0 && m_editor->revealLayer(m_layerToReveal))
        m_layerToReveal = -1;
    m_findings->clear();
    int errors = 0, warnings = 0;
    for (const LintFinding &finding : check.findings) {
        auto *item = new QTreeWidgetItem(m_findings, {QString::number(finding.line), finding.rule, QLatin1String(lintSeverityName(finding.severity)),
                                                      finding.bytes ? formatBytes(*finding.bytes) : QString(), finding.message});
        item->setData(0, Qt::UserRole, finding.line);
        item->setToolTip(4, finding.message);
        errors += finding.severity == LintSeverity::Error;
        warnings += finding.severity == LintSeverity::Warning;
    }
    for (int column = 0; column < 4; ++column)
        m_findings->resizeColumnToContents(column);
    m_summary->setText(tr("%n finding(s)", nullptr, int(check.findings.size())) + (errors ? tr(", %1 errors").arg(errors) : QString())
                       + (warnings ? tr(", %1 warnings").arg(warnings) : QString()));
}

void DockerfilePane::updateTitle()
{
    const QString name = m_path.isEmpty() ? tr("(no Dockerfile — File › Open Dockerfile…)") : m_path;
    m_title->setText(QStringLiteral("<b>%1</b>%2").arg(name.toHtmlEscaped(), isModified() ? QStringLiteral(" •") : QString()));
}

} // namespace ballast
