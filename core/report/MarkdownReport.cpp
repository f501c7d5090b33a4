#include "MarkdownReport.h"

#include "report/CreatedBy.h"
#include "util/ByteFormat.h"
#include "util/PathNormalizer.h"

#include <algorithm>

namespace ballast {
namespace {

constexpr int TopLayers = 5;
constexpr int TopFindings = 8;

QString cell(QString text)
{
    text.replace(QLatin1Char('|'), QStringLiteral("\\|")).replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (text.size() > 100)
        text = text.left(99) + QChar(0x2026);
    return text;
}

} // namespace

QString markdownReport(const Image &image, const ImageAnalysis &analysis)
{
    QString out;
    const QString name = image.tags.isEmpty() ? QStringLiteral("(untagged)") : image.tags.first();
    out += QStringLiteral("### Ballast: `%1` (%2)\n\n").arg(name, image.platform());
    out += QStringLiteral("| | |\n|---|---:|\n");
    out += QStringLiteral("| Image size (layers) | %1 |\n").arg(formatBytes(image.sizeBytes()));
    out += QStringLiteral("| Stored (compressed) | %1 |\n").arg(formatBytes(image.compressedSizeBytes()));
    out += QStringLiteral("| Final filesystem | %1 in %2 files |\n")
               .arg(formatBytes(image.tree.finalFileBytes()))
               .arg(image.tree.finalFileCount());
    out += QStringLiteral("| Layers | %1 |\n").arg(image.layers.size());
    out += QStringLiteral("| Efficiency (dive) | %1 % |\n").arg(analysis.dive.efficiency * 100, 0, 'f', 2);
    out += QStringLiteral("| Wasted (dive) | %1 |\n").arg(formatBytes(analysis.dive.wastedBytes));
    out += QStringLiteral("| Reclaimable by a rebuild | %1 |\n\n").arg(formatBytes(analysis.reclaimableBytes));

    std::vector<const Layer *> layers;
    for (const Layer &layer : image.layers)
        layers.push_back(&layer);
    std::stable_sort(layers.begin(), layers.end(), [](const Layer *a, const Layer *b) { return a->size > b->size; });
    out += QStringLiteral("**Heaviest layers**\n\n| # | size | stored | instruction |\n|---:|---:|---:|---|\n");
    for (int i = 0; i < int(layers.size()) && i < TopLayers; ++i) {
        const Layer &layer = *layers[size_t(i)];
        const QString createdBy = layer.historyIndex >= 0
            ? cleanCreatedBy(image.config.history[size_t(layer.historyIndex)].createdBy)
            : QStringLiteral("(no history)");
        out += QStringLiteral("| %1 | %2 | %3 | `%4` |\n")
                   .arg(layer.index)
                   .arg(formatBytes(layer.size), formatBytes(layer.compressedSize), cell(createdBy));
    }
    if (!analysis.findings.empty()) {
        out += QStringLiteral(
            "\n**Top findings**\n\n| severity | finding | bytes | layer | advice |\n|---|---|---:|---:|---|\n");
        for (int i = 0; i < int(analysis.findings.size()) && i < TopFindings; ++i) {
            const Finding &f = analysis.findings[size_t(i)];
            QString title = f.title;
            if (!f.paths.empty())
                title += QStringLiteral(" (`%1`%2)")
                             .arg(displayPath(f.paths.front()), f.paths.size() > 1 ? QStringLiteral(", …") : QString());
            out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                       .arg(QLatin1String(severityName(f.severity)), cell(title),
                           f.bytes > 0 ? formatBytes(f.bytes) : QStringLiteral("–"),
                           f.layer >= 0 ? QString::number(f.layer) : QStringLiteral("–"), cell(f.advice));
        }
    }
    return out;
}

} // namespace ballast
