#pragma once
// Shared by the fuzz targets: a private scratch directory for inputs the core reads from disk, the
// bundled sample image, and a walk over a loaded image that does what the CLI and the GUI do with it.
#include "ImageLoader.h"
#include "analysis/ImageAnalysis.h"
#include "image/Image.h"
#include "report/AnalyzeReport.h"
#include "report/DiveExport.h"
#include "report/MarkdownReport.h"
#include "util/LoadError.h"

#include <QFile>
#include <QTemporaryDir>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// A broken invariant is a bug even when nothing crashes: abort so that libFuzzer keeps the input.
#define FUZZ_CHECK(condition, what)                                                                                    \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "fuzz check failed at %s:%d: %s (%s)\n", __FILE__, __LINE__, what, #condition);       \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

namespace fuzz {

inline const QTemporaryDir &scratch()
{
    static const QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a temporary directory\n");
        std::abort();
    }
    return dir;
}

// Writes the bytes to `name` in the scratch directory and returns its path.
inline QString writeScratchFile(const char *name, const uint8_t *data, size_t size)
{
    const QString path = scratch().filePath(QString::fromLatin1(name));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        std::abort();
    }
    return path;
}

// resources/sample/sample.oci-gzip.tar, loaded once.
inline const ballast::Image &sampleImage()
{
    static const std::shared_ptr<const ballast::Image> image = [] {
        ballast::LoadOptions options;
        options.threads = 1;
        return ballast::ImageLoader(options).load(
            QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/sample.oci-gzip.tar"));
    }();
    return *image;
}

// Visits every node after every layer as the GUI's file tree does (path, size, status, entry) and
// checks what the tree promises about itself. Skipped for trees too big to walk per input quickly.
inline void walkTree(const ballast::Image &image)
{
    using ballast::MergedTree;
    const MergedTree &tree = image.tree;
    const int layers = tree.layerCount();
    if (tree.nodeCount() * size_t(layers + 1) > 400000)
        return;
    for (int layer = 0; layer < layers; ++layer) {
        std::vector<ballast::NodeStatus> statuses(tree.nodeCount());
        for (MergedTree::NodeId node = 0; node < tree.nodeCount(); ++node)
            statuses[node] = tree.status(node, layer);
        const auto sizes = tree.aggregatedSizes(layer, statuses);
        FUZZ_CHECK(sizes == tree.aggregatedSizes(layer), "sizes from given statuses match");
        for (MergedTree::NodeId node = 1; node < tree.nodeCount(); ++node) {
            const std::string path = tree.path(node);
            FUZZ_CHECK(tree.find(path) == node, "find(path(node)) is the node");
            FUZZ_CHECK(sizes[node] >= 0, "sizes are not negative");
            const ballast::LayerEntry *entry = tree.entry(node, layer);
            const int entryLayer = tree.entryLayer(node, layer);
            FUZZ_CHECK((entry == nullptr) == (entryLayer < 0), "entry() and entryLayer() agree");
            if (entry) {
                FUZZ_CHECK(entryLayer <= layer, "the entry comes from this layer or below");
                (void)image.layers[size_t(entryLayer)].path(*entry);
                (void)image.layers[size_t(entryLayer)].linkTarget(*entry);
            }
            const int writer = tree.lastWriter(node, layer);
            FUZZ_CHECK(writer <= layer, "the last writer is this layer or below");
            (void)tree.isDirectory(node, layer);
            (void)tree.existsAfter(node, layer);
            const auto children = tree.children(node);
            for (size_t i = 1; i < children.size(); ++i)
                FUZZ_CHECK(tree.name(children[i - 1]) < tree.name(children[i]), "children sorted by name, unique");
            for (MergedTree::NodeId child : children)
                FUZZ_CHECK(tree.parent(child) == node, "a child's parent is the node");
        }
        if (layer == layers - 1)
            FUZZ_CHECK(sizes[MergedTree::Root] == tree.finalFileBytes(), "final sizes agree");
    }
    for (const MergedTree::NodeId node : tree.finalFiles())
        FUZZ_CHECK(tree.existsAfter(node, layers - 1), "final files exist after the last layer");
}

// What `ballast-cli analyze` does with a loaded image, in every output format, plus the GUI's walk.
inline void exerciseImage(const ballast::Image &image)
{
    const ballast::ImageAnalysis analysis = ballast::analyzeImage(image);
    FUZZ_CHECK(analysis.layers.size() == image.layers.size(), "figures for every layer");
    FUZZ_CHECK(analysis.reclaimableBytes >= 0, "reclaimable bytes are not negative");
    (void)ballast::analyzeJson(image, analysis).dump(2);
    (void)ballast::diveExportJson(image, analysis).dump(2);
    (void)ballast::markdownReport(image, analysis);
    (void)ballast::analyzeText(image, analysis);
    walkTree(image);
}

} // namespace fuzz
