#include "FileTreePane.h"

#include "FileTreeColumns.h"
#include "models/FileTreeModel.h"
#include "widgets/FilterChip.h"
#include "widgets/StatusToggle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace ballast {
namespace {
constexpr int MaxExpandAllNodes = 20000; // beyond this "expand all" would make the view itself the bottleneck
constexpr int MaxAutoExpandChanges = 300;
constexpr size_t MaxRevealedHits = 500; // search hits opened at once; Find Next opens the others as it goes
} // namespace

FileTreePane::FileTreePane(QWidget *parent)
    : QWidget(parent)
    , m_mode(new QComboBox(this))
    , m_minimumSize(new QComboBox(this))
    , m_sort(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_regex(new QCheckBox(tr("Regex"), this))
    , m_matches(new QLabel(this))
    , m_chip(new FilterChip(this))
    , m_view(new QTreeView(this))
    , m_model(new FileTreeModel(this))
{
    m_mode->addItem(tr("Aggregated"), int(TreeMode::Aggregated));
    m_mode->addItem(tr("Layer changes only"), int(TreeMode::LayerChanges));
    m_mode->setToolTip(tr("Aggregated: the filesystem after the selected layer. Layer changes: only what the layer "
                          "added, modified or removed."));
    m_added = new StatusToggle(NodeStatus::Added, tr("Added"), tr("Show files the selected layer added"), this);
    m_modified
        = new StatusToggle(NodeStatus::Modified, tr("Modified"), tr("Show files the selected layer modified"), this);
    m_removed = new StatusToggle(NodeStatus::Removed, tr("Removed"), tr("Show files the selected layer removed"), this);
    m_unchanged = new StatusToggle(
        NodeStatus::Unchanged, tr("Unchanged"), tr("Show files the selected layer did not touch"), this);
    for (const auto &[label, bytes] : std::vector<std::pair<QString, qint64>> { { tr("Any size"), 0 },
             { tr("≥ 1 kB"), 1000 }, { tr("≥ 100 kB"), 100000 }, { tr("≥ 1 MB"), 1000000 }, { tr("≥ 10 MB"), 10000000 },
             { tr("≥ 100 MB"), 100000000 } })
        m_minimumSize->addItem(label, bytes);
    m_minimumSize->setToolTip(tr("Hide files and directories smaller than this"));
    m_sort->addItem(tr("Sort by size"), int(FileTreeModel::SizeColumn));
    m_sort->addItem(tr("Sort by name"), int(FileTreeModel::NameColumn));
    m_sort->setToolTip(tr("Order of the entries in each directory"));
    auto *expand = new QToolButton(this);
    expand->setText(tr("Expand all"));
    expand->setToolTip(tr("Expand every directory shown"));
    auto *collapse = new QToolButton(this);
    collapse->setText(tr("Collapse all"));
    collapse->setToolTip(tr("Collapse every directory"));
    m_search->setPlaceholderText(tr("Search names, or paths with a '/' (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("treeSearch"));
    m_search->setToolTip(tr("Case-insensitive substring of the name; with a '/' the whole path is searched. "
                            "Enter or F3: next match, Shift+F3: previous"));
    m_regex->setToolTip(tr("Treat the search as a regular expression"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_mode);
    for (auto *button : { m_added, m_modified, m_removed, m_unchanged })
        controls->addWidget(button);
    controls->addStretch();
    controls->addWidget(m_minimumSize);
    controls->addWidget(m_sort);
    controls->addWidget(expand);
    controls->addWidget(collapse);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_regex);
    searchRow->addWidget(m_matches);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Files</b>"), this));
    layout->addLayout(controls);
    layout->addLayout(searchRow);
    layout->addWidget(m_chip, 0, Qt::AlignLeft);
    layout->addWidget(m_view);

    m_view->setObjectName(QStringLiteral("fileTree"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true); // keeps scrolling through huge directories cheap
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FileTreeModel::SizeColumn, Qt::DescendingOrder);
    new FileTreeColumns(m_view);
    m_view->setAlternatingRowColors(true);

    m_searchDebounce.setSingleShot(true);
    m_searchDebounce.setInterval(150);
    connect(&m_searchDebounce, &QTimer::timeout, this, [this] { readFilterWidgets(); });
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDebounce.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (!m_searchDebounce.isActive())
            return findNext();
        m_searchDebounce.stop(); // the search typed last: its scope selects its first match
        readFilterWidgets();
    });
    connect(m_chip, &FilterChip::clearRequested, this, &FileTreePane::clearFilter);
    connect(m_regex, &QCheckBox::toggled, this, [this] { readFilterWidgets(); });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] { readFilterWidgets(); });
    connect(m_minimumSize, &QComboBox::currentIndexChanged, this, [this] { readFilterWidgets(); });
    for (auto *button : { m_added, m_modified, m_removed, m_unchanged })
        connect(button, &QToolButton::toggled, this, [this] { readFilterWidgets(); });
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this] {
        const int column = m_sort->currentData().toInt();
        m_view->sortByColumn(column, column == FileTreeModel::NameColumn ? Qt::AscendingOrder : Qt::DescendingOrder);
    });
    // Search hits are listed in the view's order: a new order needs a new list.
    connect(m_view->header(), &QHeaderView::sortIndicatorChanged, this, [this] {
        if (!m_filter.search.isEmpty())
            requestScope();
    });
    connect(expand, &QToolButton::clicked, this, &FileTreePane::expandAll);
    connect(collapse, &QToolButton::clicked, this, &FileTreePane::collapseAll);
    connect(m_view, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (!m_restoring)
            m_expanded.insert(m_model->nodeAt(index));
    });
    connect(m_view, &QTreeView::collapsed, this,
        [this](const QModelIndex &index) { m_expanded.erase(m_model->nodeAt(index)); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (m_restoring || !current.isValid())
            return;
        m_current = m_model->nodeAt(current);
        updateMatchLabel();
        emit nodeSelected(m_current);
    });
}

