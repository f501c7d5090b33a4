#include "ComparePane.h"

#include "analysis/ImageAnalysis.h"
#include "compare/DiffTreeModel.h"
#include "compare/DiffTreeSearch.h"
#include "compare/FindingsChangesView.h"
#include "compare/MatchedLayersView.h"
#include "compare/PackageChangesView.h"
#include "report/DiffReport.h"
#include "report/PackageDiffReport.h"
#include "sources/SourceText.h"
#include "treemap/TreemapView.h"
#include "util/ByteFormat.h"
#include "widgets/StatusToggle.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace ballast {
namespace {

// The diff tree's status toggles look like the file tree's: on or off at a glance, in the colour the
// tree gives that status.
QToolButton *toggle(NodeStatus status, const QString &text, bool checked, const QString &tip, QWidget *parent)
{
    auto *button = new StatusToggle(status, text, tip, parent);
    button->setChecked(checked);
    return button;
}

QPushButton *openButton(const QString &text, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setToolTip(
        QObject::tr("Show this image alone: its layers, files, treemap and Dockerfile (View › Comparison comes back)"));
    return button;
}

FindingsDiff findingsOf(const LoadedComparison &comparison)
{
    if (!comparison.a.analysis || !comparison.b.analysis)
        return {};
    return diffFindings(comparison.a.analysis->findings, comparison.b.analysis->findings);
}

} // namespace

// The two treemaps at one scale (area per byte): the larger image fills its half, the smaller one
// gets the share of that area its bytes call for, so the smaller image really looks smaller. Only the
// maps shrink; each half keeps its header and legend at full width.
class SideBySideArea : public QWidget {
public:
    SideBySideArea(QWidget *parent)
        : QWidget(parent)
    { }
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
        const int64_t larger = std::max<int64_t>({ m_bytesA, m_bytesB, 1 });
        auto side = [&](int64_t bytes) {
            return std::sqrt(double(std::max<int64_t>(bytes, 0)) / double(larger));
        }; // area ∝ bytes
        m_a->setGeometry(0, 0, half, height());
        m_b->setGeometry(half + 8, 0, half, height());
        m_a->setMapScale(side(m_bytesA));
        m_b->setMapScale(side(m_bytesB));
    }
    TreemapView *m_a = nullptr, *m_b = nullptr;
    int64_t m_bytesA = 1, m_bytesB = 1;
};

