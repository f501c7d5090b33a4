#include "TreemapView.h"

#include "TreemapBreadcrumb.h"
#include "TreemapCanvas.h"
#include "TreemapLegend.h"
#include "sources/SourceText.h"
#include "util/AtomicWrite.h"
#include "widgets/FilterChip.h"

#include <QBuffer>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <unordered_set>

namespace ballast {

TreemapView::TreemapView(QWidget *parent)
    : QWidget(parent)
    , m_breadcrumb(new TreemapBreadcrumb(this))
    , m_coloringBox(new QComboBox(this))
    , m_canvas(new TreemapCanvas(this))
    , m_legend(new TreemapLegend(this))
    , m_chip(new FilterChip(this))
    , m_filteredOut(new FilteredOutNote(m_canvas))
{
    for (TreemapColoring coloring : { TreemapColoring::FileType, TreemapColoring::Layer, TreemapColoring::Status })
        m_coloringBox->addItem(coloringName(coloring), int(coloring));
    m_coloringBox->setToolTip(tr("What the colours of the tiles tell"));
    auto *colorLabel = new QLabel(tr("Colour by:"), this);
    colorLabel->setBuddy(m_coloringBox);

    auto *top = new QHBoxLayout;
    m_top = top;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_breadcrumb, 1);
    top->addWidget(colorLabel);
    top->addWidget(m_coloringBox);
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(3);
    column->addLayout(top);
    column->addWidget(m_chip, 0, Qt::AlignLeft);
    column->addWidget(m_canvas, 1);
    column->addWidget(m_legend);
    column->addStretch(); // takes what a scaled-down canvas leaves, so the legend stays under the map

    m_resizeDebounce.setSingleShot(true);
    m_resizeDebounce.setInterval(100);
    connect(&m_resizeDebounce, &QTimer::timeout, this, [this] { requestFrame(); });
    connect(m_canvas, &TreemapCanvas::resized, this, [this] {
        m_filteredOut->setGeometry(m_canvas->rect().adjusted(12, 12, -12, -12));
        if (!m_frame || m_deferred) { // nothing (current) on screen: no reason to wait
            requestFrame();
            return;
        }
        if (m_requestedSize == m_canvas->size())
            m_resizeDebounce.stop();
        else
            m_resizeDebounce.start();
    });
    connect(m_filteredOut, &FilteredOutNote::clearRequested, this, &TreemapView::clearFilterRequested);
    connect(m_chip, &FilterChip::clearRequested, this, &TreemapView::clearFilterRequested);
    connect(m_coloringBox, &QComboBox::currentIndexChanged, this,
        [this] { setColoring(TreemapColoring(m_coloringBox->currentData().toInt())); });
    connect(m_breadcrumb, &TreemapBreadcrumb::nodeActivated, this, &TreemapView::setZoomRoot);
    connect(m_canvas, &TreemapCanvas::tileClicked, this, &TreemapView::onTileClicked);
    connect(m_canvas, &TreemapCanvas::tileDoubleClicked, this, &TreemapView::onTileDoubleClicked);
    connect(m_canvas, &TreemapCanvas::zoomInRequested, this, &TreemapView::onZoomInRequested);
    connect(m_canvas, &TreemapCanvas::zoomOutRequested, this, &TreemapView::zoomOut);
    m_canvas->setPlaceholder(tr("Open an image to see where its bytes are"));
    setFocusProxy(m_canvas);
    updateLegend();
    updateBreadcrumb();
}

void TreemapView::setScope(std::shared_ptr<const TreeScope> scope)
{
    if (scope == m_scope)
        return;
    const bool sameImage = scope && m_scope && scope->image == m_scope->image;
    const bool zoomReset = !sameImage && m_zoom != MergedTree::Root;
    if (!sameImage) { // the old map's node ids mean nothing in another image: it goes at once
        m_zoom = MergedTree::Root;
        m_selectedNode = MergedTree::NoNode;
        m_selectedSmallFiles = false;
        m_frame.reset();
        m_canvas->setFrame(nullptr);
    }
    m_scope = std::move(scope);
    m_weights.reset();
    m_chip->setFilter(m_scope ? m_scope->filter : TreeFilter {});
    if (!m_scope)
        m_filteredOut->hide();
    updateBreadcrumb();
    if (zoomReset)
        emit zoomChanged(m_zoom);
    updateLegend();
    requestFrame();
}

void TreemapView::setColoring(TreemapColoring coloring)
{
    if (coloring == m_coloring)
        return;
    m_coloring = coloring;
    m_coloringBox->setCurrentIndex(m_coloringBox->findData(int(coloring)));
    updateLegend();
    requestFrame(true);
}

