#pragma once
#include "LatestResult.h"
#include "TreemapFrame.h"

#include <QTimer>
#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;

namespace ballast {

class FilterChip;
class FilteredOutNote;
class TreemapBreadcrumb;
class TreemapCanvas;
class TreemapLegend;

// The treemap of a scope (the file tree's layer, mode and filter): a breadcrumb of the zoom root and a
// choice of colouring above, a chip naming the filter when one narrows the map, the map, a legend
// below. When the filter leaves nothing to draw, the map says so and offers to clear it. Layout and painting run on a
// worker thread; a newer request cancels the one running and its result is dropped (LatestResult); resizes wait 100 ms
// for the size to settle. Hover and selection are overlays on the cached image.
//
// Mouse: click selects (nodeClicked), double-click zooms into the directory under the pointer, the
// wheel zooms one level in towards the pointer or out; Backspace and the breadcrumb zoom out.
class TreemapView : public QWidget {
    Q_OBJECT
public:
    using NodeId = MergedTree::NodeId;

    explicit TreemapView(QWidget *parent = nullptr);

    void setScope(std::shared_ptr<const TreeScope> scope);
    std::shared_ptr<const TreeScope> scope() const { return m_scope; }
    NodeId zoomRoot() const { return m_zoom; }
    void setColoring(TreemapColoring coloring);
    TreemapColoring coloring() const { return m_coloring; }
    NodeId selectedNode() const { return m_selectedNode; }
    NodeId hoveredNode() const;

    // True from a request (scope, zoom, size, colouring) until its frame is shown; layoutReady() then.
    bool isBusy() const;
    // The rendered image as it is shown, and the same map as SVG (rects and labels). False when there is
    // nothing to export yet or the file cannot be written.
    bool exportPng(const QString &path) const;
    bool exportSvg(const QString &path) const;

    // The frame on screen (layout, hit grid, image); null before the first one is ready.
    std::shared_ptr<const TreemapFrame> frame() const { return m_frame; }
    TreemapCanvas *canvas() const { return m_canvas; }
    TreemapBreadcrumb *breadcrumb() const { return m_breadcrumb; }
    TreemapLegend *legend() const { return m_legend; }
    QComboBox *coloringBox() const { return m_coloringBox; }
    FilterChip *filterChip() const { return m_chip; }
    FilteredOutNote *filteredOutNote() const { return m_filteredOut; }

    // Draws the map at `side` (0…1] of the width and height it could have, at the top left, with the
    // header and legend still at full width: the compare view shows the smaller image smaller.
    void setMapScale(double side);
    double mapScale() const { return m_mapScale; }
    // The breadcrumb's first segment: by default the image's first tag, else its file name. The
    // compare view says which side each map is ("A: …", "B: …").
    void setImageName(const QString &name);

public slots:
    // Highlights the node's tile (or the small-files area or nearest drawn ancestor that holds it),
    // zooming out first when the node is outside the zoom root.
    void setSelectedNode(MergedTree::NodeId node);
    void setZoomRoot(MergedTree::NodeId node);
    void zoomOut();

signals:
    void nodeClicked(MergedTree::NodeId node);
    void zoomChanged(MergedTree::NodeId node);
    void layoutReady();
    // The user asked, from the chip or the empty map, to see everything again.
    void clearFilterRequested();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void requestFrame(bool keepLayout = false);
    void applyFrame(std::shared_ptr<const TreemapFrame> frame);
    void updateBreadcrumb();
    void updateLegend();
    void updateSelectionTile();
    void showWhyEmpty();
    void onTileClicked(uint32_t tile);
    void onTileDoubleClicked(uint32_t tile);
    void onZoomInRequested(uint32_t tile);
    TreemapLayoutOptions layoutOptions() const;
    TreemapRenderOptions renderOptions() const;

    std::shared_ptr<const TreeScope> m_scope;
    std::shared_ptr<const TreemapWeights> m_weights; // of m_scope, once a job computed them
    std::shared_ptr<const TreemapFrame> m_frame;
    NodeId m_zoom = MergedTree::Root;
    NodeId m_selectedNode = MergedTree::NoNode;
    bool m_selectedSmallFiles = false; // the selection is a small-files area (of m_selectedNode)
    TreemapColoring m_coloring = TreemapColoring::FileType;
    LatestResult<std::shared_ptr<const TreemapFrame>> m_frames { [this](std::shared_ptr<const TreemapFrame> frame) {
        applyFrame(std::move(frame));
    } };
    QTimer m_resizeDebounce;
    QSize m_requestedSize; // of the newest request
    bool m_deferred = false; // the newest request waits for the canvas to be shown

    TreemapBreadcrumb *m_breadcrumb;
    QComboBox *m_coloringBox;
    TreemapCanvas *m_canvas;
    TreemapLegend *m_legend;
    FilterChip *m_chip;
    FilteredOutNote *m_filteredOut;
    QLayout *m_top;
    double m_mapScale = 1.0;
    QString m_imageName; // empty: the image's own name
    void fitCanvasToScale();
};

} // namespace ballast
