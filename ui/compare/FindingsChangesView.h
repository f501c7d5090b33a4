#pragma once
#include "diff/FindingsDiff.h"

#include <QTreeWidget>

namespace ballast {

// The findings of A and B compared: three groups, "Resolved in B", "New in B" and "Still present",
// each finding with its bytes in A and in B and the change. A finding's advice and paths are in its
// tooltip.
class FindingsChangesView : public QTreeWidget {
    Q_OBJECT
public:
    enum Column { FindingColumn, BytesAColumn, BytesBColumn, ChangeColumn, ColumnCount };
    enum Group { ResolvedGroup, NewGroup, StillPresentGroup };

    explicit FindingsChangesView(QWidget *parent = nullptr);
    void setFindings(const FindingsDiff &diff);
    QTreeWidgetItem *group(Group group) const { return topLevelItem(int(group)); }

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill();
    FindingsDiff m_diff;
};

} // namespace ballast
