#pragma once
#include <QFont>
#include <QRectF>
#include <QString>
#include <vector>

namespace ballast {

class TreemapLayout;

// A piece of text on the treemap, placed once for the rendered image and the SVG export alike.
struct TreemapLabel {
    enum Kind : uint8_t {
        Header, // a directory's name and size in its frame's header band
        SmallFiles, // "N small files", centred
        Name, // a file's (or collapsed directory's) name, centred on a large tile
    };
    QRectF rect; // layout coordinates; the text is elided to fit its width
    QString text;
    uint32_t tile;
    Kind kind;
};

// Labels for the tiles large enough to hold them with `font`.
std::vector<TreemapLabel> placeTreemapLabels(const TreemapLayout &layout, const QFont &font);

// "usr/lib/x.so", "12.3 MB, 4.5 % of usr", "written by layer 3: RUN apt-get …": what a tooltip shows.
QString describeTile(const TreemapLayout &layout, uint32_t tile);

} // namespace ballast
