#pragma once
#include "editor/DockerfileLinter.h"

#include <QAbstractTableModel>

namespace ballast {

// The findings on the Dockerfile's text as a table, one row per finding in the order given: line,
// rule, severity, bytes and the whole message. Findings the image measured before the text was
// edited say so in their message and carry BeforeEditsRole, for the view to dim them.
//
// Not the Findings tab's FindingsModel: that one lists the image analysis's findings (what each
// would save, its layer and paths), these are lint findings on lines of the text, live as it changes.
class DockerfileFindingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { LineColumn, RuleColumn, SeverityColumn, BytesColumn, MessageColumn, ColumnCount };
    enum Role {
        LineRole = Qt::UserRole + 1, // int, 1-based
        BeforeEditsRole, // bool
    };

    explicit DockerfileFindingsModel(QObject *parent = nullptr);
    void setFindings(std::vector<ShownFinding> findings);
    const std::vector<ShownFinding> &findings() const { return m_findings; }
    // "No findings", "1 finding, 1 error", "5 findings, 2 warnings": the pane's header line.
    static QString summary(const std::vector<ShownFinding> &findings);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString display(const ShownFinding &shown, int column) const;

    std::vector<ShownFinding> m_findings;
};

} // namespace ballast
