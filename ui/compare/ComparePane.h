#pragma once
#include "LatestResult.h"
#include "compare/CompareLoader.h"
#include "diff/FindingsDiff.h"
#include "models/TreeScope.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QSplitter;
class QTableWidget;
class QToolButton;
class QTreeView;

namespace ballast {

class DiffTreeModel;
class DiffTreeSearch;
class FindingsChangesView;
class PackageChangesView;
class MatchedLayersView;
class TreemapView;
class SideBySideArea;

// Two versions of an image side by side: the summary with a button to open either alone, the two
// treemaps named after their images, a diff tree with signed deltas, status filters and a search,
// the layers matched between them with the steps that made them, and the findings B resolved,
// brought or kept. `treemapArea()` hosts the side-by-side treemaps.
class ComparePane : public QWidget {
    Q_OBJECT
public:
    explicit ComparePane(QWidget *parent = nullptr);
    void setComparison(const LoadedComparison &comparison);
    const LoadedComparison &comparison() const { return m_comparison; }
    const FindingsDiff &findings() const { return m_findings; }

    QTreeView *diffView() const { return m_tree; }
    DiffTreeModel *diffModel() const { return m_model; }
    DiffTreeSearch *diffSearch() const { return m_search; }
    MatchedLayersView *layersView() const { return m_layers; }
    QTableWidget *layersTable() const;
    FindingsChangesView *findingsView() const { return m_findingsView; }
    PackageChangesView *packagesView() const { return m_packagesView; }
    QLabel *packagesSummary() const { return m_packagesSummary; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *openAButton() const { return m_openA; }
    QPushButton *openBButton() const { return m_openB; }
    QToolButton *statusButton(DiffStatus status) const;
    QWidget *treemapArea() const;
    TreemapView *treemapA() const { return m_treemapA; }
    TreemapView *treemapB() const { return m_treemapB; }
    // Selects a path (relative, no leading '/') in both treemaps and in the diff tree.
    void selectPath(const std::string &path);
    // Puts the keyboard in the diff tree's search field (Ctrl+F).
    // Step through the diff tree's search matches (the window's Find Next / Find Previous, F3 and
    // Shift+F3, call these while the comparison is shown: one action per key, no ambiguous shortcut).
    void findNext();
    void findPrevious();
    void focusSearch();

signals:
    void diffNodeSelected(uint32_t node);
    // "Open A alone" / "Open B alone": the image, already loaded, to show as the single image.
    void openImageRequested(const ballast::LoadedImage &image);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // The final filesystems of A and B, as the two treemaps show them.
    using FinalScopes = std::pair<std::shared_ptr<const TreeScope>, std::shared_ptr<const TreeScope>>;
    void showFinalScopes(const FinalScopes &scopes);
    void fillSummary();
    void readFilters();
    void sizeDiffColumns();

    LoadedComparison m_comparison;
    FindingsDiff m_findings;
    QLabel *m_summary;
    QPushButton *m_openA, *m_openB;
    SideBySideArea *m_treemapArea;
    QSplitter *m_bottom = nullptr; // files | layers | findings
    bool m_bottomShared = false;
    TreemapView *m_treemapA;
    TreemapView *m_treemapB;
    LatestResult<FinalScopes> m_finalScopes { [this](const FinalScopes &scopes) { showFinalScopes(scopes); } };
    QTreeView *m_tree;
    DiffTreeModel *m_model;
    DiffTreeSearch *m_search;
    MatchedLayersView *m_layers;
    FindingsChangesView *m_findingsView;
    PackageChangesView *m_packagesView;
    QLabel *m_packagesSummary;
    QToolButton *m_added, *m_removed, *m_modified, *m_unchanged;
};

} // namespace ballast
