#include "FindingsList.h"

#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QTimer>

namespace ballast {

namespace {
// Wraps and dims. QTreeView asks a row's height without the column's width, so a wrapped message would
// get one line: it is measured at the width its column has. A finding measured before the edits
// is drawn in the text colour of the palette at paint time, faded, so it follows the theme.
class FindingDelegate : public QStyledItemDelegate {
public:
    explicit FindingDelegate(QTreeView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    { }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (index.column() != DockerfileFindingsModel::MessageColumn) // the others are as wide as their text
            return QStyledItemDelegate::sizeHint(option, index);
        QStyleOptionViewItem wrapped = option;
        wrapped.rect
            = QRect(0, 0, m_view->header()->sectionSize(index.column()), QWIDGETSIZE_MAX); // valid, so the style wraps
        wrapped.features |= QStyleOptionViewItem::WrapText;
        return QStyledItemDelegate::sizeHint(wrapped, index);
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (!index.data(DockerfileFindingsModel::BeforeEditsRole).toBool())
            return;
        QColor faded = option->palette.color(QPalette::Text);
        faded.setAlphaF(0.55f);
        option->palette.setColor(QPalette::Text, faded);
    }

private:
    QTreeView *m_view;
};
} // namespace

FindingsList::FindingsList(QWidget *parent)
    : QTreeView(parent)
    , m_model(new DockerfileFindingsModel(this))
{
    setObjectName(QStringLiteral("dockerfileFindings"));
    setModel(m_model);
    setRootIsDecorated(false);
    setWordWrap(true);
    setUniformRowHeights(false); // wrapped messages make rows of different heights
    setTextElideMode(Qt::ElideNone);
    header()->setStretchLastSection(true);
    setItemDelegate(new FindingDelegate(this));
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the message wraps instead
    setToolTip(tr("Findings on the Dockerfile, live as you type; double-click to go to the line"));
    // Row heights follow the message column's width: lay the rows out again when it changes.
    auto *relayout = new QTimer(this);
    relayout->setSingleShot(true);
    connect(relayout, &QTimer::timeout, this, [this] { doItemsLayout(); });
    connect(header(), &QHeaderView::sectionResized, relayout, qOverload<>(&QTimer::start));
    connect(this, &QTreeView::activated, this, [this](const QModelIndex &index) {
        emit lineActivated(index.data(DockerfileFindingsModel::LineRole).toInt());
    });
}

void FindingsList::showFindings(const std::vector<ShownFinding> &findings)
{
    m_model->setFindings(findings);
    for (int column = DockerfileFindingsModel::LineColumn; column < DockerfileFindingsModel::MessageColumn; ++column)
        resizeColumnToContents(column);
}

} // namespace ballast
