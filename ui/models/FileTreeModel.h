#pragma once
#include "models/LazyTreeModel.h"
#include "models/TreeScope.h"

#include <memory>
#include <vector>

namespace ballast {

// A lazy item model over the merged tree as one TreeScope sees it. Children lists are built (and
// sorted) only when a directory is shown, so opening a 10 000-entry directory costs that directory,
// not the image. A new scope (another layer, mode or filter) is a model reset.
class FileTreeModel : public LazyTreeModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        SizeColumn,
        ShareColumn,
        StatusColumn,
        PermissionsColumn,
        OwnerColumn,
        LayerColumn,
        LinkColumn,
        ColumnCount
    };
    enum Role { NodeRole = Qt::UserRole + 1, BytesRole, StatusRole };

    explicit FileTreeModel(QObject *parent = nullptr);
    void setScope(std::shared_ptr<const TreeScope> scope);
    const std::shared_ptr<const TreeScope> &scope() const { return m_scope; }
    // How the view sorts siblings (a scope's search hits are listed in this order).
    SiblingOrder siblingOrder() const;

    // The index of a node shown by the current scope (its ancestors' children lists are built on the
    // way); invalid when the scope hides it.
    QModelIndex indexOfNode(MergedTree::NodeId node, int column = 0) const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool hasTree() const override { return m_scope != nullptr; }
    NodeId parentOf(NodeId node) const override { return m_scope->image->tree.parent(node); }
    bool isShown(NodeId node) const override { return node < m_scope->visible.size() && m_scope->visible[node]; }
    std::vector<NodeId> listRows(NodeId node) const override;
    bool hasShownChild(NodeId node) const override;

private:
    void sortChildren(std::vector<MergedTree::NodeId> &children) const;
    QVariant displayData(MergedTree::NodeId node, int column) const;
    int64_t shownBytes(MergedTree::NodeId node) const;
    int64_t linkedBytes(MergedTree::NodeId node) const;
    QString sizeToolTip(MergedTree::NodeId node) const;

    std::shared_ptr<const TreeScope> m_scope;
    int m_sortColumn = SizeColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace ballast
