#include "StatusToggle.h"

#include "models/EntryText.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace ballast {
namespace {
constexpr int Padding = 6; // inside the frame, left and right
constexpr int Gap = 5; // between the box and the text

QColor mixed(const QColor &under, const QColor &over, qreal amount)
{
    return QColor::fromRgbF(under.redF() + (over.redF() - under.redF()) * amount,
        under.greenF() + (over.greenF() - under.greenF()) * amount,
        under.blueF() + (over.blueF() - under.blueF()) * amount);
}
} // namespace

StatusToggle::StatusToggle(NodeStatus status, const QString &text, const QString &toolTip, QWidget *parent)
    : QToolButton(parent)
    , m_status(status)
{
    setText(text);
    setToolTip(toolTip);
    setCheckable(true);
    setChecked(true);
    setFocusPolicy(Qt::TabFocus);
    setAttribute(Qt::WA_Hover);
}

QColor StatusToggle::accentColor() const
{
    return statusColor(m_status, palette());
}

QSize StatusToggle::sizeHint() const
{
    const QFontMetrics metrics(font());
    const int box = metrics.height() * 3 / 4;
    return { Padding + box + Gap + metrics.horizontalAdvance(text()) + Padding, metrics.height() + 10 };
}

QRectF StatusToggle::boxRect() const
{
    const int wholePixels = fontMetrics().height() * 3 / 4; // a box of whole pixels stays crisp
    const qreal side = wholePixels;
    return { Padding + 0.5, (height() - side) / 2, side, side };
}

void StatusToggle::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette &colors = palette();
    const QColor accent = accentColor();
    // Off: halfway to the background, dimmer than any text yet readable (the disabled colour is not).
    const QColor dim = mixed(colors.color(QPalette::ButtonText), colors.color(QPalette::Window), 0.5);
    const bool on = isChecked();
    const QRectF frame = QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5);
    const qreal frameWidth = underMouse() || hasFocus() ? 2.0 : 1.25;
    if (on) {
        painter.setBrush(mixed(colors.color(QPalette::Base), accent, 0.18));
        painter.setPen(QPen(accent, frameWidth));
    } else {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(dim, frameWidth, Qt::DashLine));
    }
    painter.drawRoundedRect(frame, 4, 4);

    // A ticked box when the status is shown, an empty one when it is hidden: the checkbox people know.
    const QRectF box = boxRect();
    if (on) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(accent);
        painter.drawRoundedRect(box, 2, 2);
        QPainterPath tick;
        tick.moveTo(box.left() + box.width() * 0.22, box.top() + box.height() * 0.52);
        tick.lineTo(box.left() + box.width() * 0.42, box.top() + box.height() * 0.72);
        tick.lineTo(box.left() + box.width() * 0.78, box.top() + box.height() * 0.28);
        painter.setPen(QPen(colors.color(QPalette::Base), std::max<qreal>(1.5, box.width() / 7), Qt::SolidLine,
            Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(tick);
    } else {
        painter.setPen(QPen(dim, 1.25));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
    }

    QFont textFont = font();
    textFont.setStrikeOut(!on);
    painter.setFont(textFont);
    painter.setPen(on ? colors.color(QPalette::ButtonText) : dim);
    const QRectF textRect(box.right() + Gap, 0, width() - box.right() - Gap - Padding, height());
    painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, text());
}

} // namespace ballast
