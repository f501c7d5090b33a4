#pragma once
#include "archive/FileRange.h"
#include "layer/Layer.h"
#include "util/LoadLimits.h"

#include <atomic>

namespace ballast {

struct LayerDecodeOptions {
    bool hashBlobs = true; // sha256 of stored and uncompressed bytes, for digest and diff_id checks
    const std::atomic<bool> *cancelled = nullptr;
    std::atomic<int64_t> *storedBytesRead = nullptr;
    LoadLimits limits;
    // Shared by the layers of one image decoded in parallel, so that limits.maxEntries and
    // limits.maxUncompressedBytes bound their sums; when null, each layer alone.
    std::atomic<int64_t> *entriesSeen = nullptr;
    std::atomic<int64_t> *uncompressedBytes = nullptr;
    // Regular files whose bytes go into Layer::kept, read in the same pass; null keeps none.
    bool (*keep)(std::string_view path) = nullptr;
    // The bytes kept by all the layers of one image, bounded by limits.maxPackageDatabaseBytes;
    // when null, each layer alone.
    std::atomic<int64_t> *keptBytes = nullptr;
};

// Decodes one layer blob in a single streaming pass: entries with their metadata, a content hash of
// every regular file, and the blob's digests. Throws LoadError naming `label` and the entry on damage
// and when the layer goes over one of `options.limits`.
Layer decodeLayer(const FileRange &blob, const QString &label, const LayerDecodeOptions &options);

} // namespace ballast
