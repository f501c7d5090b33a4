#include "SizeBarDelegate.h"

#include <QPainter>

namespace ballast {

void SizeBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const double fraction = index.data(m_role).toDouble();
    if (fraction > 0) {
        QRect bar = option.rect.adjusted(2, 3, -2, -3);
        bar.setWidth(std::max(2, int(bar.width() * std::min(1.0, fraction))));
        QColor color = option.palette.color(QPalette::Highlight);
        color.setAlpha(70);
        painter->fillRect(bar, color);
    }
    QStyledItemDelegate::paint(painter, option, index);
}

} // namespace ballast
