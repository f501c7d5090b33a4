#include "ComparePane.h"

#include "compare/DiffTreeModel.h"
#include "models/TreeScope.h"
#include "treemap/TreemapView.h"
#include "report/CreatedBy.h"
#include "report/DiffReport.h"
#include "util/ByteFormat.h"
#include "util/PathNormalizer.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace ballast {
namespace {


QString instruction(const Image &image, int layer)
{
    const Layer &l = image.layers[size_t(layer)];
    return l.historyIndex >= 0 ? cleanCreatedBy(image.config.history[size_t(l.historyIndex)].createdBy) : QObject::tr("(no history)");
}

QToolButton *toggle(const QString &text, bool checked, const QString &tip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setCheckable(true);
    button->setChecked(checked);
    button->setAutoRaise(true);
    button->setToolTip(tip);
    return button;
}

QString imageLabel(const Image &image)
{
    return image.tags.isEmpty() ? image.sourcePath.section(QLatin1Char('/'), -1) : image.tags.first();
}

} // namespace

// The two treemaps at one scale (area per byte): the larger image fills its half, the smaller one
// gets the share of that area its bytes call for, so the smaller image really looks smaller. Only the
// maps shrink; each half keeps its header and legend at full width.
class SideBySideArea : public QWidget {
public:
    SideBySideArea(QWidget *parent) : QWidget(parent) {}
    void setViews(TreemapView *a, TreemapView *b)
    {
        m_a = a;
        m_b = b;
        a->setParent(this);
        b->setParent(this);
    }
    void setBytes(int64_t a, int64_t b)
    {
        m_bytesA = a;
        m_bytesB = b;
        place();
    }

protected:
    void resizeEvent(QResizeEvent *) override { place(); }

private:
    void place()
    {
        if (!m_a || !m_b)
            return;
        const int half = (width() - 8) / 2;
        const int64_t larger = std::max<int64_t>({m_bytesA, m_bytesB, 1});
        auto side = [&](int64_t bytes) { return std::sqrt(double(std::max<int64_t>(bytes, 0)) / double(larger)); }; // area ∝ bytes
        m_a->setGeometry(0, 0, half, height());
        m_b->setGeometry(half + 8, 0, half, height());
        m_a->setMapScale(side(m_bytesA));
        m_b->setMapScale(side(m_bytesB));
    }
    TreemapView *m_a = nullptr, *m_b = nullptr;
    int64_t m_bytesA = 1, m_bytesB = 1;
};

