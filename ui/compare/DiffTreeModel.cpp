#include "DiffTreeModel.h"

#include "models/EntryText.h"
#include "util/ByteFormat.h"
#include "util/PathNormalizer.h"

#include <QApplication>
#include <QPalette>
#include <algorithm>

namespace ballast {
namespace {
constexpr uint8_t bit(DiffStatus status)
{
    return uint8_t(1u << unsigned(status));
}

NodeStatus asNodeStatus(DiffStatus status)
{
    switch (status) {
    case DiffStatus::Added:
        return NodeStatus::Added;
    case DiffStatus::Removed:
        return NodeStatus::Removed;
    case DiffStatus::Modified:
        return NodeStatus::Modified;
    default:
        return NodeStatus::Unchanged;
    }
}

QString statusText(const DiffNode &node)
{
    return node.status == DiffStatus::Unchanged && node.contentsChanged
        ? DiffTreeModel::tr("contents changed")
        : QString::fromLatin1(diffStatusName(node.status));
}

} // namespace

QStringList DiffTreeModel::statusTexts()
{
    QStringList texts;
    DiffNode node;
    for (DiffStatus status : { DiffStatus::Unchanged, DiffStatus::Added, DiffStatus::Removed, DiffStatus::Modified }) {
        node.status = status;
        node.contentsChanged = false;
        texts << statusText(node);
        node.contentsChanged = true;
        texts << statusText(node);
    }
    texts.removeDuplicates();
    return texts;
}

std::vector<ImageDiff::NodeId> shownChildren(const ImageDiff &diff, ImageDiff::NodeId node, uint8_t shownStatuses)
{
    std::vector<ImageDiff::NodeId> rows;
    for (ImageDiff::NodeId child : diff.childrenOf[node])
        if ((diff.nodes[child].statusesBelow & shownStatuses) != 0)
            rows.push_back(child);
    std::stable_sort(rows.begin(), rows.end(), [&diff](ImageDiff::NodeId a, ImageDiff::NodeId b) {
        return std::llabs(diff.nodes[a].delta()) > std::llabs(diff.nodes[b].delta());
    });
    return rows;
}

DiffTreeModel::DiffTreeModel(QObject *parent)
    : LazyTreeModel(parent)
    , m_shown(bit(DiffStatus::Added) | bit(DiffStatus::Removed) | bit(DiffStatus::Modified))
{ }

void DiffTreeModel::setDiff(std::shared_ptr<const ImageDiff> diff)
{
    beginResetModel();
    m_diff = std::move(diff);
    forgetRows();
    endResetModel();
}

void DiffTreeModel::setShownStatuses(uint8_t mask)
{
    if (mask == m_shown)
        return;
    beginResetModel();
    m_shown = mask;
    forgetRows();
    endResetModel();
}

bool DiffTreeModel::isShown(NodeId node) const
{
    return node < m_diff->nodes.size() && (m_diff->nodes[node].statusesBelow & m_shown) != 0;
}

std::vector<LazyTreeModel::NodeId> DiffTreeModel::listRows(NodeId node) const
{
    return shownChildren(*m_diff, node, m_shown);
}

bool DiffTreeModel::hasShownChild(NodeId node) const
{
    for (NodeId child : m_diff->childrenOf[node])
        if (isShown(child))
            return true;
    return false;
}

int DiffTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant DiffTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_diff)
        return {};
    const NodeId node = nodeAt(index);
    const DiffNode &n = m_diff->nodes[node];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return displayPath(m_diff->name(node));
        case StatusColumn:
            return statusText(n);
        case SizeAColumn:
            return n.nodeA != MergedTree::NoNode ? formatBytes(n.bytesA) : QStringLiteral("–");
        case SizeBColumn:
            return n.nodeB != MergedTree::NoNode ? formatBytes(n.bytesB) : QStringLiteral("–");
        case DeltaColumn:
            return formatSignedBytes(n.delta());
        }
        return {};
    case Qt::ToolTipRole:
        return QStringLiteral("/") + displayPath(m_diff->path(node));
    case Qt::ForegroundRole:
        if (index.column() == DeltaColumn && n.delta() != 0)
            return statusColor(
                n.delta() > 0 ? NodeStatus::Removed : NodeStatus::Added, QApplication::palette()); // growth is bad news
        return statusColor(asNodeStatus(n.status), QApplication::palette());
    case Qt::TextAlignmentRole:
        if (index.column() >= SizeAColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case DiffNodeRole:
        return QVariant::fromValue(uint(node));
    case DeltaRole:
        return QVariant::fromValue(qlonglong(n.delta()));
    }
    return {};
}

QVariant DiffTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const names[] = { "Name", "Status", "Size A", "Size B", "Change" };
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace ballast
