#pragma once
#include "TreemapColors.h"
#include "TreemapHitGrid.h"
#include "TreemapLayout.h"
#include "TreemapRenderer.h"

#include <QImage>
#include <QSize>
#include <memory>

namespace ballast {

// Everything a treemap view shows at one time, built together off the GUI thread and immutable after:
// the layout, its hit-test grid, the tile colours and the painted image.
struct TreemapFrame {
    std::shared_ptr<const TreemapLayout> layout;
    std::shared_ptr<const TreemapHitGrid> hitGrid;
    TreemapColoring coloring = TreemapColoring::FileType;
    std::vector<QRgb> colors; // per tile
    QImage image;

    // The layout and its hit-test structure (the image is not counted).
    size_t layoutMemoryBytes() const { return layout->memoryBytes() + hitGrid->memoryBytes(); }
};

struct TreemapRequest {
    std::shared_ptr<const TreeScope> scope;
    std::shared_ptr<const TreemapWeights> weights; // reused when already computed for `scope`
    std::shared_ptr<const TreemapLayout> layout; // reused when only the colouring changed
    MergedTree::NodeId zoomRoot = MergedTree::Root;
    QSize size;
    TreemapLayoutOptions layoutOptions;
    TreemapColoring coloring = TreemapColoring::FileType;
    TreemapRenderOptions renderOptions;
};

// Runs the whole pipeline (weights → layout → hit grid → colours → image), reusing what the request
// carries. nullptr when `cancelled` became true.
std::shared_ptr<const TreemapFrame> buildTreemapFrame(
    const TreemapRequest &request, const std::atomic<bool> *cancelled = nullptr);

// Writes the frame as an SVG document: one <rect> per tile (flat fills in the frame's colouring, a
// <title> with the path for viewers that show it), and the labels as <text>. No dependency beyond
// QXmlStreamWriter.
bool writeTreemapSvg(const TreemapFrame &frame, const QString &path, const QFont &font, QString *error = nullptr);

} // namespace ballast
