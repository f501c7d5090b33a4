#include "FilterChip.h"

#include "util/ByteFormat.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

namespace ballast {
namespace {
constexpr int MaxSearchShown = 40; // characters of the search the chip quotes; the field holds the rest

QString tr(const char *text)
{
    return QCoreApplication::translate("FilterChip", text);
}

// "1 MB", not "1.00 MB": the minimum sizes are round numbers, as the size box lists them.
QString roundSize(int64_t bytes)
{
    return formatBytes(bytes).replace(QRegularExpression(QStringLiteral("\\.0+ ")), QStringLiteral(" "));
}
} // namespace

QString describeFilter(const TreeFilter &filter)
{
    QStringList parts;
    if (filter.minimumBytes > 0)
        parts << QStringLiteral("≥ ") + roundSize(filter.minimumBytes);
    if (!filter.search.isEmpty()) {
        QString search = filter.search;
        if (search.size() > MaxSearchShown)
            search = search.left(MaxSearchShown - 1) + QChar(0x2026);
        parts << (filter.regex ? tr("regex '%1'") : tr("search '%1'")).arg(search);
    }
    QStringList hidden;
    if (!filter.showAdded)
        hidden << tr("added");
    if (!filter.showModified)
        hidden << tr("modified");
    if (!filter.showRemoved)
        hidden << tr("removed");
    if (!filter.showUnchanged)
        hidden << tr("unchanged");
    if (hidden.size() == 4)
        parts << tr("hiding every status");
    else if (!hidden.isEmpty())
        parts << tr("hiding %1").arg(hidden.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral(", "));
}

FilterChip::FilterChip(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_clear(new QToolButton(this))
{
    setObjectName(QStringLiteral("filterChip"));
    m_clear->setText(tr("Clear"));
    m_clear->setAutoRaise(true);
    m_clear->setToolTip(tr("Show everything again: clear the search, the minimum size and the status toggles"));
    m_label->setTextFormat(Qt::PlainText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 1, 2, 1);
    layout->setSpacing(4);
    layout->addWidget(m_label);
    layout->addWidget(m_clear);
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    connect(m_clear, &QToolButton::clicked, this, &FilterChip::clearRequested);
    hide();
}

void FilterChip::setFilter(const TreeFilter &filter)
{
    const QString description = describeFilter(filter);
    m_label->setText(tr("filtered: %1 ·").arg(description));
    setToolTip(tr("What the file tree's filter hides applies to this view too"));
    setVisible(!description.isEmpty());
}

QString FilterChip::text() const
{
    return m_label->text() + QLatin1Char(' ') + m_clear->text();
}

void FilterChip::paintEvent(QPaintEvent *)
{
    // Tinted with the selection colour so it stands out from the toolbar in light and dark themes.
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor accent = palette().color(QPalette::Highlight);
    QColor fill = accent;
    fill.setAlphaF(0.16f);
    painter.setBrush(fill);
    painter.setPen(QPen(accent, 1));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), height() / 2.0, height() / 2.0);
}

FilteredOutNote::FilteredOutNote(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_clear(new QToolButton(this))
{
    setObjectName(QStringLiteral("filteredOutNote"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_label->setAlignment(Qt::AlignCenter);
    m_clear->setText(tr("Clear the filter"));
    m_clear->setToolTip(tr("Show everything again: clear the search, the minimum size and the status toggles"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(m_label);
    layout->addWidget(m_clear, 0, Qt::AlignHCenter);
    layout->addStretch();
    connect(m_clear, &QToolButton::clicked, this, &FilteredOutNote::clearRequested);
    hide();
}

void FilteredOutNote::setText(const QString &text)
{
    m_label->setText(text);
}

QString FilteredOutNote::text() const
{
    return m_label->text();
}

} // namespace ballast
