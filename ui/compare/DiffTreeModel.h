#pragma once
#include "diff/ImageDiff.h"
#include "models/LazyTreeModel.h"

#include <memory>

namespace ballast {

// The union of two final filesystems with signed deltas (never as areas), status colours and
// filters per status; children sorted by absolute delta. Lazy like the file tree: a directory's rows
// are sorted when it is first shown.
class DiffTreeModel : public LazyTreeModel {
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, SizeAColumn, SizeBColumn, DeltaColumn, ColumnCount };
    enum Role { DiffNodeRole = Qt::UserRole + 1, DeltaRole };

    explicit DiffTreeModel(QObject *parent = nullptr);
    void setDiff(std::shared_ptr<const ImageDiff> diff);
    const std::shared_ptr<const ImageDiff> &diff() const { return m_diff; }
    // Statuses to show (bit 1 << DiffStatus); unchanged paths are hidden by default.
    void setShownStatuses(uint8_t mask);
    uint8_t shownStatuses() const { return m_shown; }

    // Every text the Status column can show, so that the view can make room for the longest.
    static QStringList statusTexts();

    // The index of a diff node the filters show; invalid when they hide it.
    QModelIndex indexOfNode(ImageDiff::NodeId node) const { return indexOfShownNode(node); }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    bool hasTree() const override { return m_diff != nullptr; }
    NodeId parentOf(NodeId node) const override { return m_diff->nodes[node].parent; }
    bool isShown(NodeId node) const override;
    std::vector<NodeId> listRows(NodeId node) const override;
    bool hasShownChild(NodeId node) const override;

private:
    std::shared_ptr<const ImageDiff> m_diff;
    uint8_t m_shown;
};

// The children of `node` that a status filter shows (bit 1 << DiffStatus), in the order the tree lists
// them: largest absolute delta first, then by name.
std::vector<ImageDiff::NodeId> shownChildren(const ImageDiff &diff, ImageDiff::NodeId node, uint8_t shownStatuses);

} // namespace ballast
