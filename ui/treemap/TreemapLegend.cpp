#include "TreemapLegend.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace ballast {

TreemapLegend::TreemapLegend(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void TreemapLegend::setEntries(std::vector<LegendEntry> entries)
{
    m_entries = std::move(entries);
    updateGeometry();
    update();
}

std::vector<QRect> TreemapLegend::place(int width) const
{
    std::vector<QRect> out;
    const QFontMetrics metrics(font());
    const int line = metrics.height() + 4, swatch = metrics.height() - 2;
    int x = 0, y = 0;
    for (const LegendEntry &entry : m_entries) {
        const int w = swatch + 4 + metrics.horizontalAdvance(entry.label) + 12;
        if (x > 0 && x + w > width) {
            x = 0;
            y += line;
        }
        out.emplace_back(x, y, w, line);
        x += w;
    }
    return out;
}

int TreemapLegend::heightForWidth(int width) const
{
    const auto rects = place(width);
    return rects.empty() ? 0 : rects.back().bottom() + 1;
}

QSize TreemapLegend::sizeHint() const
{
    const auto rects = place(QWIDGETSIZE_MAX);
    return QSize(rects.empty() ? 0 : rects.back().right() + 1, heightForWidth(width() > 0 ? width() : 600));
}

QSize TreemapLegend::minimumSizeHint() const
{
    return QSize(60, heightForWidth(width() > 0 ? width() : 600));
}

bool TreemapLegend::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const auto rects = place(width());
        for (size_t i = 0; i < rects.size(); ++i)
            if (rects[i].contains(help->pos()) && !m_entries[i].toolTip.isEmpty()) {
                QToolTip::showText(help->globalPos(), m_entries[i].toolTip, this, rects[i]);
                return true;
            }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void TreemapLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QFontMetrics metrics(font());
    const int swatch = metrics.height() - 2;
    const auto rects = place(width());
    for (size_t i = 0; i < rects.size(); ++i) {
        const QRect &r = rects[i];
        const QRect box(r.x(), r.y() + (r.height() - swatch) / 2, swatch, swatch);
        painter.fillRect(box, m_entries[i].color);
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawRect(box.adjusted(0, 0, -1, -1));
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(
            QRect(box.right() + 5, r.y(), r.width() - swatch - 4, r.height()), Qt::AlignVCenter, m_entries[i].label);
    }
}

} // namespace ballast
