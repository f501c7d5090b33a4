#include "Squarify.h"

#include <algorithm>
#include <limits>

namespace ballast {
namespace {

// The worst aspect ratio of a row of areas summing to `sum`, largest `largest`, smallest `smallest`,
// laid along a side of length `side` (the paper's worst(R, w)).
double worstRatio(double sum, double largest, double smallest, double side)
{
    const double side2 = side * side, sum2 = sum * sum;
    return std::max(side2 * largest / sum2, sum2 / (side2 * smallest));
}

} // namespace

double aspectRatio(const SquarifyRect &rect)
{
    if (rect.w <= 0 || rect.h <= 0)
        return std::numeric_limits<double>::infinity();
    return std::max(rect.w / rect.h, rect.h / rect.w);
}

void squarify(SquarifyRect rect, std::span<const double> areas, std::span<SquarifyRect> out)
{
    const size_t count = areas.size();
    size_t first = 0;
    while (first < count) {
        if (rect.w <= 0 || rect.h <= 0) { // nothing left to share: the rest get empty rectangles
            for (size_t i = first; i < count; ++i)
                out[i] = { rect.x, rect.y, 0, 0 };
            return;
        }
        const double side = std::min(rect.w, rect.h);
        double sum = areas[first];
        double worst = worstRatio(sum, areas[first], areas[first], side);
        size_t end = first + 1;
        for (; end < count; ++end) {
            const double grown = worstRatio(sum + areas[end], areas[first], areas[end], side);
            if (grown > worst)
                break;
            sum += areas[end];
            worst = grown;
        }
        const bool lastRow = end == count;
        if (rect.w >= rect.h) { // a column at the left, as high as the space
            const double width = lastRow ? rect.w : std::min(rect.w, sum / rect.h);
            double y = rect.y;
            for (size_t i = first; i < end; ++i) {
                const double height = i + 1 == end ? rect.y + rect.h - y : areas[i] / width;
                out[i] = { rect.x, y, width, height };
                y += height;
            }
            rect.x += width;
            rect.w -= width;
        } else { // a row at the top, as wide as the space
            const double height = lastRow ? rect.h : std::min(rect.h, sum / rect.w);
            double x = rect.x;
            for (size_t i = first; i < end; ++i) {
                const double width = i + 1 == end ? rect.x + rect.w - x : areas[i] / height;
                out[i] = { x, rect.y, width, height };
                x += width;
            }
            rect.y += height;
            rect.h -= height;
        }
        first = end;
    }
}

} // namespace ballast
