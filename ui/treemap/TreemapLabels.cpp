#include "TreemapLabels.h"

#include "TreemapLayout.h"
#include "models/EntryText.h"
#include "util/ByteFormat.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace ballast {
namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("TreemapLabels", text, nullptr, n);
}
QString nameOf(const MergedTree &tree, MergedTree::NodeId node)
{
    const std::string_view name = tree.name(node);
    return QString::fromUtf8(name.data(), qsizetype(name.size()));
}
QString pathOf(const MergedTree &tree, MergedTree::NodeId node)
{
    return QLatin1Char('/') + QString::fromStdString(tree.path(node));
}
QString smallFilesText(const SmallFilesInfo &info)
{
    return tr("%1 small files").arg(QLocale().toString(qlonglong(info.files)));
}

} // namespace

namespace {

// "compile/internal" when compile's only child internal took over its frame (see TreemapLayout).
QString headerName(const TreemapLayout &layout, uint32_t index)
{
    const auto &tiles = layout.tiles();
    const Tile &tile = tiles[index];
    QString name = nameOf(layout.tree(), tile.node);
    for (uint32_t up = tile.parent; up != 0 && up != Tile::NoTile; up = tiles[up].parent) {
        const Tile &above = tiles[up];
        if (above.hasHeader() || std::abs(above.y - tile.y) > 0.01f || std::abs(above.h - tile.h) > 0.01f
            || std::abs(above.w - tile.w) > 0.01f)
            break;
        name = nameOf(layout.tree(), above.node) + QLatin1Char('/') + name;
    }
    return name;
}

// The name, elided in the middle (the ends of file names say the most), or nothing when fewer than
// `minimumKept` characters of it would remain.
QString elide(const QFontMetricsF &metrics, const QString &text, qreal width, int minimumKept)
{
    if (metrics.horizontalAdvance(text) <= width)
        return text;
    const QString elided = metrics.elidedText(text, Qt::ElideMiddle, width);
    return elided.size() - 1 >= std::min<int>(minimumKept, int(text.size()) - 1) ? elided : QString();
}

} // namespace

std::vector<TreemapLabel> placeTreemapLabels(const TreemapLayout &layout, const QFont &font)
{
    std::vector<TreemapLabel> labels;
    const QFontMetricsF metrics(font);
    const qreal lineHeight = metrics.height();
    const qreal minimumWidth = metrics.averageCharWidth() * 4;
    const float header = layout.options().headerHeight;
    const MergedTree &tree = layout.tree();
    const auto &tiles = layout.tiles();
    for (uint32_t i = 0; i < uint32_t(tiles.size()); ++i) {
        const Tile &tile = tiles[i];
        if (tile.w < minimumWidth + 6 || tile.h < lineHeight)
            continue;
        QString text;
        TreemapLabel::Kind kind;
        QRectF rect;
        if (tile.kind == TileKind::Directory) {
            if (!tile.hasHeader())
                continue;
            kind = TreemapLabel::Header;
            rect = QRectF(tile.x + 3, tile.y, tile.w - 6, header);
            // The size stays whole; the name gives way first, then the size goes.
            const QString name = headerName(layout, i);
            const QString size = QStringLiteral("  ") + formatBytes(layout.bytesOf(i));
            const QString shortName = elide(metrics, name, rect.width() - metrics.horizontalAdvance(size), 6);
            text = shortName.isEmpty() ? elide(metrics, name, rect.width(), 3) : shortName + size;
        } else if (tile.kind == TileKind::SmallFiles) {
            const SmallFilesInfo *info = layout.smallFilesOf(i);
            if (!info || metrics.horizontalAdvance(smallFilesText(*info)) > tile.w - 6)
                continue;
            kind = TreemapLabel::SmallFiles;
            text = smallFilesText(*info);
        } else {
            if (tile.h < lineHeight + 4)
                continue;
            kind = TreemapLabel::Name;
            QString name = nameOf(tree, tile.node);
            if (tile.kind == TileKind::CollapsedDirectory)
                name += QLatin1Char('/');
            text = elide(metrics, name, tile.w - 6, 8);
        }
        if (text.isEmpty())
            continue;
        if (kind != TreemapLabel::Header) {
            const qreal width = std::min<qreal>(metrics.horizontalAdvance(text), tile.w - 6);
            rect = QRectF(tile.x + (tile.w - width) / 2, tile.y + (tile.h - lineHeight) / 2, width, lineHeight);
        }
        labels.push_back({ rect, text, i, kind });
    }
    return labels;
}

