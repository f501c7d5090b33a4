#pragma once
#include "compare/CompareLoader.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QSplitter;
class QTableWidget;
class QToolButton;
class QTreeView;

namespace ballast {

class DiffTreeModel;
class TreemapView;
class SideBySideArea;

// Two versions of an image side by side: the summary, a diff tree with signed deltas and status
// filters, and the layers matched between them. `treemapArea()` hosts the side-by-side treemaps.
class ComparePane : public QWidget {
    Q_OBJECT
public:
    explicit ComparePane(QWidget *parent = nullptr);
    void setComparison(const LoadedComparison &comparison);
    const LoadedComparison &comparison() const { return m_comparison; }

    QTreeView *diffView() const { return m_tree; }
    DiffTreeModel *diffModel() const { return m_model; }
    QTableWidget *layersTable() const { return m_layers; }
    QLabel *summaryLabel() const { return m_summary; }
    QToolButton *statusButton(DiffStatus status) const;
    QWidget *treemapArea() const;
    TreemapView *treemapA() const { return m_treemapA; }
    TreemapView *treemapB() const { return m_treemapB; }
    // Selects a path (relative, no leading '/') in both treemaps and in the diff tree.
    void selectPath(const std::string &path);

signals:
    void diffNodeSelected(uint32_t node);

private:
    void fillSummary();
    void fillLayers();
    void readFilters();

    LoadedComparison m_comparison;
    QLabel *m_summary;
    SideBySideArea *m_treemapArea;
    TreemapView *m_treemapA;
    TreemapView *m_treemapB;
    quint64 m_generation = 0;
    QTreeView *m_tree;
    DiffTreeModel *m_model;
    QTableWidget *m_layers;
    QToolButton *m_added, *m_removed, *m_modified, *m_unchanged;
};

} // namespace ballast
