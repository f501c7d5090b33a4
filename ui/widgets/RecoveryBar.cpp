#include "RecoveryBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace ballast {

RecoveryBar::RecoveryBar(QWidget *parent)
    : QFrame(parent)
    , m_message(new QLabel(this))
    , m_restore(new QPushButton(tr("Restore"), this))
    , m_discard(new QPushButton(tr("Discard"), this))
    , m_later(new QPushButton(tr("Later"), this))
{
    setObjectName(QStringLiteral("recoveryBar"));
    // An amber edge: it asks for a decision, unlike the neutral load banner, but nothing failed.
    setStyleSheet(QStringLiteral("#recoveryBar { border: 1px solid #f9a825; border-left: 4px solid #f9a825; }"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::RichText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_restore->setToolTip(
        tr("Put the recovered text in the editor as unsaved changes; the file on disk stays as it is until you save"));
    m_discard->setToolTip(tr("Delete the recovered text for good"));
    m_later->setToolTip(tr("Hide this message and keep the recovered text: it is offered again next time"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_restore);
    layout->addWidget(m_discard);
    layout->addWidget(m_later);
    connect(m_restore, &QPushButton::clicked, this, &RecoveryBar::restoreClicked);
    connect(m_discard, &QPushButton::clicked, this, &RecoveryBar::discardClicked);
    connect(m_later, &QPushButton::clicked, this, &RecoveryBar::laterClicked);
    hide();
}

void RecoveryBar::showMessage(const QString &html)
{
    m_message->setText(html);
    show();
}

} // namespace ballast
