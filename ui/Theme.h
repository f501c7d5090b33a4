#pragma once
#include <QColor>

namespace ballast {

enum class Theme { System, Light, Dark };
// Fusion with a light or dark palette (status colours adapt to the palette's base colour).
void applyTheme(Theme theme);

// The contrast ratio of two colours by WCAG 2.x relative luminance: 1 (none) to 21 (black on white).
double contrastRatio(const QColor &a, const QColor &b);
// `colour` moved towards white or black, whichever `background` is farther from, just enough to read
// on it at `ratio` (WCAG AA asks 4.5:1 for text). Colours that already do are returned as they are.
QColor readableOn(const QColor &colour, const QColor &background, double ratio = 4.5);

} // namespace ballast
