#include "LoadBanner.h"

#include "source/SourceReference.h"
#include "sources/SourceText.h"
#include "util/ByteFormat.h"
#include "util/LoadError.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <cmath>

namespace ballast {

LoadBanner::LoadBanner(QWidget *parent)
    : QFrame(parent)
    , m_message(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_close(new QPushButton(tr("Dismiss"), this))
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
    startLoading(tr("Opening %1…").arg(sourceDisplayName(path)));
}

void LoadBanner::showComparing(const QString &sourceA, const QString &sourceB)
{
    startLoading(tr("Opening %1 ↔ %2…").arg(sourceDisplayName(sourceA), sourceDisplayName(sourceB)));
}

void LoadBanner::startLoading(const QString &message)
{
    setStyleSheet(QString());
    m_message->setText(message);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->show();
    m_cancel->show();
    m_close->hide();
    show();
}

void LoadBanner::showProgress(qint64 bytesDone, qint64 bytesTotal, int layersDone, int layersTotal, double secondsLeft)
{
    if (bytesTotal <= 0 && layersTotal <= 0) {
        m_progress->setRange(0, 0); // nothing measured yet (a comparison fetching its images): busy, keep the message
        return;
    }
    m_progress->setRange(0, 1000);
    if (bytesTotal > 0)
        m_progress->setValue(int(1000 * bytesDone / bytesTotal));
    QString text = tr("Reading layers: %1 of %2, %3 of %4 layers done")
                       .arg(formatBytes(bytesDone), formatBytes(bytesTotal))
                       .arg(layersDone)
                       .arg(layersTotal);
    if (secondsLeft >= 0)
        text += tr(", about %1 s left").arg(qMax(1, int(std::lround(secondsLeft))));
    m_message->setText(text);
}

void LoadBanner::showFetching(const QString &source, qint64 bytesReceived)
{
    m_progress->setRange(0, 0); // the size is unknown until the last byte: a busy bar, not 0 %
    SourceReference reference;
    try {
        reference = parseSourceReference(source);
    } catch (const LoadError &) {
        reference.text = source;
    }
    const QString received = formatBytes(bytesReceived);
    switch (reference.kind) {
    case SourceReference::Kind::Registry:
        m_message->setText(tr("Pulling %1 — %2 received").arg(source, received));
        break;
    case SourceReference::Kind::Docker:
    case SourceReference::Kind::Podman:
    case SourceReference::Kind::Buildah:
        m_message->setText(tr("Exporting %1 from %2 — %3 received")
                               .arg(source, source.section(QStringLiteral("://"), 0, 0), received));
        break;
    default:
        m_message->setText(tr("Preparing %1 — %2 read").arg(sourceDisplayName(source), received));
    }
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
