#pragma once
#include <span>

namespace ballast {

struct SquarifyRect {
    double x = 0, y = 0, w = 0, h = 0;
};

// The squarified treemap algorithm (Bruls, Huizing & van Wijk, "Squarified Treemaps", 2000): areas,
// sorted in descending order and summing to rect.w·rect.h, are laid out in rows along the shorter side
// of the space left; an area joins the current row as long as that does not worsen the row's worst
// aspect ratio. Writes one rectangle per area into `out` (same size as `areas`).
void squarify(SquarifyRect rect, std::span<const double> areas, std::span<SquarifyRect> out);

// max(w/h, h/w); infinity for an empty rectangle.
double aspectRatio(const SquarifyRect &rect);

} // namespace ballast
