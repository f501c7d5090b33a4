#pragma once
#include "diff/PackageDiff.h"

#include <QTreeWidget>

namespace ballast {

// The installed packages of A and B compared (diffPackages): one row per package added, removed,
// upgraded, downgraded or resized, with its version in A and in B and the change in bytes, largest
// change first. Unchanged packages are not rows.
class PackageChangesView : public QTreeWidget {
    Q_OBJECT
public:
    enum Column { PackageColumn, VersionAColumn, VersionBColumn, ChangeColumn, ColumnCount };

    explicit PackageChangesView(QWidget *parent = nullptr);
    void setChanges(const PackageDiff &diff);
    const PackageDiff &changes() const { return m_diff; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill();
    PackageDiff m_diff;
};

} // namespace ballast
