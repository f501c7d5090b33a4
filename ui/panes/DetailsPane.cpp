#include "DetailsPane.h"

#include "models/EntryText.h"
#include "report/CreatedBy.h"
#include "util/ByteFormat.h"
#include "util/PathNormalizer.h"

#include <QEvent>

namespace ballast {
namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>").arg(label, value);
}

QString overviewLink()
{
    return QStringLiteral("<p><a href='image:'>%1</a></p>").arg(QObject::tr("← Image overview and findings"));
}

QString nodeLink(const MergedTree &tree, MergedTree::NodeId node)
{
    return QStringLiteral("<a href='node:%1'>%2</a>").arg(node).arg(escaped(absolutePath(tree, node)));
}

QString list(const QStringList &items)
{
    return items.isEmpty()
        ? QStringLiteral("–")
        : escaped(items.join(QStringLiteral(" "))).replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace

DetailsPane::DetailsPane(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("details"));
    setOpenLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("node"))
            emit nodeActivated(MergedTree::NodeId(url.path().toUInt()));
        else if (url.scheme() == QLatin1String("image"))
            showImage();
    });
}

void DetailsPane::setImage(const LoadedImage &loaded)
{
    m_loaded = loaded;
    showImage();
}

void DetailsPane::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        showAgain();
}

void DetailsPane::showAgain()
{
    switch (m_shown) {
    case Shown::Nothing:
        break;
    case Shown::Image:
        showImage();
        break;
    case Shown::Layer:
        showLayer(m_shownLayer);
        break;
    case Shown::Node:
        showNode(m_shownNode, m_shownLayer);
        break;
    }
}

void DetailsPane::render(const QString &html)
{
    // Links in the palette's link colour (the parser would take the application's, at parse time).
    document()->setDefaultStyleSheet(QStringLiteral("a { color: %1; }").arg(palette().color(QPalette::Link).name()));
    setHtml(html);
}

