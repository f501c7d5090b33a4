#include "PackageChangesView.h"

#include "models/EntryText.h"
#include "util/ByteFormat.h"
#include "util/PathNormalizer.h"

#include <QEvent>
#include <QHeaderView>

namespace ballast {

PackageChangesView::PackageChangesView(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("packageChanges"));
    setColumnCount(ColumnCount);
    setHeaderLabels({ tr("Package"), tr("A"), tr("B"), tr("Change") });
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(PackageColumn, QHeaderView::Stretch);
    for (int column : { VersionAColumn, VersionBColumn, ChangeColumn })
        header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    setToolTip(tr("Packages B added, removed, upgraded, downgraded or holds other bytes of, with the bytes each "
                  "change costs"));
}

void PackageChangesView::setChanges(const PackageDiff &diff)
{
    m_diff = diff;
    fill();
}

void PackageChangesView::fill()
{
    clear();
    const QPalette &palette = this->palette();
    for (const PackageChange &change : m_diff.changes) {
        const bool inA = change.kind != PackageChange::Kind::Added;
        const bool inB = change.kind != PackageChange::Kind::Removed;
        auto *item = new QTreeWidgetItem(this,
            { QStringLiteral("%1 (%2)").arg(displayPath(change.name), change.ecosystem),
                inA ? displayPath(change.versionA) : QStringLiteral("–"),
                inB ? displayPath(change.versionB) : QStringLiteral("–"), formatSignedBytes(change.deltaBytes()) });
        item->setTextAlignment(ChangeColumn, Qt::AlignRight | Qt::AlignVCenter);
        if (change.deltaBytes() != 0) // growth is bad news, as in the diff tree
            item->setForeground(
                ChangeColumn, statusColor(change.deltaBytes() > 0 ? NodeStatus::Removed : NodeStatus::Added, palette));
        const QString tip = tr("%1: %2 in A, %3 in B")
                                .arg(QLatin1String(packageChangeName(change.kind)), formatBytes(change.bytesA),
                                    formatBytes(change.bytesB));
        for (int column = 0; column < ColumnCount; ++column)
            item->setToolTip(column, tip);
    }
}

void PackageChangesView::changeEvent(QEvent *event)
{
    QTreeWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) // the change colours follow the theme
        fill();
}

} // namespace ballast
