#pragma once
// Reading a grabbed widget's pixels: how many are (nearly) a given colour.
#include <QColor>
#include <QImage>
#include <cstdlib>

namespace uitest {

// Pixels within a small distance (sum of channel differences under 40) of `colour`.
inline int pixelsNear(const QImage &image, const QColor &colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            const int distance = std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green())
                + std::abs(c.blue() - colour.blue());
            count += distance < 40 ? 1 : 0;
        }
    return count;
}

} // namespace uitest