QString describeTile(const TreemapLayout &layout, uint32_t tile)
{
    if (tile >= layout.tiles().size())
        return {};
    const Tile &t = layout.tiles()[tile];
    const MergedTree &tree = layout.tree();
    const TreeScope &scope = *layout.weights().scope;
    QStringList lines;
    // Sizes and shares are the scope's own, whatever the filter leaves drawn: a filter hides tiles,
    // it does not make a file a larger part of its directory.
    const int64_t drawnBytes = layout.bytesOf(tile);
    const int64_t bytes = t.kind == TileKind::SmallFiles ? drawnBytes : scope.bytes[t.node];
    const int64_t rootBytes = scope.bytes[layout.root()];
    const double share = rootBytes > 0 ? 100.0 * double(bytes) / double(rootBytes) : 0.0;
    const QString rootName = layout.root() == MergedTree::Root ? tr("the image") : pathOf(tree, layout.root());
    if (t.kind == TileKind::SmallFiles) {
        const SmallFilesInfo *info = layout.smallFilesOf(tile);
        lines << (info ? smallFilesText(*info) : QString()) + tr(" in %1").arg(pathOf(tree, t.node));
        if (info && info->items != info->files)
            lines << tr("%1 entries too small to draw one by one").arg(QLocale().toString(qlonglong(info->items)));
    } else {
        QString path = pathOf(tree, t.node);
        if (!t.isLeaf() || t.kind == TileKind::CollapsedDirectory)
            path += QLatin1Char('/');
        lines << path;
    }
    lines << tr("%1, %2 % of %3").arg(formatBytes(bytes), QLocale().toString(share, 'f', share < 1 ? 2 : 1), rootName);
    if (t.kind != TileKind::SmallFiles && drawnBytes < bytes)
        lines << tr("the filter shows %1 of it").arg(formatBytes(drawnBytes));
    if (t.kind != TileKind::File && t.kind != TileKind::SmallFiles && layout.weights().files[t.node] > 1)
        lines << tr("%1 files").arg(QLocale().toString(qlonglong(layout.weights().files[t.node])));
    if (t.kind == TileKind::File) // hardlinks have no tile of their own: their bytes are this one's
        if (const auto names = tree.hardlinksTo(t.node, scope.layer); !names.empty()) {
            QStringList paths;
            for (const auto name : names)
                paths << absolutePath(tree, name);
            lines << tr("Also named %1 (hardlinked, counted once)").arg(namesList(paths));
        }
    if (t.kind != TileKind::SmallFiles) {
        int writer = tree.lastWriter(t.node, scope.layer);
        if (writer < 0)
            writer = tree.entryLayer(t.node, scope.layer);
        if (writer >= 0) {
            const Image &image = *scope.image;
            const Layer &layer = image.layers[size_t(writer)];
            QString command;
            if (layer.historyIndex >= 0 && layer.historyIndex < int(image.config.history.size()))
                command = image.config.history[size_t(layer.historyIndex)].createdBy.simplified();
            if (command.size() > 80)
                command = command.left(79) + QChar(0x2026);
            lines << (command.isEmpty() ? tr("Written by layer %1").arg(writer)
                                        : tr("Written by layer %1: %2").arg(writer).arg(command));
        }
        const NodeStatus status = scope.snapshot.status[t.node];
        if (status == NodeStatus::Added || status == NodeStatus::Modified || status == NodeStatus::Removed) {
            QString word = QString::fromLatin1(nodeStatusName(status));
            word[0] = word[0].toUpper();
            lines << tr("%1 in layer %2").arg(word).arg(scope.layer);
        }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace ballast
