#include "LoadBanner.h"

#include "util/ByteFormat.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace ballast {

LoadBanner::LoadBanner(QWidget *parent)
    : QFrame(parent), m_message(new QLabel(this)), m_progress(new QProgressBar(this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_close(new QPushButton(tr("Dismiss"), this))
{
    setObjectName(QStringLiteral("loadBanner"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(320);
    m_cancel->setToolTip(tr("Stop loading (Esc)")); // the window's Esc action cancels too
    m_close->setToolTip(tr("Hide this message"));
    layout->addWidget(m_message, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    layout->addWidget(m_close);
    connect(m_cancel, &QPushButton::clicked, this, &LoadBanner::cancelRequested);
    connect(m_close, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

void LoadBanner::showLoading(const QString &path)
{
    setStyleSheet(QString());
    m_message->setText(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_close->hide();
    show();
}

void LoadBanner::showProgress(qint64 bytesDone, qint64 bytesTotal, int layersDone, int layersTotal, double secondsLeft)
{
    if (bytesTotal > 0)
        m_progress->setValue(int(1000 * bytesDone / bytesTotal));
    QString text = tr("Reading layers: %1 of %2, %3 of %4 layers done").arg(formatBytes(bytesDone), formatBytes(bytesTotal)).arg(layersDone).arg(layersTotal);
    if (secondsLeft >= 0)
        text += tr(", about %1 s left").arg(qMax(1, int(secondsLeft + 0.5)));
    m_message->setText(text);
}

void LoadBanner::showError(const QString &message)
{
    setStyleSheet(QStringLiteral("#loadBanner { border: 1px solid #c62828; }"));
    m_message->setText(tr("<b>Could not open the image.</b> %1").arg(message.toHtmlEscaped()));
    m_progress->hide();
    m_cancel->hide();
    m_close->show();
    show();
}

} // namespace ballast
