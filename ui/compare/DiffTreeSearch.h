#pragma once
#include "LatestResult.h"
#include "diff/ImageDiff.h"

#include <QTimer>
#include <QWidget>
#include <atomic>
#include <memory>

class QLabel;
class QLineEdit;
class QToolButton;
class QTreeView;

namespace ballast {

class DiffTreeModel;

// Finds paths in the diff tree and steps through them: a search field, "2 of 7", previous and next.
// Matching runs on a worker thread over the rows the status filters show, in the tree's order; the
// newest search wins. Each match found is expanded to, selected and scrolled to.
class DiffTreeSearch : public QWidget {
    Q_OBJECT
public:
    DiffTreeSearch(QTreeView *view, DiffTreeModel *model, QWidget *parent = nullptr);

    QLineEdit *field() const { return m_field; }
    QLabel *countLabel() const { return m_count; }
    // Diff nodes matching the current text, in tree order; empty while a search runs.
    const std::vector<uint32_t> &matches() const { return m_matches; }
    bool isBusy() const { return m_searches.isRunning(); }

public slots:
    void focusField();
    void next();
    void previous();

signals:
    void matchesReady();

private:
    void start();
    void show(std::vector<uint32_t> matches);
    void select(int match);
    void updateCount();

    QTreeView *m_view;
    DiffTreeModel *m_model;
    QLineEdit *m_field;
    QLabel *m_count;
    QToolButton *m_previous, *m_next;
    QTimer m_debounce;
    std::vector<uint32_t> m_matches;
    int m_currentMatch = -1;
    LatestResult<std::vector<uint32_t>> m_searches { [this](
                                                         std::vector<uint32_t> matches) { show(std::move(matches)); } };
};

// The diff nodes whose name holds `text` (case-insensitive), or whose path does when `text` has a
// '/', among the rows `shownStatuses` shows, depth first in the tree's order. Stops early, empty,
// when `cancelled` is set.
std::vector<uint32_t> findInDiff(
    const ImageDiff &diff, uint8_t shownStatuses, const QString &text, const std::atomic<bool> &cancelled);

} // namespace ballast