MergedTree::NodeId TreemapView::hoveredNode() const
{
    const uint32_t tile = m_canvas->hoveredTile();
    return m_frame && tile < m_frame->layout->tiles().size() ? m_frame->layout->tiles()[tile].node : MergedTree::NoNode;
}

bool TreemapView::isBusy() const
{
    return m_frames.isRunning() || m_resizeDebounce.isActive();
}

TreemapLayoutOptions TreemapView::layoutOptions() const
{
    TreemapLayoutOptions options;
    options.headerHeight = float(QFontMetricsF(font()).height() + 3);
    return options;
}

TreemapRenderOptions TreemapView::renderOptions() const
{
    TreemapRenderOptions options;
    options.devicePixelRatio = m_canvas->devicePixelRatioF();
    options.font = font();
    return options;
}

void TreemapView::requestFrame(bool keepLayout)
{
    m_resizeDebounce.stop();
    m_frames.cancel();
    const QSize size = m_canvas->size();
    m_requestedSize = size;
    m_deferred = !m_scope || !m_canvas->isVisible() || size.isEmpty();
    if (m_deferred) { // asked again when shown (resized)
        if (!m_scope) {
            m_frame.reset();
            m_canvas->setFrame(nullptr);
        }
        return;
    }
    TreemapRequest request;
    request.scope = m_scope;
    request.weights = m_weights;
    if (!request.weights && m_frame && m_frame->layout->weights().scope == m_scope)
        request.weights = m_frame->layout->sharedWeights();
    if (keepLayout && m_frame && request.weights && &m_frame->layout->weights() == request.weights.get()
        && m_frame->layout->root() == m_zoom && m_frame->layout->width() == float(size.width())
        && m_frame->layout->height() == float(size.height()))
        request.layout = m_frame->layout;
    request.zoomRoot = m_zoom;
    request.size = size;
    request.layoutOptions = layoutOptions();
    request.coloring = m_coloring;
    request.renderOptions = renderOptions();
    if (!m_frame)
        m_canvas->setPlaceholder(tr("Laying out…"));

    m_frames.start([request](const std::atomic<bool> &cancelled) { return buildTreemapFrame(request, &cancelled); });
}

void TreemapView::applyFrame(std::shared_ptr<const TreemapFrame> frame)
{
    if (!frame)
        return; // only a cancelled build returns none, and its result is never delivered
    m_frame = std::move(frame);
    m_weights = m_frame->layout->sharedWeights();
    if (m_frame->layout->root() != m_zoom) { // the zoom root is no longer drawn: the layout fell back
        m_zoom = m_frame->layout->root();
        updateBreadcrumb();
        emit zoomChanged(m_zoom);
    }
    showWhyEmpty();
    m_canvas->setFrame(m_frame);
    updateSelectionTile();
    emit layoutReady();
}

void TreemapView::showWhyEmpty()
{
    const bool empty = m_frame->layout->tiles().empty();
    const QString filter = empty && m_scope ? describeFilter(m_scope->filter) : QString();
    m_filteredOut->setVisible(!filter.isEmpty());
    if (!empty)
        return;
    if (filter.isEmpty()) {
        m_canvas->setPlaceholder(tr("Nothing to draw: what this view shows holds no bytes"));
        return;
    }
    m_canvas->setPlaceholder(QString());
    m_filteredOut->setText(
        (m_scope->visibleCount == 0 ? tr("No file matches the filter (%1)")
                                    : tr("Nothing to draw: what the filter (%1) shows holds no bytes"))
            .arg(filter));
}

void TreemapView::setZoomRoot(MergedTree::NodeId node)
{
    if (!m_scope || node >= m_scope->image->tree.nodeCount() || node == m_zoom)
        return;
    if (m_scope->image->tree.children(node).empty()) // a file: nothing to zoom into
        return;
    if (m_weights && node != MergedTree::Root && !m_weights->zoomable(node))
        return;
    m_zoom = node;
    updateBreadcrumb();
    emit zoomChanged(node);
    requestFrame();
}

void TreemapView::zoomOut()
{
    if (m_scope && m_zoom != MergedTree::Root)
        setZoomRoot(m_scope->image->tree.parent(m_zoom));
}

