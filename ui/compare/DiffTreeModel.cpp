#include "DiffTreeModel.h"

#include "models/EntryText.h"
#include "util/ByteFormat.h"
#include "util/PathNormalizer.h"

#include <QApplication>
#include <QPalette>
#include <algorithm>

namespace ballast {
namespace {
constexpr uint8_t bit(DiffStatus status) { return uint8_t(1u << unsigned(status)); }

NodeStatus asNodeStatus(DiffStatus status)
{
    switch (status) {
    case DiffStatus::Added: return NodeStatus::Added;
    case DiffStatus::Removed: return NodeStatus::Removed;
    case DiffStatus::Modified: return NodeStatus::Modified;
    default: return NodeStatus::Unchanged;
    }
}

QString statusText(const DiffNode &node)
{
    return node.status == DiffStatus::Unchanged && node.contentsChanged ? DiffTreeModel::tr("contents changed")
                                                                        : QString::fromLatin1(diffStatusName(node.status));
}

} // namespace

QStringList DiffTreeModel::statusTexts()
{
    QStringList texts;
    DiffNode node;
    for (DiffStatus status : {DiffStatus::Unchanged, DiffStatus::Added, DiffStatus::Removed, DiffStatus::Modified}) {
        node.status = status;
        node.contentsChanged = false;
        texts << statusText(node);
        node.contentsChanged = true;
        texts << statusText(node);
    }
    texts.removeDuplicates();
    return texts;
}

std::vector<uint32_t> shownChildren(const ImageDiff &diff, uint32_t node, uint8_t shownStatuses)
{
    std::vector<uint32_t> rows;
    for (uint32_t child : diff.childrenOf[node])
        if ((diff.nodes[child].statusesBelow & shownStatuses) != 0)
            rows.push_back(child);
    std::stable_sort(rows.begin(), rows.end(), [&diff](uint32_t a, uint32_t b) {
        return std::llabs(diff.nodes[a].delta()) > std::llabs(diff.nodes[b].delta());
    });
    return rows;
}

DiffTreeModel::DiffTreeModel(QObject *parent)
    : QAbstractItemModel(parent), m_shown(bit(DiffStatus::Added) | bit(DiffStatus::Removed) | bit(DiffStatus::Modified))
{
}

void DiffTreeModel::setDiff(std::shared_ptr<const ImageDiff> diff)
{
    beginResetModel();
    m_diff = std::move(diff);
    m_rows.clear();
    m_rowOf.clear();
    endResetModel();
}

void DiffTreeModel::setShownStatuses(uint8_t mask)
{
    if (mask == m_shown)
        return;
    beginResetModel();
    m_shown = mask;
    m_rows.clear();
    m_rowOf.clear();
    endResetModel();
}

bool DiffTreeModel::shown(uint32_t node) const
{
    return (m_diff->nodes[node].statusesBelow & m_shown) != 0;
}

const std::vector<uint32_t> &DiffTreeModel::rowsOf(uint32_t node) const
{
    auto it = m_rows.find(node);
    if (it != m_rows.end())
        return it->second;
    std::vector<uint32_t> rows = m_diff ? shownChildren(*m_diff, node, m_shown) : std::vector<uint32_t> {};
    for (int row = 0; row < int(rows.size()); ++row)
        m_rowOf[rows[size_t(row)]] = row;
    return m_rows.emplace(node, std::move(rows)).first->second;
}

int DiffTreeModel::rowOf(uint32_t node) const
{
    auto it = m_rowOf.find(node);
    if (it == m_rowOf.end()) {
        rowsOf(m_diff->nodes[node].parent);
        it = m_rowOf.find(node);
    }
    return it == m_rowOf.end() ? -1 : it->second;
}

uint32_t DiffTreeModel::nodeAt(const QModelIndex &index) const { return index.isValid() ? uint32_t(index.internalId()) : 0; }

QModelIndex DiffTreeModel::indexOfNode(uint32_t node) const
{
    if (!m_diff || node == 0 || node >= m_diff->nodes.size() || !shown(node))
        return {};
    const int row = rowOf(node);
    return row < 0 ? QModelIndex() : createIndex(row, 0, quintptr(node));
}

QModelIndex DiffTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!m_diff || row < 0 || column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const auto &rows = rowsOf(nodeAt(parent));
    return row < int(rows.size()) ? createIndex(row, column, quintptr(rows[size_t(row)])) : QModelIndex();
}

QModelIndex DiffTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !m_diff)
        return {};
    const uint32_t up = m_diff->nodes[nodeAt(child)].parent;
    if (up == 0 || up == UINT32_MAX)
        return {};
    return createIndex(rowOf(up), 0, quintptr(up));
}

int DiffTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_diff || (parent.isValid() && parent.column() != 0))
        return 0;
    return int(rowsOf(nodeAt(parent)).size());
}

int DiffTreeModel::columnCount(const QModelIndex &) const { return ColumnCount; }

bool DiffTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (!m_diff || (parent.isValid() && parent.column() != 0))
        return false;
    for (uint32_t child : m_diff->childrenOf[nodeAt(parent)])
        if (shown(child))
            return true;
    return false;
}

QVariant DiffTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_diff)
        return {};
    const uint32_t node = nodeAt(index);
    const DiffNode &n = m_diff->nodes[node];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return displayPath(m_diff->name(node));
        case StatusColumn: return statusText(n);
        case SizeAColumn: return n.nodeA != MergedTree::NoNode ? formatBytes(n.bytesA) : QStringLiteral("–");
        case SizeBColumn: return n.nodeB != MergedTree::NoNode ? formatBytes(n.bytesB) : QStringLiteral("–");
        case DeltaColumn: return formatSignedBytes(n.delta());
        }
        return {};
    case Qt::ToolTipRole: return QStringLiteral("/") + displayPath(m_diff->path(node));
    case Qt::ForegroundRole:
        if (index.column() == DeltaColumn && n.delta() != 0)
            return statusColor(n.delta() > 0 ? NodeStatus::Removed : NodeStatus::Added, QApplication::palette()); // growth is bad news
        return statusColor(asNodeStatus(n.status), QApplication::palette());
    case Qt::TextAlignmentRole:
        if (index.column() >= SizeAColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case DiffNodeRole: return QVariant::fromValue(uint(node));
    case DeltaRole: return QVariant::fromValue(qlonglong(n.delta()));
    }
    return {};
}

QVariant DiffTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const names[] = {"Name", "Status", "Size A", "Size B", "Change"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace ballast
