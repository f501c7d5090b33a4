#pragma once
#include "analysis/ImageAnalysis.h"
#include "dockerfile/lint/Lint.h"

#include <QAbstractTableModel>
#include <memory>
#include <optional>

namespace ballast {

// The image's findings as a table, one row per finding of the analysis. What the Dockerfile adds (the
// line of each finding's layer, the quick fix of the hint that measures it) is handed in separately,
// as it changes with every edit while the findings stay.
class FindingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { FindingColumn, SavesColumn, LayerColumn, LineColumn, PathsColumn, FixColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, FindingRole };

    struct DockerfileLink {
        int line = -1; // of the instruction that made the finding's layer
        int laterLine = -1; // of the one that deleted or replaced its files (deleted-, overwritten-later)
        std::optional<LintFix> fix;
    };

    explicit FindingsModel(QObject *parent = nullptr);
    void setAnalysis(std::shared_ptr<const ImageAnalysis> analysis);
    // One per finding, in the analysis's order; an empty list clears them.
    void setDockerfileLinks(std::vector<DockerfileLink> links);

    const Finding *finding(int row) const;
    const DockerfileLink &link(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Finding &finding, const DockerfileLink &link, int column) const;
    QVariant sortKey(const Finding &finding, const DockerfileLink &link, int column) const;

    std::shared_ptr<const ImageAnalysis> m_analysis;
    std::vector<DockerfileLink> m_links;
};

// "/first/path +2 more", or "–".
QString pathsSummary(const Finding &finding);

} // namespace ballast