ComparePane::ComparePane(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_openA(openButton(tr("Open A alone"), this))
    , m_openB(openButton(tr("Open B alone"), this))
    , m_treemapArea(new SideBySideArea(this))
    , m_treemapA(new TreemapView(this))
    , m_treemapB(new TreemapView(this))
    , m_tree(new QTreeView(this))
    , m_model(new DiffTreeModel(this))
    , m_search(new DiffTreeSearch(m_tree, m_model, this))
    , m_layers(new MatchedLayersView(this))
    , m_findingsView(new FindingsChangesView(this))
    , m_packagesView(new PackageChangesView(this))
    , m_packagesSummary(new QLabel(this))
{
    setObjectName(QStringLiteral("comparePane"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_openA->setObjectName(QStringLiteral("openA"));
    m_openB->setObjectName(QStringLiteral("openB"));
    connect(m_openA, &QPushButton::clicked, this, [this] {
        if (m_comparison.a.image)
            emit openImageRequested(m_comparison.a);
    });
    connect(m_openB, &QPushButton::clicked, this, [this] {
        if (m_comparison.b.image)
            emit openImageRequested(m_comparison.b);
    });
    m_added = toggle(NodeStatus::Added, tr("Added"), true, tr("Show paths only B has"), this);
    m_removed = toggle(NodeStatus::Removed, tr("Removed"), true, tr("Show paths only A has"), this);
    m_modified = toggle(NodeStatus::Modified, tr("Modified"), true,
        tr("Show paths whose type, size, mode, owner, link or content differ"), this);
    m_unchanged
        = toggle(NodeStatus::Unchanged, tr("Unchanged"), false, tr("Show paths that are the same in both"), this);
    for (auto *button : { m_added, m_removed, m_modified, m_unchanged })
        connect(button, &QToolButton::toggled, this, &ComparePane::readFilters);

    m_tree->setObjectName(QStringLiteral("diffTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setToolTip(tr("Signed size changes from A to B, largest first"));
    sizeDiffColumns();
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
    for (auto [view, side] : { std::pair { m_treemapA, 0 }, std::pair { m_treemapB, 1 } })
        connect(view, &TreemapView::nodeClicked, this, [this, side = side](MergedTree::NodeId node) {
            if (!m_comparison.diff || node == MergedTree::NoNode)
                return;
            const Image &image = side == 0 ? *m_comparison.diff->a : *m_comparison.diff->b;
            selectPath(image.tree.path(node));
        });

    auto *header = new QHBoxLayout;
    header->addWidget(m_summary, 1);
    header->addWidget(m_openA, 0, Qt::AlignTop);
    header->addWidget(m_openB, 0, Qt::AlignTop);

    auto *treeSide = new QWidget(this);
    auto *treeLayout = new QVBoxLayout(treeSide);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("<b>Files</b>"), this));
    for (auto *button : { m_added, m_removed, m_modified, m_unchanged })
        filters->addWidget(button);
    filters->addWidget(m_search, 1);
    treeLayout->addLayout(filters);
    treeLayout->addWidget(m_tree);
    auto *findingsSide = new QWidget(this);
    auto *findingsLayout = new QVBoxLayout(findingsSide);
    findingsLayout->setContentsMargins(0, 0, 0, 0);
    findingsLayout->addWidget(new QLabel(tr("<b>Findings</b>"), this));
    findingsLayout->addWidget(m_findingsView);
    // Side by side rather than stacked: the treemaps above keep their height.
    auto *bottom = m_bottom = new QSplitter(Qt::Horizontal, this);
    // The packages that changed under the layers that changed them.
    auto *packagesSide = new QWidget(this);
    auto *packagesLayout = new QVBoxLayout(packagesSide);
    packagesLayout->setContentsMargins(0, 0, 0, 0);
    m_packagesSummary->setObjectName(QStringLiteral("packageChangesSummary"));
    m_packagesSummary->setWordWrap(true);
    packagesLayout->addWidget(m_packagesSummary);
    packagesLayout->addWidget(m_packagesView);
    auto *layersColumn = new QSplitter(Qt::Vertical, this);
    layersColumn->addWidget(m_layers);
    layersColumn->addWidget(packagesSide);
    bottom->addWidget(treeSide);
    bottom->addWidget(layersColumn);
    bottom->addWidget(findingsSide);
    bottom->setStretchFactor(0, 5);
    bottom->setStretchFactor(1, 3);
    bottom->setStretchFactor(2, 3);
    auto *vertical = new QSplitter(Qt::Vertical, this);
    m_treemapArea->setMinimumHeight(200);
    vertical->addWidget(m_treemapArea);
    vertical->addWidget(bottom);
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(vertical, 1);
}

QWidget *ComparePane::treemapArea() const
{
    return m_treemapArea;
}

void ComparePane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // The tree's wide header would take most of the width: start from fixed shares, once; after that
    // the splitter keeps what the user made of it.
    if (!m_bottomShared && width() > 300) {
        m_bottom->setSizes({ width() * 44 / 100, width() * 28 / 100, width() * 28 / 100 });
        m_bottomShared = true;
    }
}

QTableWidget *ComparePane::layersTable() const
{
    return m_layers->table();
}

void ComparePane::findNext()
{
    m_search->next();
}

void ComparePane::findPrevious()
{
    m_search->previous();
}

void ComparePane::focusSearch()
{
    m_search->focusField();
}

// Status and sizes keep the width their longest text needs ("contents changed", "-1023.9 MB"); the
// name takes the rest.
void ComparePane::sizeDiffColumns()
{
    const QFontMetrics metrics(m_tree->font());
    const int padding = 2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_tree) + 1)
        + metrics.averageCharWidth() * 2;
    int status = 0;
    for (const QString &text : DiffTreeModel::statusTexts())
        status = std::max(status, metrics.horizontalAdvance(text));
    const int size = metrics.horizontalAdvance(QStringLiteral("-1023.99 MB"));
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(DiffTreeModel::NameColumn, QHeaderView::Stretch);
    m_tree->setColumnWidth(DiffTreeModel::StatusColumn, status + padding);
    for (int column : { DiffTreeModel::SizeAColumn, DiffTreeModel::SizeBColumn, DiffTreeModel::DeltaColumn })
        m_tree->setColumnWidth(column, size + padding);
}

void ComparePane::selectPath(const std::string &path)
{
    if (!m_comparison.diff)
        return;
    const ImageDiff &diff = *m_comparison.diff;
    const auto inA = diff.a->tree.find(path), inB = diff.b->tree.find(path);
    m_treemapA->setSelectedNode(inA);
    m_treemapB->setSelectedNode(inB);
    // Walk the diff tree down by name (children are sorted by name).
    ImageDiff::NodeId node = MergedTree::Root;
    size_t start = 0;
    while (start < path.size() && node != MergedTree::NoNode) {
        const size_t slash = std::min(path.find('/', start), path.size());
        const std::string_view part = std::string_view(path).substr(start, slash - start);
        const auto &kids = diff.childrenOf[node];
        auto it = std::lower_bound(kids.begin(), kids.end(), part,
            [&](ImageDiff::NodeId kid, std::string_view key) { return diff.name(kid) < key; });
        node = it != kids.end() && diff.name(*it) == part ? *it : MergedTree::NoNode;
        start = slash + 1;
    }
    if (node != MergedTree::NoNode)
        if (QModelIndex index = m_model->indexOfNode(node); index.isValid()) {
            const QSignalBlocker blocker(m_tree->selectionModel());
            m_tree->setCurrentIndex(index);
            m_tree->scrollTo(index);
        }
}

