#pragma once
// Images built in memory for the analysis suites: layers from LayerSpec.h (tests/core/tree), a config
// with history, user, entrypoint and cmd, then the merged tree. Image is neither copied nor moved (the
// tree points into the layers), so it is handed out as a shared_ptr and the layers are in place before
// the tree is built.
#include "LayerSpec.h"
#include "analysis/ImageAnalysis.h"
#include "analysis/LayerOwnTree.h"
#include "image/Image.h"
#include "tree/MergedTree.h"

#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace analysistest {

struct ImageOptions {
    QString user = QStringLiteral("1000"); // not root, so that only the tests about it see root-user
    QStringList entrypoint = { QStringLiteral("/app") };
    QStringList cmd;
    // One created_by per layer (empty: the layer has no history entry). Missing entries: no history.
    QStringList createdBy;
    // History entries with empty_layer set, inserted before the layer with the same index.
    std::vector<std::pair<int, QString>> emptyHistoryBefore;
    // Name of each layer in the archive ("<id>/layer.tar"); default "layer<i>/layer.tar".
    QStringList archivePaths;
};

inline std::shared_ptr<ballast::Image> makeImage(const treetest::ImageSpec &spec, const ImageOptions &options = {})
{
    auto image = std::make_shared<ballast::Image>();
    image->sourcePath = QStringLiteral("memory");
    image->format = QStringLiteral("docker-archive");
    image->tags = { QStringLiteral("test:1") };
    image->config.os = QStringLiteral("linux");
    image->config.architecture = QStringLiteral("amd64");
    image->config.user = options.user;
    image->config.entrypoint = options.entrypoint;
    image->config.cmd = options.cmd;
    image->layers.reserve(spec.size());
    for (size_t i = 0; i < spec.size(); ++i) {
        image->layers.push_back(treetest::makeLayer(int(i), spec[i]));
        ballast::Layer &layer = image->layers.back();
        layer.archivePath = i < size_t(options.archivePaths.size()) ? options.archivePaths[qsizetype(i)]
                                                                    : QStringLiteral("layer%1/layer.tar").arg(i);
        layer.diffId = QStringLiteral("sha256:%1").arg(i, 64, 10, QLatin1Char('0'));
        layer.digest = layer.diffId;
        layer.compressedSize = layer.size / 2;
        layer.uncompressedSize = layer.size + 1024;
        for (const auto &[before, text] : options.emptyHistoryBefore)
            if (before == int(i)) {
                ballast::HistoryEntry empty;
                empty.createdBy = text;
                empty.emptyLayer = true;
                image->config.history.push_back(empty);
            }
        if (i < size_t(options.createdBy.size()) && !options.createdBy[qsizetype(i)].isEmpty()) {
            ballast::HistoryEntry entry;
            entry.createdBy = options.createdBy[qsizetype(i)];
            entry.layerIndex = int(i);
            layer.historyIndex = int(image->config.history.size());
            image->config.history.push_back(entry);
        }
        image->config.diffIds << layer.diffId;
    }
    image->tree = ballast::MergedTree::build(image->layers);
    return image;
}

inline std::vector<std::vector<ballast::OwnTreeItem>> ownTrees(const ballast::Image &image)
{
    std::vector<std::vector<ballast::OwnTreeItem>> out;
    for (size_t l = 0; l < image.layers.size(); ++l)
        out.push_back(ballast::layerOwnTree(image, int(l)));
    return out;
}

} // namespace analysistest