QToolButton *FileTreePane::statusButton(NodeStatus status) const
{
    switch (status) {
    case NodeStatus::Added:
        return m_added;
    case NodeStatus::Modified:
        return m_modified;
    case NodeStatus::Removed:
        return m_removed;
    default:
        return m_unchanged;
    }
}

void FileTreePane::setImage(std::shared_ptr<const Image> image)
{
    m_image = std::move(image);
    m_expanded.clear();
    m_current = MergedTree::NoNode;
    m_revealHeaviestPath = true;
    m_layer = m_image && !m_image->layers.empty() ? int(m_image->layers.size()) - 1 : -1;
    m_model->setScope(nullptr);
    requestScope();
}

void FileTreePane::setLayer(int layer)
{
    if (layer == m_layer)
        return;
    m_layer = layer;
    requestScope();
}

void FileTreePane::setMode(TreeMode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

void FileTreePane::setFilter(const TreeFilter &filter)
{
    const QSignalBlocker blockers[] = { QSignalBlocker(m_mode), QSignalBlocker(m_search), QSignalBlocker(m_regex),
        QSignalBlocker(m_minimumSize), QSignalBlocker(m_added), QSignalBlocker(m_modified), QSignalBlocker(m_removed),
        QSignalBlocker(m_unchanged) };
    m_mode->setCurrentIndex(m_mode->findData(int(filter.mode)));
    m_search->setText(filter.search);
    m_regex->setChecked(filter.regex);
    m_added->setChecked(filter.showAdded);
    m_modified->setChecked(filter.showModified);
    m_removed->setChecked(filter.showRemoved);
    m_unchanged->setChecked(filter.showUnchanged);
    const int sizeIndex = m_minimumSize->findData(qint64(filter.minimumBytes));
    m_minimumSize->setCurrentIndex(sizeIndex >= 0 ? sizeIndex : 0);
    readFilterWidgets();
}

void FileTreePane::readFilterWidgets()
{
    TreeFilter filter;
    filter.mode = TreeMode(m_mode->currentData().toInt());
    filter.showAdded = m_added->isChecked();
    filter.showModified = m_modified->isChecked();
    filter.showRemoved = m_removed->isChecked();
    filter.showUnchanged = m_unchanged->isChecked();
    filter.minimumBytes = m_minimumSize->currentData().toLongLong();
    filter.search = m_search->text();
    filter.regex = m_regex->isChecked();
    if (filter == m_filter)
        return;
    if (filter.search != m_filter.search || filter.regex != m_filter.regex)
        m_selectFirstHit = true;
    m_filter = filter;
    requestScope();
}

void FileTreePane::clearFilter()
{
    m_searchDebounce.stop();
    TreeFilter cleared;
    cleared.mode = m_filter.mode; // a view of the layer, not a filter
    cleared.regex = m_regex->isChecked();
    setFilter(cleared);
}

void FileTreePane::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void FileTreePane::requestScope()
{
    if (!m_image || m_layer < 0) {
        m_scopes.cancel();
        return;
    }
    auto image = m_image;
    const int layer = m_layer;
    const TreeFilter filter = m_filter;
    const SiblingOrder order = m_model->siblingOrder();
    // Reuse the statuses and sizes when only the filter changed.
    std::shared_ptr<const TreeScope> previous = m_model->scope();
    m_scopes.start([image, layer, filter, previous, order](const std::atomic<bool> &cancelled) {
        const LayerSnapshot *reuse = previous && previous->image == image ? &previous->snapshot : nullptr;
        return TreeScope::build(image, layer, filter, reuse, order, &cancelled);
    });
}

void FileTreePane::applyScope(std::shared_ptr<const TreeScope> scope)
{
    m_restoring = true;
    m_model->setScope(std::move(scope));
    // Re-expand what the user had open, parents first (lower ids are never deeper than their children).
    std::vector<MergedTree::NodeId> expanded(m_expanded.begin(), m_expanded.end());
    std::sort(expanded.begin(), expanded.end());
    for (auto node : expanded)
        if (QModelIndex index = m_model->indexOfNode(node); index.isValid())
            m_view->expand(index);
    revealHits(); // while the view's layout is still pending after the reset, expanding only records
    if (m_revealHeaviestPath) {
        // A fresh image opens on its heaviest path, a few directories deep: where the bytes are.
        m_revealHeaviestPath = false;
        QModelIndex index = m_model->index(0, 0);
        for (int depth = 0; depth < 3 && index.isValid() && m_model->hasChildren(index); ++depth) {
            m_view->expand(index);
            m_expanded.insert(m_model->nodeAt(index));
            index = m_model->index(0, 0, index);
        }
    }
    // A layer's changes are usually few: show them all at once.
    if (m_filter.mode == TreeMode::LayerChanges && m_model->scope()->visibleCount <= MaxAutoExpandChanges)
        m_view->expandAll();
    if (QModelIndex current = m_model->indexOfNode(m_current); current.isValid()) {
        m_view->setCurrentIndex(current);
        m_view->scrollTo(current);
    }
    m_restoring = false;
    m_chip->setFilter(m_model->scope()->filter);
    // A new search starts at its first match, and so does a scope that hides the file selected before.
    const auto &hits = m_model->scope()->hits;
    if (!hits.empty() && (m_selectFirstHit || !m_model->indexOfNode(m_current).isValid())) {
        const bool wasCurrent = m_current == hits.front() && m_view->currentIndex().isValid();
        selectNode(hits.front());
        if (wasCurrent) // no change of the current row to tell the other panes about: tell them anyway
            emit nodeSelected(m_current);
    }
    m_selectFirstHit = false;
    updateMatchLabel();
    emit scopeReady();
}

void FileTreePane::revealHits()
{
    // Opens the directories above every match (the first few hundred), not the matches themselves.
    const TreeScope &scope = *m_model->scope();
    const MergedTree &tree = scope.image->tree;
    std::vector<MergedTree::NodeId> chain;
    for (size_t i = 0; i < std::min(scope.hits.size(), MaxRevealedHits); ++i) {
        chain.clear();
        for (auto up = tree.parent(scope.hits[i]); up != MergedTree::Root && up != MergedTree::NoNode;
             up = tree.parent(up))
            chain.push_back(up);
        for (auto it = chain.rbegin(); it != chain.rend(); ++it)
            if (QModelIndex index = m_model->indexOfNode(*it); index.isValid() && !m_view->isExpanded(index))
                m_view->expand(index);
    }
}

void FileTreePane::findNext()
{
    stepThroughHits(+1);
}
void FileTreePane::findPrevious()
{
    stepThroughHits(-1);
}

void FileTreePane::stepThroughHits(int step)
{
    const auto &scope = m_model->scope();
    if (m_filter.search.isEmpty())
        return focusSearch(); // nothing to step through yet: type it
    if (!scope || scope->hits.empty())
        return;
    const int count = int(scope->hits.size());
    const int at = scope->hitIndexOf(m_current);
    const int next = at < 0 ? (step > 0 ? 0 : count - 1) : (at + step + count) % count;
    selectNode(scope->hits[size_t(next)]);
    updateMatchLabel();
}

void FileTreePane::updateMatchLabel()
{
    const auto &scope = m_model->scope();
    if (!scope || m_filter.search.isEmpty())
        m_matches->clear();
    else if (!scope->searchError.isEmpty())
        m_matches->setText(tr("invalid: %1").arg(scope->searchError));
    else if (scope->hits.empty())
        m_matches->setText(tr("no match"));
    else if (const int at = scope->hitIndexOf(m_current); at >= 0)
        m_matches->setText(
            scope->hits.size() == 1 ? tr("1 of 1 match") : tr("%1 of %2 matches").arg(at + 1).arg(scope->hits.size()));
    else
        m_matches->setText(scope->hits.size() == 1 ? tr("1 match") : tr("%1 matches").arg(scope->hits.size()));
}

void FileTreePane::selectNode(MergedTree::NodeId node)
{
    m_current = node;
    QModelIndex index = m_model->indexOfNode(node);
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void FileTreePane::expandAll()
{
    const auto &scope = m_model->scope();
    if (!scope)
        return;
    if (scope->visibleCount <= MaxExpandAllNodes)
        m_view->expandAll();
    else
        m_view->expandToDepth(1);
}

void FileTreePane::collapseAll()
{
    m_view->collapseAll();
    m_expanded.clear();
}

} // namespace ballast
