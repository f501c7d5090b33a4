#pragma once
#include "diff/ImageDiff.h"

#include <QAbstractItemModel>
#include <memory>
#include <unordered_map>

namespace ballast {

// The union of two final filesystems with signed deltas (never as areas), status colours and
// filters per status; children sorted by absolute delta. Lazy like the file tree: a directory's rows
// are sorted when it is first shown.
class DiffTreeModel : public QAbstractItemModel {
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

    uint32_t nodeAt(const QModelIndex &index) const;
    QModelIndex indexOfNode(uint32_t node) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    bool shown(uint32_t node) const;
    const std::vector<uint32_t> &rowsOf(uint32_t node) const;
    int rowOf(uint32_t node) const;

    std::shared_ptr<const ImageDiff> m_diff;
    uint8_t m_shown;
    mutable std::unordered_map<uint32_t, std::vector<uint32_t>> m_rows;
    mutable std::unordered_map<uint32_t, int> m_rowOf;
};

// The children of `node` that a status filter shows (bit 1 << DiffStatus), in the order the tree lists
// them: largest absolute delta first, then by name.
std::vector<uint32_t> shownChildren(const ImageDiff &diff, uint32_t node, uint8_t shownStatuses);

} // namespace ballast
