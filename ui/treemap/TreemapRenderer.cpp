#include "TreemapRenderer.h"

#include "TreemapLabels.h"
#include "TreemapLayout.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

namespace ballast {
namespace {

struct PixelSpan {
    int x0, x1, y0, y1;
};

PixelSpan pixelsOf(float x, float y, float w, float h, float scale, const QImage &image)
{
    return { std::clamp(int(std::lround(x * scale)), 0, image.width()),
        std::clamp(int(std::lround((x + w) * scale)), 0, image.width()),
        std::clamp(int(std::lround(y * scale)), 0, image.height()),
        std::clamp(int(std::lround((y + h) * scale)), 0, image.height()) };
}

struct Light {
    float x, y, z, ambient, diffuse, brightness;
};

// A channel above 255 gives its excess to the other two, so that highlights turn white instead of
// clipping to a flat hue (WinDirStat's NormalizeColor).
inline void spreadExcess(int &first, int &second, int &third)
{
    const int half = (first - 255) / 2;
    first = 255;
    second += half;
    third += half;
    if (second > 255) {
        third += second - 255;
        second = 255;
    } else if (third > 255) {
        second += third - 255;
        third = 255;
    }
}

inline QRgb lit(int red, int green, int blue)
{
    if (red > 255)
        spreadExcess(red, green, blue);
    else if (green > 255)
        spreadExcess(green, red, blue);
    else if (blue > 255)
        spreadExcess(blue, red, green);
    return qRgb(std::min(red, 255), std::min(green, 255), std::min(blue, 255));
}

// One tile's pixels: the colour times the light its cushion catches. The surface normal of
// z = c0·x² + c1·x + c2·y² + c3·y is (−(2c0·x + c1), −(2c2·y + c3), 1).
void shadeCushion(QImage &image, const Tile &tile, QRgb color, float scale, const Light &light, bool hatched)
{
    const PixelSpan span = pixelsOf(tile.x, tile.y, tile.w, tile.h, scale, image);
    if (span.x0 >= span.x1 || span.y0 >= span.y1)
        return;
    const float red = float(qRed(color)) * light.brightness, green = float(qGreen(color)) * light.brightness,
                blue = float(qBlue(color)) * light.brightness;
    const float step = 1.f / scale;
    const float nxStart = -(2 * tile.cushion[0] * ((float(span.x0) + 0.5f) * step) + tile.cushion[1]);
    const float nxStep = -2 * tile.cushion[0] * step;
    for (int py = span.y0; py < span.y1; ++py) {
        const float ly = (float(py) + 0.5f) * step;
        const float ny = -(2 * tile.cushion[2] * ly + tile.cushion[3]);
        const float nyLight = ny * light.y + light.z;
        const float ny2 = ny * ny + 1;
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(py));
        float nx = nxStart;
        for (int px = span.x0; px < span.x1; ++px, nx += nxStep) {
            const float cosine = (nx * light.x + nyLight) / std::sqrt(nx * nx + ny2);
            float intensity = light.ambient + light.diffuse * std::max(0.f, cosine);
            if (hatched && (px + py) % 7 < 2)
                intensity *= 0.75f;
            line[px] = lit(int(red * intensity), int(green * intensity), int(blue * intensity));
        }
    }
}

void fillFlat(QImage &image, float x, float y, float w, float h, QRgb color, float scale)
{
    const PixelSpan span = pixelsOf(x, y, w, h, scale, image);
    for (int py = span.y0; py < span.y1; ++py) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(py));
        std::fill(line + span.x0, line + span.x1, color);
    }
}

} // namespace

QImage renderTreemap(const TreemapLayout &layout, const std::vector<QRgb> &colors, const TreemapRenderOptions &options,
    const std::atomic<bool> *cancelled)
{
    const auto scale = float(options.devicePixelRatio);
    QImage image(std::max(1, int(std::lround(layout.width() * scale))),
        std::max(1, int(std::lround(layout.height() * scale))), QImage::Format_ARGB32_Premultiplied);
    image.fill(options.background);
    const float length = std::sqrt(
        options.lightX * options.lightX + options.lightY * options.lightY + options.lightZ * options.lightZ);
    const Light light { options.lightX / length, options.lightY / length, options.lightZ / length, options.ambient,
        1.f - options.ambient, options.brightness };
    const auto &tiles = layout.tiles();
    const float header = layout.options().headerHeight;
    for (size_t i = 0; i < tiles.size(); ++i) {
        if ((i & 0x3ff) == 0 && cancelled && cancelled->load(std::memory_order_relaxed))
            return {};
        const Tile &tile = tiles[i];
        if (tile.kind == TileKind::Directory) {
            if (tile.hasHeader()) // flat: the band reads as a frame, not as a file
                fillFlat(image, tile.x, tile.y, tile.w, header, colors[i], scale);
            continue;
        }
        shadeCushion(image, tile, colors[i], scale, light, tile.kind == TileKind::SmallFiles);
    }
    if (options.labels && !tiles.empty()) {
        image.setDevicePixelRatio(options.devicePixelRatio);
        const std::vector<TreemapLabel> labels = placeTreemapLabels(layout, options.font);
        // Dark text on light ground, light text where the cushion under the label is dark: the ground
        // is read back from the pixels just painted, in the middle of the label.
        std::vector<bool> lightText(labels.size());
        for (size_t i = 0; i < labels.size(); ++i) {
            const QPointF middle = labels[i].rect.center() * options.devicePixelRatio;
            const QRgb ground = image.pixel(
                std::clamp(int(middle.x()), 0, image.width() - 1), std::clamp(int(middle.y()), 0, image.height() - 1));
            lightText[i] = qGray(ground) < 115;
        }
        QPainter painter(&image);
        painter.setFont(options.font);
        for (size_t i = 0; i < labels.size(); ++i) {
            const TreemapLabel &label = labels[i];
            painter.setPen(lightText[i] ? options.lightText : options.text);
            painter.drawText(label.rect,
                Qt::AlignVCenter | (label.kind == TreemapLabel::Header ? Qt::AlignLeft : Qt::AlignHCenter), label.text);
        }
    }
    image.setDevicePixelRatio(options.devicePixelRatio);
    return image;
}

} // namespace ballast
