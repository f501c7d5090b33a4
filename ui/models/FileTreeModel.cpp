#include "FileTreeModel.h"

#include "models/EntryText.h"
#include "util/ByteFormat.h"
#include "util/PathNormalizer.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <algorithm>

namespace ballast {

FileTreeModel::FileTreeModel(QObject *parent)
    : LazyTreeModel(parent)
{ }

void FileTreeModel::setScope(std::shared_ptr<const TreeScope> scope)
{
    beginResetModel();
    m_scope = std::move(scope);
    forgetRows();
    endResetModel();
}

SiblingOrder FileTreeModel::siblingOrder() const
{
    return { m_sortColumn == NameColumn, m_sortOrder == Qt::DescendingOrder };
}

void FileTreeModel::sortChildren(std::vector<MergedTree::NodeId> &children) const
{
    sortSiblings(children, *m_scope, siblingOrder());
}

int64_t FileTreeModel::shownBytes(MergedTree::NodeId node) const
{
    return m_scope->shownBytes(node);
}

int64_t FileTreeModel::linkedBytes(MergedTree::NodeId node) const
{
    // Only the whole filesystem has them: a layer's changes count only what that layer touched.
    if (m_scope->filter.mode != TreeMode::Aggregated)
        return 0;
    const auto &linked = m_scope->snapshot.linkedBytes;
    const auto it = linked.find(node);
    return it == linked.end() ? 0 : it->second;
}

QString FileTreeModel::sizeToolTip(MergedTree::NodeId node) const
{
    const MergedTree &tree = m_scope->image->tree;
    const LayerEntry *entry = tree.entry(node, m_scope->layer);
    if (entry && entry->type == EntryType::Hardlink) {
        const MergedTree::HardlinkShare share = tree.hardlinkShare(node, m_scope->layer);
        const QString target = share.target == MergedTree::NoNode ? QLatin1Char('/')
                + displayPath(m_scope->image->layers[size_t(tree.entryLayer(node, m_scope->layer))].linkTarget(*entry))
                                                                  : absolutePath(tree, share.target);
        return hardlinkSentence(share, target);
    }
    if (const int64_t linked = linkedBytes(node); linked > 0)
        return linkedBytesSentence(m_scope->bytes[node], linked);
    return {};
}

std::vector<MergedTree::NodeId> FileTreeModel::listRows(NodeId node) const
{
    std::vector<MergedTree::NodeId> children;
    for (auto child : m_scope->image->tree.children(node))
        if (m_scope->visible[child])
            children.push_back(child);
    sortChildren(children);
    return children;
}

bool FileTreeModel::hasShownChild(NodeId node) const
{
    for (auto child : m_scope->image->tree.children(node))
        if (m_scope->visible[child])
            return true;
    return false;
}

QModelIndex FileTreeModel::indexOfNode(MergedTree::NodeId node, int column) const
{
    return indexOfShownNode(node, column);
}

int FileTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant FileTreeModel::displayData(MergedTree::NodeId node, int column) const
{
    const Image &image = *m_scope->image;
    const MergedTree &tree = image.tree;
    const int layer = m_scope->layer;
    const LayerEntry *entry = tree.entry(node, layer);
    switch (column) {
    case NameColumn:
        return displayPath(tree.name(node));
    case SizeColumn:
        if (entry && entry->type == EntryType::Hardlink)
            return hardlinkSizeText(tree.hardlinkShare(node, layer));
        return directorySizeText(m_scope->bytes[node], linkedBytes(node));
    case ShareColumn: {
        const int64_t parentBytes = m_scope->bytes[tree.parent(node)];
        if (parentBytes <= 0)
            return QStringLiteral("–");
        return QStringLiteral("%1 %").arg(100.0 * double(m_scope->bytes[node]) / double(parentBytes), 0, 'f', 1);
    }
    case StatusColumn:
        return QString::fromLatin1(nodeStatusName(m_scope->snapshot.status[node]));
    case PermissionsColumn:
        return permissionString(entry, tree.isDirectory(node, layer));
    case OwnerColumn:
        return entry ? QStringLiteral("%1:%2").arg(entry->uid).arg(entry->gid) : QStringLiteral("0:0");
    case LayerColumn: {
        int writer = tree.lastWriter(node, layer);
        if (writer < 0 && m_scope->snapshot.status[node] == NodeStatus::Removed)
            writer = tree.lastWriter(node, layer - 1);
        return writer < 0 ? QVariant() : QVariant(writer);
    }
    case LinkColumn: {
        if (!entry || (entry->type != EntryType::Symlink && entry->type != EntryType::Hardlink))
            return {};
        const QString target = displayPath(image.layers[size_t(tree.entryLayer(node, layer))].linkTarget(*entry));
        return entry->type == EntryType::Hardlink ? QStringLiteral("⇒ /") + target : QStringLiteral("→ ") + target;
    }
    }
    return {};
}

QVariant FileTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_scope)
        return {};
    const auto node = nodeAt(index);
    switch (role) {
    case Qt::DisplayRole:
        return displayData(node, index.column());
    case Qt::ToolTipRole: {
        const QString path = absolutePath(m_scope->image->tree, node);
        const QString size = index.column() == SizeColumn ? sizeToolTip(node) : QString();
        return size.isEmpty() ? path : path + QLatin1Char('\n') + size;
    }
    case Qt::ForegroundRole:
        if (!m_scope->matches[node]) // context only: an ancestor of what the filter shows
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return statusColor(m_scope->snapshot.status[node], QApplication::palette());
    case Qt::FontRole:
        if (m_scope->hitIndexOf(node) >= 0) { // the search matched this very name
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn || index.column() == ShareColumn || index.column() == LayerColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case NodeRole:
        return QVariant::fromValue(uint(node));
    case BytesRole:
        return QVariant::fromValue(qlonglong(m_scope->bytes[node]));
    case StatusRole:
        return int(m_scope->snapshot.status[node]);
    }
    return {};
}

QVariant FileTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const names[]
        = { "Name", "Size", "Share", "Status", "Permissions", "Owner", "Layer", "Link target" };
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

void FileTreeModel::sort(int column, Qt::SortOrder order)
{
    const int sortColumn = column == NameColumn ? NameColumn : SizeColumn;
    if (sortColumn == m_sortColumn && order == m_sortOrder)
        return;
    emit layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    std::vector<MergedTree::NodeId> nodes;
    for (const QModelIndex &index : before)
        nodes.push_back(nodeAt(index));
    m_sortColumn = sortColumn;
    m_sortOrder = order;
    reorderRows([this](std::vector<MergedTree::NodeId> &children) {
        const MergedTree &tree = m_scope->image->tree; // rows are listed only while a scope is set
        std::sort(children.begin(), children.end(), [&](auto a, auto b) { return tree.name(a) < tree.name(b); });
        sortChildren(children);
    });
    QModelIndexList after;
    for (int i = 0; i < before.size(); ++i)
        after << createIndex(rowOf(nodes[size_t(i)]), before[i].column(), quintptr(nodes[size_t(i)]));
    changePersistentIndexList(before, after);
    emit layoutChanged();
}

} // namespace ballast