ComparePane::ComparePane(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_treemapArea(new SideBySideArea(this)), m_treemapA(new TreemapView(this)),
      m_treemapB(new TreemapView(this)), m_tree(new QTreeView(this)),
      m_model(new DiffTreeModel(this)), m_layers(new QTableWidget(this))
{
    setObjectName(QStringLiteral("comparePane"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_added = toggle(tr("Added"), true, tr("Show paths only B has"), this);
    m_removed = toggle(tr("Removed"), true, tr("Show paths only A has"), this);
    m_modified = toggle(tr("Modified"), true, tr("Show paths whose type, size, mode, owner, link or content differ"), this);
    m_unchanged = toggle(tr("Unchanged"), false, tr("Show paths that are the same in both"), this);
    for (auto *button : {m_added, m_removed, m_modified, m_unchanged})
        connect(button, &QToolButton::toggled, this, &ComparePane::readFilters);

    m_tree->setObjectName(QStringLiteral("diffTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setColumnWidth(DiffTreeModel::NameColumn, 300);
    m_tree->setToolTip(tr("Signed size changes from A to B, largest first"));
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        const uint32_t node = m_model->nodeAt(current);
        emit diffNodeSelected(node);
        if (m_comparison.diff && node != 0) {
            const DiffNode &n = m_comparison.diff->nodes[node];
            m_treemapA->setSelectedNode(n.nodeA);
            m_treemapB->setSelectedNode(n.nodeB);
        }
    });
    m_treemapArea->setViews(m_treemapA, m_treemapB);
    m_treemapA->setObjectName(QStringLiteral("treemapA"));
    m_treemapB->setObjectName(QStringLiteral("treemapB"));
    // Linked selection: a click in either treemap selects the same path in the other and in the tree.
    for (auto [view, side] : {std::pair {m_treemapA, 0}, std::pair {m_treemapB, 1}})
        connect(view, &TreemapView::nodeClicked, this, [this, side = side](MergedTree::NodeId node) {
            if (!m_comparison.diff || node == MergedTree::NoNode)
                return;
            const Image &image = side == 0 ? *m_comparison.diff->a : *m_comparison.diff->b;
            selectPath(image.tree.path(node));
        });

    m_layers->setObjectName(QStringLiteral("compareLayers"));
    m_layers->setColumnCount(6);
    m_layers->setHorizontalHeaderLabels({tr("A"), tr("B"), tr("Match"), tr("Size A"), tr("Size B"), tr("Instruction")});
    m_layers->horizontalHeader()->setStretchLastSection(true);
    m_layers->verticalHeader()->hide();
    m_layers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_layers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_layers->setWordWrap(false);
    m_layers->setToolTip(tr("Layers shared by content (diff_id), aligned by instruction, or only in one image"));

    auto *treeSide = new QWidget(this);
    auto *treeLayout = new QVBoxLayout(treeSide);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("<b>Files</b>"), this));
    for (auto *button : {m_added, m_removed, m_modified, m_unchanged})
        filters->addWidget(button);
    filters->addStretch();
    treeLayout->addLayout(filters);
    treeLayout->addWidget(m_tree);
    auto *layersSide = new QWidget(this);
    auto *layersLayout = new QVBoxLayout(layersSide);
    layersLayout->setContentsMargins(0, 0, 0, 0);
    layersLayout->addWidget(new QLabel(tr("<b>Layers</b>"), this));
    layersLayout->addWidget(m_layers);

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(treeSide);
    bottom->addWidget(layersSide);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    auto *vertical = new QSplitter(Qt::Vertical, this);
    m_treemapArea->setMinimumHeight(200);
    vertical->addWidget(m_treemapArea);
    vertical->addWidget(bottom);
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(vertical, 1);
}

QWidget *ComparePane::treemapArea() const { return m_treemapArea; }

void ComparePane::selectPath(const std::string &path)
{
    if (!m_comparison.diff)
        return;
    const ImageDiff &diff = *m_comparison.diff;
    const auto inA = diff.a->tree.find(path), inB = diff.b->tree.find(path);
    m_treemapA->setSelectedNode(inA);
    m_treemapB->setSelectedNode(inB);
    // Walk the diff tree down by name (children are sorted by name).
    uint32_t node = 0;
    size_t start = 0;
    while (start < path.size() && node != UINT32_MAX) {
        const size_t slash = std::min(path.find('/', start), path.size());
        const std::string_view part = std::string_view(path).substr(start, slash - start);
        const auto &kids = diff.childrenOf[node];
        auto it = std::lower_bound(kids.begin(), kids.end(), part, [&](uint32_t kid, std::string_view key) { return diff.name(kid) < key; });
        node = it != kids.end() && diff.name(*it) == part ? *it : UINT32_MAX;
        start = slash + 1;
    }
    if (node != UINT32_MAX)
        if (QModelIndex index = m_model->indexOfNode(node); index.isValid()) {
            const QSignalBlocker blocker(m_tree->selectionModel());
            m_tree->setCurrentIndex(index);
            m_tree->scrollTo(index);
        }
}

QToolButton *ComparePane::statusButton(DiffStatus status) const
{
    switch (status) {
    case DiffStatus::Added: return m_added;
    case DiffStatus::Removed: return m_removed;
    case DiffStatus::Modified: return m_modified;
    default: return m_unchanged;
    }
}

void ComparePane::readFilters()
{
    uint8_t mask = 0;
    for (DiffStatus status : {DiffStatus::Added, DiffStatus::Removed, DiffStatus::Modified, DiffStatus::Unchanged})
        if (statusButton(status)->isChecked())
            mask |= uint8_t(1u << unsigned(status));
    m_model->setShownStatuses(mask);
}

void ComparePane::setComparison(const LoadedComparison &comparison)
{
    m_comparison = comparison;
    m_model->setDiff(comparison.diff);
    if (comparison.diff) {
        m_treemapArea->setBytes(comparison.diff->nodes[0].bytesA, comparison.diff->nodes[0].bytesB);
        // Both final filesystems, aggregated, built off the GUI thread.
        const quint64 generation = ++m_generation;
        auto a = comparison.diff->a, b = comparison.diff->b;
        using Scopes = std::pair<std::shared_ptr<const TreeScope>, std::shared_ptr<const TreeScope>>;
        auto *watcher = new QFutureWatcher<Scopes>(this);
        connect(watcher, &QFutureWatcher<Scopes>::finished, this, [this, watcher, generation] {
            watcher->deleteLater();
            if (generation != m_generation)
                return;
            m_treemapA->setScope(watcher->result().first);
            m_treemapB->setScope(watcher->result().second);
        });
        watcher->setFuture(QtConcurrent::run([a, b] {
            auto scopeOf = [](const std::shared_ptr<const Image> &image) {
                return image->layers.empty() ? nullptr : TreeScope::build(image, int(image->layers.size()) - 1, TreeFilter {});
            };
            return Scopes {scopeOf(a), scopeOf(b)};
        }));
    }
    fillSummary();
    fillLayers();
    // Open the biggest movement's path.
    if (comparison.diff)
        for (uint32_t node : topMovements(*comparison.diff, 1))
            for (uint32_t up = comparison.diff->nodes[node].parent; up != 0 && up != UINT32_MAX; up = comparison.diff->nodes[up].parent)
                m_tree->expand(m_model->indexOfNode(up));
}

void ComparePane::fillSummary()
{
    if (!m_comparison.diff)
        return m_summary->clear();
    const ImageDiff &diff = *m_comparison.diff;
    const Image &a = *diff.a, &b = *diff.b;
    const DiffNode &root = diff.nodes[0];
    const double percent = root.bytesA ? 100.0 * double(root.delta()) / double(root.bytesA) : 0.0;
    m_summary->setText(tr("<h3>%1 → %2</h3><p><b>Final filesystem</b> %3 → %4 (<b>%5</b>, %6 %) &nbsp; <b>Stored</b> %7 → %8 &nbsp; "
                          "<b>Layers</b> %9 → %10, %11 shared &nbsp; <b>Paths</b> %12 added, %13 removed, %14 modified</p>")
                           .arg(imageLabel(a).toHtmlEscaped(), imageLabel(b).toHtmlEscaped(), formatBytes(root.bytesA), formatBytes(root.bytesB),
                                formatSignedBytes(root.delta()))
                           .arg(percent, 0, 'f', 1)
                           .arg(formatBytes(a.compressedSizeBytes()), formatBytes(b.compressedSizeBytes()))
                           .arg(a.layers.size())
                           .arg(b.layers.size())
                           .arg(diff.layers.shared.size())
                           .arg(diff.added)
                           .arg(diff.removed)
                           .arg(diff.modified));
}

void ComparePane::fillLayers()
{
    m_layers->setRowCount(0);
    if (!m_comparison.diff)
        return;
    const ImageDiff &diff = *m_comparison.diff;
    const Image &a = *diff.a, &b = *diff.b;
    auto addRow = [this](const QString &ia, const QString &ib, const QString &match, const QString &sizeA, const QString &sizeB, const QString &text) {
        const int row = m_layers->rowCount();
        m_layers->insertRow(row);
        const QStringList cells {ia, ib, match, sizeA, sizeB, text};
        for (int column = 0; column < cells.size(); ++column)
            m_layers->setItem(row, column, new QTableWidgetItem(cells[column]));
    };
    for (const auto &[i, j] : diff.layers.shared)
        addRow(QString::number(i), QString::number(j), tr("shared"), formatBytes(a.layers[size_t(i)].size), formatBytes(b.layers[size_t(j)].size), instruction(a, i));
    for (const auto &[i, j] : diff.layers.aligned)
        addRow(QString::number(i), QString::number(j), tr("same step"), formatBytes(a.layers[size_t(i)].size), formatBytes(b.layers[size_t(j)].size), instruction(b, j));
    for (int i : diff.layers.onlyA)
        addRow(QString::number(i), QStringLiteral("–"), tr("only A"), formatBytes(a.layers[size_t(i)].size), QStringLiteral("–"), instruction(a, i));
    for (int j : diff.layers.onlyB)
        addRow(QStringLiteral("–"), QString::number(j), tr("only B"), QStringLiteral("–"), formatBytes(b.layers[size_t(j)].size), instruction(b, j));
    m_layers->resizeColumnsToContents();
}

} // namespace ballast
