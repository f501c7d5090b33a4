#pragma once
#include "tree/MergedTree.h"

#include <QColor>
#include <QString>
#include <string_view>
#include <vector>

namespace ballast {

struct Image;
class TreemapLayout;

enum class TreemapColoring { FileType, Layer, Status };

// What kind of file a tile is, from its name, its permissions and where it lives.
enum class FileCategory : uint8_t {
    Executable,
    SharedLibrary, // .so, .so.N, .a, .o, …
    Source,
    Text, // text and configuration
    Archive, // .tar, .gz, .deb, .whl, .jar, …
    Picture,
    PackageCache, // anything under a package cache directory of the path rules (apt, pip, npm, go, maven, …)
    PythonBytecode,
    Other,
};
constexpr int FileCategoryCount = int(FileCategory::Other) + 1;

QString fileCategoryName(FileCategory category);
QColor fileCategoryColor(FileCategory category);
// Path rules first (caches: isPackageCacheDirectory, analysis/PathRules.h), then the name's extension,
// then the executable bit.
FileCategory classifyFile(std::string_view name, bool executable, bool inPackageCache);

// A stable colour per layer index, distinct for neighbours (golden-angle hues); the layers pane can use
// the same to tie a row to its tiles. Grey for -1 (no layer).
QColor layerColor(int layer);
// Fill colours for statuses: ballast::statusColor's light variants, grey for unchanged.
QColor treemapStatusColor(NodeStatus status);
// Neutral fills for what the colouring does not apply to.
QColor smallFilesColor();
QColor collapsedDirectoryColor();
QColor frameColor(int depth);

struct LegendEntry {
    QColor color;
    QString label;
    QString toolTip;
};
std::vector<LegendEntry> legendEntries(TreemapColoring coloring, const Image *image);
QString coloringName(TreemapColoring coloring);

// The fill of every tile of a layout (as QRgb, indexed like the tiles) under a colouring.
std::vector<QRgb> tileColors(const TreemapLayout &layout, TreemapColoring coloring);

} // namespace ballast
