#include "FindingsChangesView.h"

#include "models/EntryText.h"
#include "util/ByteFormat.h"

#include <QEvent>
#include <QHeaderView>

namespace ballast {
namespace {

constexpr int TooltipPaths = 8;

QString tooltipOf(const Finding &finding)
{
    QString tip = QStringLiteral("<p><b>%1</b> (%2)</p><p>%3</p>")
                      .arg(finding.title.toHtmlEscaped(), finding.category, finding.advice.toHtmlEscaped());
    for (size_t i = 0; i < finding.paths.size() && i < size_t(TooltipPaths); ++i)
        tip += QStringLiteral("/%1<br>").arg(QString::fromStdString(finding.paths[i]).toHtmlEscaped());
    if (finding.paths.size() > size_t(TooltipPaths))
        tip += QObject::tr("… and %1 more").arg(finding.paths.size() - size_t(TooltipPaths));
    return tip;
}

} // namespace

FindingsChangesView::FindingsChangesView(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("findingsChanges"));
    setColumnCount(ColumnCount);
    setHeaderLabels({ tr("Finding"), tr("A"), tr("B"), tr("Change") });
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(FindingColumn, QHeaderView::Stretch);
    for (int column : { BytesAColumn, BytesBColumn, ChangeColumn })
        header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    setToolTip(tr(
        "Findings of A that B no longer has, findings only B has, and findings both have, with the bytes they cost"));
}

void FindingsChangesView::setFindings(const FindingsDiff &diff)
{
    m_diff = diff;
    fill();
}

void FindingsChangesView::fill()
{
    clear();
    const QPalette &palette = this->palette();
    auto addGroup = [this](const QString &title) {
        auto *item = new QTreeWidgetItem(this, { title });
        QFont bold = item->font(FindingColumn);
        bold.setBold(true);
        item->setFont(FindingColumn, bold);
        item->setFirstColumnSpanned(true);
        return item;
    };
    auto addRow = [&](QTreeWidgetItem *group, const Finding &shown, const Finding *a, const Finding *b) {
        const int64_t delta = (b ? b->bytes : 0) - (a ? a->bytes : 0);
        auto *item = new QTreeWidgetItem(group,
            { shown.title, a ? formatBytes(a->bytes) : QStringLiteral("–"),
                b ? formatBytes(b->bytes) : QStringLiteral("–"), formatSignedBytes(delta) });
        for (int column : { BytesAColumn, BytesBColumn, ChangeColumn })
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        if (delta != 0) // growth is bad news, as in the diff tree
            item->setForeground(
                ChangeColumn, statusColor(delta > 0 ? NodeStatus::Removed : NodeStatus::Added, palette));
        for (int column = 0; column < ColumnCount; ++column)
            item->setToolTip(column, tooltipOf(shown));
    };
    QTreeWidgetItem *resolved = addGroup(tr("Resolved in B (%1)").arg(m_diff.resolved.size()));
    for (const Finding &f : m_diff.resolved)
        addRow(resolved, f, &f, nullptr);
    if (resolved->childCount() > 0) // a group with nothing in it is no news
        resolved->setForeground(FindingColumn, statusColor(NodeStatus::Added, palette));
    QTreeWidgetItem *introduced = addGroup(tr("New in B (%1)").arg(m_diff.introduced.size()));
    for (const Finding &f : m_diff.introduced)
        addRow(introduced, f, nullptr, &f);
    if (introduced->childCount() > 0) // a group with nothing in it is no news
        introduced->setForeground(FindingColumn, statusColor(NodeStatus::Removed, palette));
    QTreeWidgetItem *kept = addGroup(tr("Still present (%1)").arg(m_diff.stillPresent.size()));
    for (const FindingsDiff::Kept &k : m_diff.stillPresent)
        addRow(kept, k.b, &k.a, &k.b); // B's title: its layer numbers are B's
    expandAll();
}

void FindingsChangesView::changeEvent(QEvent *event)
{
    QTreeWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        fill();
}

} // namespace ballast
