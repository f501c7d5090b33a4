#include "FindingsList.h"

#include "util/ByteFormat.h"

#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QTimer>

namespace ballast {

namespace {
constexpr int BeforeEditsRole = Qt::UserRole + 1;

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
        if (index.column() != FindingsList::MessageColumn) // the others are as wide as their text
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
        if (!index.siblingAtColumn(FindingsList::LineColumn).data(BeforeEditsRole).toBool())
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
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("dockerfileFindings"));
    setColumnCount(5);
    setHeaderLabels({ tr("Line"), tr("Rule"), tr("Severity"), tr("Bytes"), tr("Message") });
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
    connect(this, &QTreeWidget::itemActivated, this,
        [this](QTreeWidgetItem *item) { emit lineActivated(item->data(LineColumn, Qt::UserRole).toInt()); });
}

void FindingsList::showFindings(const std::vector<ShownFinding> &findings)
{
    clear();
    for (const auto &[finding, beforeEdits] : findings) {
        const QString message
            = beforeEdits ? tr("%1 (measured before your edits)").arg(finding.message) : finding.message;
        auto *item = new QTreeWidgetItem(this,
            { QString::number(finding.line), finding.rule, QLatin1String(lintSeverityName(finding.severity)),
                finding.bytes ? formatBytes(*finding.bytes) : QString(), message });
        item->setData(LineColumn, Qt::UserRole, finding.line);
        item->setData(LineColumn, BeforeEditsRole, beforeEdits);
        item->setTextAlignment(BytesColumn, Qt::AlignRight | Qt::AlignTop);
        for (int column = LineColumn; column <= MessageColumn; ++column)
            if (column != BytesColumn)
                item->setTextAlignment(column, Qt::AlignLeft | Qt::AlignTop);
    }
    for (int column = LineColumn; column < MessageColumn; ++column)
        resizeColumnToContents(column);
}

QString FindingsList::summary(const std::vector<ShownFinding> &findings)
{
    int errors = 0, warnings = 0;
    for (const ShownFinding &shown : findings) {
        errors += shown.finding.severity == LintSeverity::Error;
        warnings += shown.finding.severity == LintSeverity::Warning;
    }
    // Spelled out for one and for many: without a translation loaded, tr()'s %n keeps "(s)".
    const auto count = [](qsizetype n, const QString &one, const QString &many) { return n == 1 ? one : many.arg(n); };
    QStringList parts { count(qsizetype(findings.size()), tr("1 finding"), tr("%1 findings")) };
    if (findings.empty())
        parts = QStringList { tr("No findings") };
    if (errors)
        parts << count(errors, tr("1 error"), tr("%1 errors"));
    if (warnings)
        parts << count(warnings, tr("1 warning"), tr("%1 warnings"));
    return parts.join(QStringLiteral(", "));
}

} // namespace ballast
