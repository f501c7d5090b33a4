// fuzz_layer_tree: the input is one layer blob (tar, gzip or zstd). Decodes it, then merges it into a
// tree alone and on top of itself, so that its whiteouts and opaque directories act on a lower layer
// that really holds their targets, and analyses and walks both images.
#include "FuzzSupport.h"
#include "image/HistoryMapping.h"
#include "layer/LayerDecoder.h"
#include "packages/PackageDatabaseFiles.h"

namespace {

void mergeAndWalk(const ballast::Layer &layer, int copies)
{
    ballast::Image image;
    for (int i = 0; i < copies; ++i) {
        image.layers.push_back(layer);
        image.layers.back().index = i;
    }
    ballast::mapHistoryToLayers(image);
    image.tree = ballast::MergedTree::build(image.layers);
    FUZZ_CHECK(image.tree.layerCount() == copies, "a tree layer per layer");
    fuzz::exerciseImage(image);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = fuzz::writeScratchFile("layer.blob", data, size);
    ballast::LayerDecodeOptions options;
    options.hashBlobs = size % 4 == 1; // hashing is slow and rarely interesting: one length in four
    options.keep = &ballast::isPackageDatabaseFile;
    options.limits.maxPackageDatabaseBytes = 1 << 20;
    ballast::Layer layer;
    try {
        layer = ballast::decodeLayer(ballast::FileRange { path, 0, int64_t(size) }, QStringLiteral("layer"), options);
    } catch (const ballast::LoadError &error) {
        FUZZ_CHECK(!error.message().isEmpty(), "decode errors say what was wrong");
        return 0;
    }
    FUZZ_CHECK(layer.compressedSize == int64_t(size), "the whole blob was read");
    for (const ballast::LayerEntry &entry : layer.entries) {
        FUZZ_CHECK(size_t(entry.pathOffset) + entry.pathLength <= layer.strings.size(), "paths in the arena");
        FUZZ_CHECK(size_t(entry.linkOffset) + entry.linkLength <= layer.strings.size(), "links in the arena");
    }
    int64_t kept = 0;
    for (const ballast::KeptFile &file : layer.kept) {
        FUZZ_CHECK(file.entry < layer.entries.size(), "a kept file names an entry");
        const ballast::LayerEntry &entry = layer.entries[file.entry];
        FUZZ_CHECK(entry.type == ballast::EntryType::File, "only regular files are kept");
        FUZZ_CHECK(file.overBudget ? file.bytes.empty() : int64_t(file.bytes.size()) == entry.size,
            "a kept file holds exactly its size");
        kept += int64_t(file.bytes.size());
    }
    FUZZ_CHECK(kept <= options.limits.maxPackageDatabaseBytes, "kept bytes stay within the budget");
    mergeAndWalk(layer, 1);
    mergeAndWalk(layer, 2);
    return 0;
}
