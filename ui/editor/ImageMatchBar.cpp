#include "ImageMatchBar.h"

#include <QAction>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace ballast {

ImageMatchBar::ImageMatchBar(QAction *rebuild, QWidget *parent)
    : QFrame(parent)
    , m_rebuild(rebuild)
    , m_message(new QLabel(this))
    , m_openBeside(new QPushButton(tr("Open the Dockerfile Beside the Image"), this))
    , m_showAnyway(new QPushButton(tr("Show Sizes Anyway"), this))
    , m_rebuildButton(new QPushButton(tr("Rebuild"), this))
{
    setObjectName(QStringLiteral("imageMatchBar"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::RichText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_openBeside->setToolTip(
        tr("Open the Dockerfile in the image's folder, and remember it as this image's Dockerfile"));
    m_showAnyway->setToolTip(
        tr("Show the layer sizes and image hints of this mapping anyway, until another image or Dockerfile is opened"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_openBeside);
    layout->addWidget(m_showAnyway);
    layout->addWidget(m_rebuildButton);
    connect(m_openBeside, &QPushButton::clicked, this, [this] { emit openBesideClicked(m_beside); });
    connect(m_showAnyway, &QPushButton::clicked, this, &ImageMatchBar::showAnywayClicked);
    connect(m_rebuildButton, &QPushButton::clicked, m_rebuild, &QAction::trigger);
    const auto followRebuild = [this] {
        m_rebuildButton->setEnabled(m_rebuild->isEnabled());
        m_rebuildButton->setToolTip(m_rebuild->toolTip());
    };
    connect(m_rebuild, &QAction::changed, this, followRebuild);
    followRebuild();
    hide();
}

void ImageMatchBar::setEdgeColor(const char *color)
{
    setStyleSheet(QStringLiteral("#imageMatchBar { border: 1px solid %1; border-left: 4px solid %1; }")
                      .arg(QLatin1String(color)));
}

void ImageMatchBar::showMismatch(const MappingAgreement &agreement, const QString &besideImage)
{
    setEdgeColor("#f9a825"); // amber, as the recovery bar: a decision to make, nothing failed
    m_message->setText(
        tr("<b>This Dockerfile does not match the image (%1 of %2 steps matched)</b>. The image's history records "
           "other RUN, COPY and ADD steps, so layer sizes and image hints are hidden.")
            .arg(agreement.matched)
            .arg(agreement.steps));
    m_beside = besideImage;
    m_openBeside->setVisible(!besideImage.isEmpty());
    m_openBeside->setToolTip(
        tr("Open %1, and remember it as this image's Dockerfile").arg(QDir::toNativeSeparators(besideImage)));
    m_showAnyway->show();
    m_rebuildButton->hide();
    show();
}

void ImageMatchBar::showBeforeEdits()
{
    setEdgeColor("#1e88e5"); // blue: information about what is shown
    m_message->setText(tr("<b>Sizes and image hints were measured before your edits</b> (dimmed, at the lines their "
                          "instructions have now). "
                          "Rebuild the image to measure the Dockerfile as it is."));
    m_openBeside->hide();
    m_showAnyway->hide();
    m_rebuildButton->show();
    show();
}

} // namespace ballast
