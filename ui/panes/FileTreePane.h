#pragma once
#include "LatestResult.h"
#include "load/ImageLoadController.h"
#include "models/TreeScope.h"

#include <QTimer>
#include <QWidget>
#include <unordered_set>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;
class QTreeView;

namespace ballast {

class FileTreeModel;
class FilterChip;

// The file tree of the selected layer with dive's two modes, status filters, a search box, a minimum
// size and sorting. Every change of layer or filter rebuilds the TreeScope on a worker thread; the
// newest request wins and the view keeps its expanded directories and current file. A search opens
// the directories above its matches and selects the first; Find Next/Previous step through the
// scope's ordered list of matches. A chip above the tree says what the filter hides.
class FileTreePane : public QWidget {
    Q_OBJECT
public:
    explicit FileTreePane(QWidget *parent = nullptr);
    void setImage(std::shared_ptr<const Image> image);
    void setLayer(int layer);
    void setMode(TreeMode mode);
    void setFilter(const TreeFilter &filter);
    TreeFilter filter() const { return m_filter; }
    void focusSearch();
    void selectNode(MergedTree::NodeId node);
    void expandAll();
    void collapseAll();
    // Back to everything: no search, no minimum size, every status (the mode stays).
    void clearFilter();
    // The next or previous search match in the order of the rows, wrapping; with no search, focus the field.
    void findNext();
    void findPrevious();

    QTreeView *view() const { return m_view; }
    FileTreeModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *modeBox() const { return m_mode; }
    QToolButton *statusButton(NodeStatus status) const;
    QLabel *matchLabel() const { return m_matches; }
    FilterChip *filterChip() const { return m_chip; }
    // True while a scope is being computed; scopeReady() fires when the view shows the latest one.
    bool isBusy() const { return m_scopes.isRunning(); }

signals:
    void nodeSelected(MergedTree::NodeId node);
    void scopeReady();

private:
    void requestScope();
    void applyScope(std::shared_ptr<const TreeScope> scope);
    void readFilterWidgets();
    void updateMatchLabel();
    void revealHits();
    void stepThroughHits(int step);

    std::shared_ptr<const Image> m_image;
    int m_layer = -1;
    TreeFilter m_filter;
    LatestResult<std::shared_ptr<const TreeScope>> m_scopes { [this](std::shared_ptr<const TreeScope> scope) {
        applyScope(std::move(scope));
    } };
    std::unordered_set<MergedTree::NodeId> m_expanded;
    MergedTree::NodeId m_current = MergedTree::NoNode;
    bool m_restoring = false;
    bool m_revealHeaviestPath = false;
    bool m_selectFirstHit = false; // the search changed: its scope selects its first match

    QComboBox *m_mode;
    QToolButton *m_added, *m_modified, *m_removed, *m_unchanged;
    QComboBox *m_minimumSize;
    QComboBox *m_sort;
    QLineEdit *m_search;
    QCheckBox *m_regex;
    QLabel *m_matches;
    FilterChip *m_chip;
    QTreeView *m_view;
    FileTreeModel *m_model;
    QTimer m_searchDebounce;
};

} // namespace ballast
