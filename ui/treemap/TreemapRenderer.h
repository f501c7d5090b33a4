#pragma once
#include <QColor>
#include <QFont>
#include <QImage>
#include <atomic>
#include <vector>

namespace ballast {

class TreemapLayout;

struct TreemapRenderOptions {
    qreal devicePixelRatio = 1; // the image has layout size × this many pixels
    QFont font; // for labels
    bool labels = true;
    QColor background = QColor(0x40, 0x40, 0x40); // shows only on seams float rounding leaves
    QColor text = QColor(0x10, 0x14, 0x18); // labels on light ground
    QColor lightText = QColor(0xf4, 0xf4, 0xf4); // labels on dark ground
    // Lighting of the cushions (van Wijk & van de Wetering, with WinDirStat's defaults): the ambient
    // share, the light's direction (from the top left), and a gain that lets the lit tops of the
    // cushions go brighter than the fill colour while their rims stay dark.
    float ambient = 0.13f;
    float lightX = -1.f, lightY = -1.f, lightZ = 10.f;
    float brightness = 0.88f / 0.6f;
};

// Paints a layout into one image: leaves shaded as cushions (per pixel, from the surface coefficients of
// their tile), small-files areas hatched, directory header bands flat with their names, then labels.
// `colors` holds one fill per tile (tileColors()). A null image when `cancelled` became true.
QImage renderTreemap(const TreemapLayout &layout, const std::vector<QRgb> &colors, const TreemapRenderOptions &options,
    const std::atomic<bool> *cancelled = nullptr);

} // namespace ballast