void DetailsPane::showImage()
{
    if (!m_loaded.image) {
        m_shown = Shown::Nothing;
        return clear();
    }
    m_shown = Shown::Image;
    const Image &image = *m_loaded.image;
    const ImageAnalysis &analysis = *m_loaded.analysis;
    const ImageConfig &config = image.config;
    QString html = QStringLiteral("<h3>%1</h3><table>").arg(escaped(image.tags.value(0, tr("(untagged image)"))));
    html += row(tr("Tags"), escaped(image.tags.join(QStringLiteral(", "))));
    html += row(tr("Platform"), escaped(image.platform()));
    html += row(tr("Format"),
        escaped(image.format
            + (image.outerCompression.isEmpty() ? QString()
                                                : QStringLiteral(" (") + image.outerCompression + QLatin1Char(')'))));
    html += row(tr("Size"),
        tr("%1 in %2 layers, %3 stored")
            .arg(formatBytes(image.sizeBytes()))
            .arg(image.layers.size())
            .arg(formatBytes(image.compressedSizeBytes())));
    html += row(tr("Final filesystem"),
        tr("%1 in %2 files, %3 paths")
            .arg(formatBytes(image.tree.finalFileBytes()))
            .arg(image.tree.finalFileCount())
            .arg(image.tree.finalEntryCount()));
    html += row(tr("Efficiency"), tr("%1 % (dive's score)").arg(analysis.dive.efficiency * 100, 0, 'f', 2));
    html += row(tr("Wasted"), tr("%1 (dive's measure)").arg(formatBytes(analysis.dive.wastedBytes)));
    html += row(tr("Reclaimable"),
        tr("%1 stored but not visible in the final filesystem").arg(formatBytes(analysis.reclaimableBytes)));
    html += row(tr("Entrypoint"), list(config.entrypoint));
    html += row(tr("Cmd"), list(config.cmd));
    html += row(tr("User"), escaped(config.user.isEmpty() ? tr("root (not set)") : config.user));
    html += row(tr("Workdir"), escaped(config.workingDir));
    html += row(tr("Ports"), list(config.exposedPorts));
    html += row(
        tr("Env"), escaped(config.env.join(QLatin1Char('\n'))).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    html += QStringLiteral("</table>");
    for (const QString &warning : image.warnings)
        html += QStringLiteral("<p><i>%1</i></p>").arg(escaped(warning));
    if (!analysis.findings.empty())
        html += QStringLiteral("<h4>%1</h4><ol>").arg(tr("Findings"));
    int shown = 0;
    for (const Finding &finding : analysis.findings) {
        if (++shown > 12)
            break;
        html += QStringLiteral("<li><b>%1</b>%2<br>")
                    .arg(escaped(finding.title),
                        finding.bytes > 0 ? QStringLiteral(" — ") + formatBytes(finding.bytes) : QString());
        for (size_t i = 0; i < finding.paths.size() && i < 3; ++i) {
            const auto node = image.tree.find(finding.paths[i]);
            const QString path = escaped(QStringLiteral("/") + displayPath(finding.paths[i]));
            html += node == MergedTree::NoNode ? path : nodeLink(image.tree, node);
            html += QStringLiteral("<br>");
        }
        html += QStringLiteral("<i>%1</i></li>").arg(escaped(finding.advice));
    }
    if (!analysis.findings.empty())
        html += QStringLiteral("</ol>");
    render(html);
}

void DetailsPane::showLayer(int layerIndex)
{
    if (!m_loaded.image || layerIndex < 0 || layerIndex >= int(m_loaded.image->layers.size()))
        return;
    m_shown = Shown::Layer;
    m_shownLayer = layerIndex;
    const Image &image = *m_loaded.image;
    const Layer &layer = image.layers[size_t(layerIndex)];
    const LayerFigures &figures = m_loaded.analysis->layers[size_t(layerIndex)];
    const HistoryEntry *history = layer.historyIndex >= 0 ? &image.config.history[size_t(layer.historyIndex)] : nullptr;
    QString html = overviewLink() + QStringLiteral("<h3>%1</h3><table>").arg(tr("Layer %1").arg(layerIndex));
    html += row(tr("Command"),
        QStringLiteral("<code>%1</code>").arg(escaped(history ? history->createdBy : tr("(no history)"))));
    if (history && !history->created.isEmpty())
        html += row(tr("Created"), escaped(history->created));
    if (history && !history->comment.isEmpty())
        html += row(tr("Comment"), escaped(history->comment));
    html += row(tr("Size"), tr("%1 in %2 entries").arg(formatBytes(layer.size)).arg(layer.entries.size()));
    html += row(tr("Stored"),
        tr("%1 (%2)").arg(formatBytes(layer.compressedSize), QLatin1String(compressionName(layer.compression))));
    html += row(tr("Change"), formatBytes(figures.contribution));
    html += row(tr("Total after"), formatBytes(figures.cumulative));
    if (figures.hiddenLater > 0)
        html += row(tr("Hidden later"),
            tr("%1 of this layer are overwritten or deleted by later layers").arg(formatBytes(figures.hiddenLater)));
    html += row(tr("Digest"), QStringLiteral("<code>%1</code>").arg(escaped(layer.digest)));
    html += row(tr("Diff ID"), QStringLiteral("<code>%1</code>").arg(escaped(layer.diffId)));
    html += row(tr("Blob"), escaped(layer.archivePath));
    html += QStringLiteral("</table>");
    render(html);
}

void DetailsPane::showNode(MergedTree::NodeId node, int layer)
{
    if (!m_loaded.image || node == MergedTree::NoNode || node >= m_loaded.image->tree.nodeCount())
        return;
    m_shown = Shown::Node;
    m_shownNode = node;
    m_shownLayer = layer;
    const Image &image = *m_loaded.image;
    const MergedTree &tree = image.tree;
    const LayerEntry *entry = tree.entry(node, layer);
    const bool directory = tree.isDirectory(node, layer);
    QString html = overviewLink() + QStringLiteral("<h3>%1</h3><table>").arg(escaped(displayPath(tree.name(node))));
    html += row(tr("Path"), escaped(QStringLiteral("/") + displayPath(tree.path(node))));
    html += row(
        tr("Type"), entry ? QLatin1String(entryTypeName(entry->type)) : tr("directory (implied by its contents)"));
    html += row(tr("Status"), QLatin1String(nodeStatusName(tree.status(node, layer))));
    const bool hardlink = entry && entry->type == EntryType::Hardlink;
    const Layer *entryLayer = entry ? &image.layers[size_t(tree.entryLayer(node, layer))] : nullptr;
    if (hardlink) {
        // Its own tar size is 0: the bytes are the carrier's, and counted there.
        const MergedTree::HardlinkShare share = tree.hardlinkShare(node, layer);
        const QString target = share.target == MergedTree::NoNode
            ? escaped(QLatin1Char('/') + displayPath(entryLayer->linkTarget(*entry)))
            : nodeLink(tree, share.target);
        html += row(tr("Size"), hardlinkSentence(share, target));
    } else if (entry && !directory) { // a directory's own tar size is always 0; its total is in the tree
        html += row(tr("Size"), tr("%1 (%2 bytes)").arg(formatBytes(entry->size)).arg(entry->size));
    }
    if (entry) {
        html += row(tr("Mode"),
            QStringLiteral("<code>%1</code> (%2)")
                .arg(permissionString(entry, directory))
                .arg(entry->mode, 4, 8, QLatin1Char('0')));
        html += row(tr("Owner"), QStringLiteral("%1:%2").arg(entry->uid).arg(entry->gid));
        if (entry->type == EntryType::File)
            html += row(tr("Content hash"),
                QStringLiteral("<code>xxh3:%1</code>").arg(entry->contentHash, 16, 16, QLatin1Char('0')));
        if (entry->type == EntryType::Symlink)
            html += row(tr("Link target"), escaped(displayPath(entryLayer->linkTarget(*entry))));
        if (entry->type == EntryType::File)
            if (const auto names = tree.hardlinksTo(node, layer); !names.empty()) {
                QStringList links;
                for (const auto name : names)
                    links << nodeLink(tree, name);
                html += row(tr("Also named"),
                    tr("%1 (hardlinked: one file, its bytes counted here once)").arg(links.join(QStringLiteral(", "))));
            }
    }
    QStringList writers;
    for (const auto &event : tree.events(node)) {
        if (event.layer > layer)
            break;
        const char *what = event.kind == MergedTree::EventKind::Removed ? "removed"
            : event.kind == MergedTree::EventKind::Implied              ? "implied"
                                                                        : "written";
        writers << tr("layer %1: %2").arg(event.layer).arg(QLatin1String(what));
    }
    html += row(tr("Last written by"),
        tree.lastWriter(node, layer) >= 0 ? tr("layer %1").arg(tree.lastWriter(node, layer)) : tr("–"));
    html += row(tr("History"), writers.join(QStringLiteral("<br>")));
    html += QStringLiteral("</table>");
    render(html);
}

} // namespace ballast
