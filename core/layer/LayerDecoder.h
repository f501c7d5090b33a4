#pragma once
#include "archive/FileRange.h"
#include "layer/Layer.h"

#include <atomic>

namespace ballast {

struct LayerDecodeOptions {
    bool hashBlobs = true; // sha256 of stored and uncompressed bytes, for digest and diff_id checks
    const std::atomic<bool> *cancelled = nullptr;
    std::atomic<int64_t> *storedBytesRead = nullptr;
};

// Decodes one layer blob in a single streaming pass: entries with their metadata, a content hash of
// every regular file, and the blob's digests. Throws LoadError naming `label` and the entry on damage.
Layer decodeLayer(const FileRange &blob, const QString &label, const LayerDecodeOptions &options);

} // namespace ballast
