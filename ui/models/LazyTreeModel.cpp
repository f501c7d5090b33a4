#include "LazyTreeModel.h"

namespace ballast {

const std::vector<LazyTreeModel::NodeId> &LazyTreeModel::rowsOf(NodeId node) const
{
    if (auto it = m_rows.find(node); it != m_rows.end())
        return it->second;
    std::vector<NodeId> rows = listRows(node);
    numberRows(rows);
    return m_rows.emplace(node, std::move(rows)).first->second;
}

void LazyTreeModel::numberRows(const std::vector<NodeId> &rows) const
{
    for (int row = 0; row < int(rows.size()); ++row)
        m_rowOf[rows[size_t(row)]] = row;
}

int LazyTreeModel::rowOf(NodeId node) const
{
    auto it = m_rowOf.find(node);
    if (it == m_rowOf.end()) {
        rowsOf(parentOf(node));
        it = m_rowOf.find(node);
    }
    return it == m_rowOf.end() ? -1 : it->second;
}

void LazyTreeModel::forgetRows()
{
    m_rows.clear();
    m_rowOf.clear();
}

void LazyTreeModel::reorderRows(const std::function<void(std::vector<NodeId> &rows)> &reorder)
{
    for (auto &[node, rows] : m_rows) {
        reorder(rows);
        numberRows(rows);
    }
}

QModelIndex LazyTreeModel::indexOfShownNode(NodeId node, int column) const
{
    if (!hasTree() || node == MergedTree::Root || !isShown(node))
        return {};
    const int row = rowOf(node);
    return row < 0 ? QModelIndex() : createIndex(row, column, quintptr(node));
}

QModelIndex LazyTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasTree() || row < 0 || column < 0 || column >= columnCount(parent)
        || (parent.isValid() && parent.column() != 0))
        return {};
    const auto &rows = rowsOf(nodeAt(parent));
    return row < int(rows.size()) ? createIndex(row, column, quintptr(rows[size_t(row)])) : QModelIndex();
}

QModelIndex LazyTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !hasTree())
        return {};
    const NodeId up = parentOf(nodeAt(child));
    if (up == MergedTree::Root || up == MergedTree::NoNode)
        return {};
    return createIndex(rowOf(up), 0, quintptr(up));
}

int LazyTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!hasTree() || (parent.isValid() && parent.column() != 0))
        return 0;
    return int(rowsOf(nodeAt(parent)).size());
}

bool LazyTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (!hasTree() || (parent.isValid() && parent.column() != 0))
        return false;
    const NodeId node = nodeAt(parent);
    if (auto it = m_rows.find(node); it != m_rows.end())
        return !it->second.empty();
    return hasShownChild(node);
}

} // namespace ballast
