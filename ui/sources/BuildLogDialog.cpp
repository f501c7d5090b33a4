#include "BuildLogDialog.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

namespace ballast {

BuildLogDialog::BuildLogDialog(QWidget *parent)
    : QDialog(parent)
    , m_status(new QLabel(this))
    , m_log(new QPlainTextEdit(this))
    , m_cancel(new QPushButton(tr("Cancel Build"), this))
    , m_close(new QPushButton(tr("Close"), this))
{
    setObjectName(QStringLiteral("buildLogDialog"));
    setWindowTitle(tr("Rebuild"));
    m_status->setObjectName(QStringLiteral("buildStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_log->setObjectName(QStringLiteral("buildLog"));
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setMaximumBlockCount(20000); // a chatty build must not eat memory
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setToolTip(tr("What the builder prints, as it prints it"));
    m_cancel->setToolTip(tr("Stop the builder; the image that is open stays open"));
    m_close->setToolTip(tr("Close this log"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_log, 1);
    layout->addLayout(buttons);
    resize(760, 460);

    connect(m_cancel, &QPushButton::clicked, this, &BuildLogDialog::cancelRequested);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
}

void BuildLogDialog::startBuild(const QString &dockerfilePath, const QString &builder)
{
    m_running = true;
    setWindowTitle(tr("Rebuild %1").arg(QFileInfo(dockerfilePath).fileName()));
    m_status->setStyleSheet(QString());
    m_status->setText(builder.isEmpty()
            ? tr("Building <b>%1</b>…").arg(dockerfilePath.toHtmlEscaped())
            : tr("Building <b>%1</b> with %2…").arg(dockerfilePath.toHtmlEscaped(), builder.toHtmlEscaped()));
    m_log->clear();
    m_cancel->show();
    m_cancel->setEnabled(true);
    m_close->hide();
}

void BuildLogDialog::appendLine(const QString &line)
{
    QScrollBar *bar = m_log->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum(); // follow the output unless the user scrolled up
    m_log->appendPlainText(line);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void BuildLogDialog::showSucceeded(const QString &source)
{
    showFinished(
        tr("Built <b>%1</b>: opening it and comparing it with the image that was open.").arg(source.toHtmlEscaped()));
}

void BuildLogDialog::showFailed(const QString &message)
{
    showFinished(
        tr("<span style=\"color:#c62828\"><b>The build failed.</b> %1</span><br>The image that was open stays open.")
            .arg(message.toHtmlEscaped()));
}

void BuildLogDialog::showCancelled()
{
    showFinished(tr("The build was cancelled; the image that was open stays open."));
}

void BuildLogDialog::showFinished(const QString &html)
{
    m_running = false;
    m_status->setText(html);
    m_cancel->hide();
    m_close->show();
    m_close->setDefault(true);
}

void BuildLogDialog::reject()
{
    if (m_running) {
        m_cancel->setEnabled(false); // the cancelled signal comes back through showCancelled()
        emit cancelRequested();
        return;
    }
    QDialog::reject();
}

} // namespace ballast
