#include "TreemapColors.h"

#include "image/Image.h"
#include "models/EntryText.h"

#include <QCoreApplication>
#include <QPalette>
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

namespace ballast {
namespace {

bool endsWith(std::string_view text, std::string_view suffix)
{
    if (text.size() < suffix.size())
        return false;
    return std::equal(suffix.begin(), suffix.end(), text.end() - std::ptrdiff_t(suffix.size()),
        [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

bool hasExtension(std::string_view name, std::initializer_list<std::string_view> extensions)
{
    for (std::string_view extension : extensions)
        if (endsWith(name, extension))
            return true;
    return false;
}

// libc.so.6, libssl.so.3.0.2: a shared object with its version after the ".so".
bool isVersionedSharedObject(std::string_view name)
{
    const size_t at = name.find(".so.");
    if (at == std::string_view::npos)
        return false;
    for (char c : name.substr(at + 4))
        if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.'))
            return false;
    return true;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("TreemapColors", text);
}

} // namespace

QString fileCategoryName(FileCategory category)
{
    switch (category) {
    case FileCategory::Executable:
        return tr("Executables");
    case FileCategory::SharedLibrary:
        return tr("Libraries");
    case FileCategory::Source:
        return tr("Source code");
    case FileCategory::Text:
        return tr("Text and config");
    case FileCategory::Archive:
        return tr("Archives and packages");
    case FileCategory::Picture:
        return tr("Images");
    case FileCategory::PackageCache:
        return tr("Package caches");
    case FileCategory::PythonBytecode:
        return tr("Python bytecode");
    case FileCategory::Other:
        return tr("Other files");
    }
    return {};
}

QColor fileCategoryColor(FileCategory category)
{
    // Tableau 10, mid-light so that cushion shading stays readable on every hue.
    static constexpr std::array<QRgb, FileCategoryCount> colors {
        0xe15759, // executables
        0xf28e2b, // libraries
        0x59a14f, // source
        0x76b7b2, // text
        0xb07aa1, // archives
        0xedc948, // images
        0x9c755f, // package caches
        0xff9da7, // python bytecode
        0x7f9fc4, // other
    };
    return QColor::fromRgb(colors[size_t(category)]);
}

FileCategory classifyFile(std::string_view name, bool executable, bool inPackageCache)
{
    if (inPackageCache)
        return FileCategory::PackageCache;
    if (hasExtension(name, { ".pyc", ".pyo" }))
        return FileCategory::PythonBytecode;
    if (hasExtension(name, { ".so", ".a", ".o", ".ko", ".dylib", ".dll", ".lib" }) || isVersionedSharedObject(name))
        return FileCategory::SharedLibrary;
    if (hasExtension(name,
            { ".tar", ".gz", ".tgz", ".bz2", ".tbz2", ".xz", ".txz", ".zst", ".lz4", ".lzma", ".zip", ".7z", ".rar",
                ".deb", ".udeb", ".rpm", ".apk", ".whl", ".egg", ".jar", ".war", ".ear", ".gem", ".nupkg", ".crate",
                ".squashfs" }))
        return FileCategory::Archive;
    if (hasExtension(name,
            { ".png", ".jpg", ".jpeg", ".gif", ".svg", ".svgz", ".ico", ".icns", ".webp", ".bmp", ".tif", ".tiff",
                ".xpm", ".avif" }))
        return FileCategory::Picture;
    if (hasExtension(name,
            { ".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".hh", ".hxx", ".go", ".rs", ".py", ".pyi", ".js", ".mjs",
                ".cjs", ".ts", ".tsx", ".jsx", ".java", ".kt", ".scala", ".rb", ".pl", ".pm", ".php", ".sh", ".bash",
                ".zsh", ".lua", ".cs", ".swift", ".m", ".s", ".asm", ".el", ".vim", ".tcl", ".r", ".jl", ".hs", ".ml",
                ".ex", ".exs", ".erl", ".cmake", ".mk", ".pyx", ".pxd" })
        || name == "Makefile" || name == "Dockerfile")
        return FileCategory::Source;
    if (hasExtension(name,
            { ".txt", ".md", ".rst", ".conf", ".cfg", ".ini", ".yaml", ".yml", ".json", ".xml", ".toml", ".csv", ".tsv",
                ".html", ".htm", ".css", ".properties", ".env", ".lock", ".list", ".log", ".pem", ".crt", ".service",
                ".socket", ".timer", ".desktop", ".po", ".rc", ".cnf", ".sum", ".mod", ".typed" })
        || name == "LICENSE" || name == "README" || name == "COPYING")
        return FileCategory::Text;
    if (executable)
        return FileCategory::Executable;
    return FileCategory::Other;
}

QColor layerColor(int layer)
{
    if (layer < 0)
        return QColor(0xa0, 0xa0, 0xa0);
    // Golden-angle steps give every layer a hue far from its neighbours'; two saturations alternate so
    // that layers 13 apart (nearly the same hue) still differ.
    const double hue = std::fmod(0.08 + layer * 0.381966, 1.0);
    // Quantised to 8 bits a channel, so that the colour survives a trip through QRgb unchanged.
    return QColor::fromRgb(QColor::fromHsvF(float(hue), (layer / 13) % 2 ? 0.35f : 0.55f, 0.90f).rgb());
}

QColor treemapStatusColor(NodeStatus status)
{
    if (status == NodeStatus::Added || status == NodeStatus::Modified || status == NodeStatus::Removed) {
        // statusColor's variants for a dark base are the light ones: fills that shading keeps readable.
        QPalette dark;
        dark.setColor(QPalette::Base, Qt::black);
        return statusColor(status, dark);
    }
    return QColor(0xb4, 0xb9, 0xc0);
}

QColor smallFilesColor()
{
    return QColor(0x9a, 0x9a, 0x9a);
}
QColor collapsedDirectoryColor()
{
    return QColor(0xa8, 0xb3, 0xc0);
}
QColor frameColor(int depth)
{
    return QColor::fromRgb(QColor::fromHsv(215, 25, std::max(120, 200 - 12 * depth)).rgb());
}

QString coloringName(TreemapColoring coloring)
{
    switch (coloring) {
    case TreemapColoring::FileType:
        return tr("File type");
    case TreemapColoring::Layer:
        return tr("Layer");
    case TreemapColoring::Status:
        return tr("Status");
    }
    return {};
}

std::vector<LegendEntry> legendEntries(TreemapColoring coloring, const Image *image)
{
    std::vector<LegendEntry> out;
    switch (coloring) {
    case TreemapColoring::FileType:
        for (int c = 0; c < FileCategoryCount; ++c)
            out.push_back({ fileCategoryColor(FileCategory(c)), fileCategoryName(FileCategory(c)), {} });
        break;
    case TreemapColoring::Layer:
        for (int l = 0; image && l < int(image->layers.size()); ++l) {
            const Layer &layer = image->layers[size_t(l)];
            QString command;
            if (layer.historyIndex >= 0 && layer.historyIndex < int(image->config.history.size()))
                command = image->config.history[size_t(layer.historyIndex)].createdBy;
            out.push_back({ layerColor(l), tr("Layer %1").arg(l), command });
        }
        break;
    case TreemapColoring::Status:
        out.push_back({ treemapStatusColor(NodeStatus::Added), tr("Added"), {} });
        out.push_back({ treemapStatusColor(NodeStatus::Modified), tr("Modified"), {} });
        out.push_back({ treemapStatusColor(NodeStatus::Removed), tr("Removed"), {} });
        out.push_back({ treemapStatusColor(NodeStatus::Unchanged), tr("Unchanged"), {} });
        break;
    }
    out.push_back(
        { smallFilesColor(), tr("Small files"), tr("Files too small to draw one by one, drawn as one area") });
    return out;
}

} // namespace ballast
