#pragma once
#include "tree/MergedTree.h"

#include <QAbstractItemModel>
#include <functional>
#include <unordered_map>
#include <vector>

namespace ballast {

// The lazy tree both the file tree and the diff tree are: a node's rows are listed (filtered and
// ordered by the subclass) the first time a view asks for them, and each row's place is remembered,
// so opening a 10 000-entry directory costs that directory, not the tree. An index's internal id is
// its node id; MergedTree::Root is the invisible top. A subclass says which nodes it shows and in
// which order, and resets the model (clearing the rows) when that changes.
class LazyTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    using NodeId = MergedTree::NodeId;

    // The node of a row; Root for the invalid index (the top).
    NodeId nodeAt(const QModelIndex &index) const
    {
        return index.isValid() ? NodeId(index.internalId()) : MergedTree::Root;
    }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;

protected:
    using QAbstractItemModel::QAbstractItemModel;

    // False while there is nothing to show: the model is empty.
    virtual bool hasTree() const = 0;
    virtual NodeId parentOf(NodeId node) const = 0; // NoNode above the top
    // Whether a node (any id) is shown; only shown nodes have rows.
    virtual bool isShown(NodeId node) const = 0;
    // The shown children of `node`, in row order.
    virtual std::vector<NodeId> listRows(NodeId node) const = 0;
    // Whether `node` has a shown child, without listing and ordering them all.
    virtual bool hasShownChild(NodeId node) const = 0;

    // The index of a shown node (its ancestors' rows are listed on the way); invalid when hidden.
    QModelIndex indexOfShownNode(NodeId node, int column = 0) const;
    const std::vector<NodeId> &rowsOf(NodeId node) const;
    int rowOf(NodeId node) const; // -1 when hidden
    // Forgets every listed row; call between beginResetModel() and endResetModel().
    void forgetRows();
    // Puts every listed row list in a new order (another sort) and renumbers the rows.
    void reorderRows(const std::function<void(std::vector<NodeId> &rows)> &reorder);

private:
    void numberRows(const std::vector<NodeId> &rows) const;

    mutable std::unordered_map<NodeId, std::vector<NodeId>> m_rows; // per listed node, its rows
    mutable std::unordered_map<NodeId, int> m_rowOf; // per shown node, its row
};

} // namespace ballast
