#pragma once
#include <QStyledItemDelegate>

namespace ballast {

// Paints a bar proportional to the value of `fractionRole` (0…1) behind the cell's text.
class SizeBarDelegate : public QStyledItemDelegate {
public:
    SizeBarDelegate(int fractionRole, QObject *parent = nullptr)
        : QStyledItemDelegate(parent)
        , m_role(fractionRole)
    { }
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace ballast