QToolButton *ComparePane::statusButton(DiffStatus status) const
{
    switch (status) {
    case DiffStatus::Added:
        return m_added;
    case DiffStatus::Removed:
        return m_removed;
    case DiffStatus::Modified:
        return m_modified;
    default:
        return m_unchanged;
    }
}

void ComparePane::readFilters()
{
    uint8_t mask = 0;
    for (DiffStatus status : { DiffStatus::Added, DiffStatus::Removed, DiffStatus::Modified, DiffStatus::Unchanged })
        if (statusButton(status)->isChecked())
            mask |= uint8_t(1u << unsigned(status));
    m_model->setShownStatuses(mask);
}

void ComparePane::setComparison(const LoadedComparison &comparison)
{
    m_comparison = comparison;
    m_findings = findingsOf(comparison);
    m_model->setDiff(comparison.diff);
    m_layers->setDiff(comparison.diff);
    m_findingsView->setFindings(m_findings);
    // The analyses that came with the images hold their packages: comparing them is a lookup.
    const PackageDiff packages = comparison.a.analysis && comparison.b.analysis
        ? diffPackages(comparison.a.analysis->packages, comparison.b.analysis->packages)
        : PackageDiff {};
    m_packagesView->setChanges(packages);
    m_packagesSummary->setText(tr("<b>Packages</b> %1; not from a package %2 → %3")
                                   .arg(packageChangeCounts(packages), formatBytes(packages.unpackagedBytesA),
                                       formatBytes(packages.unpackagedBytesB)));
    // Each map is named after its image: the two halves must never both read "image".
    m_treemapA->setImageName(comparison.a.image ? tr("A: %1").arg(imageDisplayName(*comparison.a.image)) : QString());
    m_treemapB->setImageName(comparison.b.image ? tr("B: %1").arg(imageDisplayName(*comparison.b.image)) : QString());
    if (comparison.diff) {
        m_treemapArea->setBytes(comparison.diff->nodes[0].bytesA, comparison.diff->nodes[0].bytesB);
        // Both final filesystems, aggregated, built off the GUI thread.
        auto a = comparison.diff->a, b = comparison.diff->b;
        m_finalScopes.start([a, b](const std::atomic<bool> &cancelled) {
            auto scopeOf = [&cancelled](const std::shared_ptr<const Image> &image) {
                return image->layers.empty()
                    ? nullptr
                    : TreeScope::build(image, int(image->layers.size()) - 1, TreeFilter {}, nullptr, {}, &cancelled);
            };
            return FinalScopes { scopeOf(a), scopeOf(b) };
        });
    } else {
        m_finalScopes.cancel(); // the maps of an earlier comparison must not arrive now
    }
    fillSummary();
    // Open the biggest movement's path.
    if (comparison.diff)
        for (ImageDiff::NodeId node : topMovements(*comparison.diff, 1))
            for (ImageDiff::NodeId up = comparison.diff->nodes[node].parent;
                 up != MergedTree::Root && up != MergedTree::NoNode; up = comparison.diff->nodes[up].parent)
                m_tree->expand(m_model->indexOfNode(up));
}

void ComparePane::showFinalScopes(const FinalScopes &scopes)
{
    m_treemapA->setScope(scopes.first);
    m_treemapB->setScope(scopes.second);
}

void ComparePane::fillSummary()
{
    if (!m_comparison.diff)
        return m_summary->clear();
    const ImageDiff &diff = *m_comparison.diff;
    const Image &a = *diff.a, &b = *diff.b;
    const DiffNode &root = diff.nodes[0];
    const double percent = root.bytesA ? 100.0 * double(root.delta()) / double(root.bytesA) : 0.0;
    m_summary->setText(
        tr("<h3>A: %1 → B: %2</h3><p><b>Final filesystem</b> %3 → %4 (<b>%5</b>, %6 %) &nbsp; <b>Stored</b> %7 → %8 "
           "&nbsp; "
           "<b>Layers</b> %9 → %10, %11 shared &nbsp; <b>Paths</b> %12 added, %13 removed, %14 modified &nbsp; "
           "<b>Findings</b> %15 resolved, %16 new, %17 still present</p>")
            .arg(imageDisplayName(a).toHtmlEscaped(), imageDisplayName(b).toHtmlEscaped(), formatBytes(root.bytesA),
                formatBytes(root.bytesB), formatSignedBytes(root.delta()))
            .arg(percent, 0, 'f', 1)
            .arg(formatBytes(a.compressedSizeBytes()), formatBytes(b.compressedSizeBytes()))
            .arg(a.layers.size())
            .arg(b.layers.size())
            .arg(diff.layers.shared.size())
            .arg(diff.added)
            .arg(diff.removed)
            .arg(diff.modified)
            .arg(m_findings.resolved.size())
            .arg(m_findings.introduced.size())
            .arg(m_findings.stillPresent.size()));
}

} // namespace ballast
