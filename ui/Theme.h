#pragma once

namespace ballast {

enum class Theme { System, Light, Dark };
// Fusion with a light or dark palette (status colours adapt to the palette's base colour).
void applyTheme(Theme theme);

} // namespace ballast