void TreemapView::setSelectedNode(MergedTree::NodeId node)
{
    if (node == m_selectedNode)
        return;
    m_selectedNode = node;
    m_selectedSmallFiles = false;
    if (m_scope && node < m_scope->image->tree.nodeCount()) {
        // Outside the zoom root: zoom out to the closest directory that holds both.
        const MergedTree &tree = m_scope->image->tree;
        std::unordered_set<NodeId> zoomChain;
        for (NodeId n = m_zoom; n != MergedTree::Root; n = tree.parent(n))
            zoomChain.insert(n);
        NodeId common = node;
        while (common != MergedTree::Root && !zoomChain.count(common))
            common = tree.parent(common);
        if (common != m_zoom)
            setZoomRoot(common);
    }
    updateSelectionTile();
}

void TreemapView::updateSelectionTile()
{
    if (!m_frame || m_selectedNode == MergedTree::NoNode) {
        m_canvas->setSelectedTile(Tile::NoTile);
        return;
    }
    const TreemapLayout &layout = *m_frame->layout;
    uint32_t tile = layout.tileOfNode(m_selectedNode);
    if (m_selectedSmallFiles && tile != Tile::NoTile && layout.tiles()[tile].kind != TileKind::SmallFiles)
        for (const SmallFilesInfo &info : layout.smallFiles())
            if (layout.tiles()[info.tile].parent == tile) {
                tile = info.tile;
                break;
            }
    m_canvas->setSelectedTile(tile);
}

void TreemapView::onTileClicked(uint32_t tile)
{
    const Tile &t = m_frame->layout->tiles()[tile];
    m_selectedNode = t.node;
    m_selectedSmallFiles = t.kind == TileKind::SmallFiles;
    emit nodeClicked(t.node);
}

void TreemapView::onTileDoubleClicked(uint32_t tile)
{
    const auto &tiles = m_frame->layout->tiles();
    const Tile &t = tiles[tile];
    // A file zooms into the directory that holds it; a small-files area into the directory it belongs to.
    NodeId target = t.node;
    if (t.kind == TileKind::File)
        target = t.parent != Tile::NoTile ? tiles[t.parent].node : m_zoom;
    setZoomRoot(target);
}

void TreemapView::onZoomInRequested(uint32_t tile)
{
    if (!m_frame || tile == Tile::NoTile)
        return;
    const auto &tiles = m_frame->layout->tiles();
    // One level in: the zoom root's child on the way to the tile under the pointer.
    while (tile != Tile::NoTile && tiles[tile].parent != 0)
        tile = tiles[tile].parent;
    if (tile != Tile::NoTile && tiles[tile].kind != TileKind::File && tiles[tile].kind != TileKind::SmallFiles)
        setZoomRoot(tiles[tile].node);
}

void TreemapView::updateBreadcrumb()
{
    const MergedTree *tree = m_scope ? &m_scope->image->tree : nullptr;
    QString rootLabel = m_imageName;
    if (rootLabel.isEmpty())
        rootLabel = m_scope ? imageDisplayName(*m_scope->image) : tr("image");
    m_breadcrumb->setPath(tree, m_zoom, rootLabel);
}

void TreemapView::setImageName(const QString &name)
{
    m_imageName = name;
    updateBreadcrumb();
}

void TreemapView::updateLegend()
{
    m_legend->setEntries(legendEntries(m_coloring, m_scope ? m_scope->image.get() : nullptr));
}

bool TreemapView::exportPng(const QString &path) const
{
    if (!m_frame || m_frame->image.isNull())
        return false;
    // Encoded whole in memory, then replacing the file at once: a full disk keeps the old file.
    QByteArray png;
    QBuffer buffer(&png);
    return buffer.open(QIODevice::WriteOnly) && m_frame->image.save(&buffer, "PNG") && writeAtomically(path, png);
}

bool TreemapView::exportSvg(const QString &path) const
{
    return m_frame && !m_frame->layout->tiles().empty() && writeTreemapSvg(*m_frame, path, renderOptions().font);
}

void TreemapView::setMapScale(double side)
{
    m_mapScale = std::clamp(side, 0.01, 1.0);
    fitCanvasToScale();
}

void TreemapView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitCanvasToScale();
}

void TreemapView::fitCanvasToScale()
{
    if (m_mapScale >= 1.0) {
        m_canvas->setMinimumSize(0, 0);
        m_canvas->setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
        return;
    }
    const int spacing = layout()->spacing();
    const int mapHeight = height() - m_top->sizeHint().height() - m_legend->heightForWidth(width()) - 2 * spacing;
    m_canvas->setFixedSize(std::max(40, int(width() * m_mapScale)), std::max(30, int(mapHeight * m_mapScale)));
}

void TreemapView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        if (m_scope)
            requestFrame();
}

} // namespace ballast
