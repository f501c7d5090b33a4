// writeTreemapSvg() (declared in TreemapFrame.h).
#include "TreemapFrame.h"
#include "TreemapLabels.h"
#include "util/AtomicWrite.h"

#include <QBuffer>
#include <QXmlStreamWriter>

namespace ballast {
namespace {

QString number(float value)
{
    return QString::number(double(value), 'f', 2);
}
QString hexColor(QRgb rgb)
{
    return QColor::fromRgb(rgb).name();
}

} // namespace

bool writeTreemapSvg(const TreemapFrame &frame, const QString &path, const QFont &font, QString *error)
{
    // Written whole into memory, then replacing the file at once: a full disk leaves the old file as it
    // was instead of a truncated SVG.
    QByteArray bytes;
    QBuffer file(&bytes);
    file.open(QIODevice::WriteOnly);
    const TreemapLayout &layout = *frame.layout;
    const MergedTree &tree = layout.tree();
    QXmlStreamWriter svg(&file);
    svg.setAutoFormatting(true);
    svg.setAutoFormattingIndent(1);
    svg.writeStartDocument();
    svg.writeStartElement(QStringLiteral("svg"));
    svg.writeDefaultNamespace(QStringLiteral("http://www.w3.org/2000/svg"));
    svg.writeAttribute(QStringLiteral("width"), number(layout.width()));
    svg.writeAttribute(QStringLiteral("height"), number(layout.height()));
    svg.writeAttribute(
        QStringLiteral("viewBox"), QStringLiteral("0 0 %1 %2").arg(number(layout.width()), number(layout.height())));

    // The hatching of small-files areas: a filled cell with one diagonal stroke.
    svg.writeStartElement(QStringLiteral("defs"));
    svg.writeStartElement(QStringLiteral("pattern"));
    svg.writeAttribute(QStringLiteral("id"), QStringLiteral("small-files"));
    svg.writeAttribute(QStringLiteral("width"), QStringLiteral("7"));
    svg.writeAttribute(QStringLiteral("height"), QStringLiteral("7"));
    svg.writeAttribute(QStringLiteral("patternUnits"), QStringLiteral("userSpaceOnUse"));
    svg.writeAttribute(QStringLiteral("patternTransform"), QStringLiteral("rotate(45)"));
    svg.writeEmptyElement(QStringLiteral("path"));
    svg.writeAttribute(QStringLiteral("d"), QStringLiteral("M0 0H7V7H0Z"));
    svg.writeAttribute(QStringLiteral("fill"), hexColor(smallFilesColor().rgb()));
    svg.writeEmptyElement(QStringLiteral("path"));
    svg.writeAttribute(QStringLiteral("d"), QStringLiteral("M0 0V7"));
    svg.writeAttribute(QStringLiteral("stroke"), hexColor(smallFilesColor().darker(140).rgb()));
    svg.writeAttribute(QStringLiteral("stroke-width"), QStringLiteral("2"));
    svg.writeEndElement(); // pattern
    svg.writeEndElement(); // defs

    svg.writeStartElement(QStringLiteral("g"));
    svg.writeAttribute(QStringLiteral("stroke"), QStringLiteral("#000"));
    svg.writeAttribute(QStringLiteral("stroke-opacity"), QStringLiteral("0.3"));
    svg.writeAttribute(QStringLiteral("stroke-width"), QStringLiteral("0.5"));
    const auto &tiles = layout.tiles();
    for (uint32_t i = 0; i < uint32_t(tiles.size()); ++i) {
        const Tile &tile = tiles[i];
        svg.writeStartElement(QStringLiteral("rect"));
        svg.writeAttribute(QStringLiteral("x"), number(tile.x));
        svg.writeAttribute(QStringLiteral("y"), number(tile.y));
        svg.writeAttribute(QStringLiteral("width"), number(tile.w));
        svg.writeAttribute(QStringLiteral("height"), number(tile.h));
        svg.writeAttribute(QStringLiteral("fill"),
            tile.kind == TileKind::SmallFiles ? QStringLiteral("url(#small-files)") : hexColor(frame.colors[i]));
        QString title = QLatin1Char('/') + QString::fromStdString(tree.path(tile.node));
        if (tile.kind == TileKind::SmallFiles)
            title = describeTile(layout, i).section(QLatin1Char('\n'), 0, 0);
        svg.writeTextElement(QStringLiteral("title"), title);
        svg.writeEndElement(); // rect
    }
    svg.writeEndElement(); // g

    svg.writeStartElement(QStringLiteral("g"));
    svg.writeAttribute(QStringLiteral("font-family"), font.family());
    svg.writeAttribute(QStringLiteral("font-size"),
        QStringLiteral("%1px").arg(font.pixelSize() > 0 ? font.pixelSize() : font.pointSizeF() * 4 / 3));
    svg.writeAttribute(QStringLiteral("fill"), QStringLiteral("#101418"));
    for (const TreemapLabel &label : placeTreemapLabels(layout, font)) {
        svg.writeStartElement(QStringLiteral("text"));
        const bool left = label.kind == TreemapLabel::Header;
        svg.writeAttribute(QStringLiteral("x"), number(float(left ? label.rect.left() : label.rect.center().x())));
        svg.writeAttribute(QStringLiteral("y"), number(float(label.rect.center().y())));
        svg.writeAttribute(QStringLiteral("dominant-baseline"), QStringLiteral("central"));
        if (!left)
            svg.writeAttribute(QStringLiteral("text-anchor"), QStringLiteral("middle"));
        svg.writeCharacters(label.text);
        svg.writeEndElement();
    }
    svg.writeEndElement(); // g
    svg.writeEndElement(); // svg
    svg.writeEndDocument();
    QString reason;
    if (!writeAtomically(path, bytes, &reason)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, reason);
        return false;
    }
    return true;
}

} // namespace ballast
