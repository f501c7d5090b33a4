#pragma once
#include "LayerEntry.h"

#include <QString>
#include <string>
#include <string_view>
#include <vector>

namespace ballast {

enum class Compression : uint8_t { None, Gzip, Zstd };
const char *compressionName(Compression compression);

// The bytes of a file the decoder was asked to keep (LayerDecodeOptions::keep): package databases.
struct KeptFile {
    uint32_t entry = 0; // index into Layer::entries
    std::string bytes; // empty when overBudget
    // Not kept: it would have taken the image's kept bytes over LoadLimits::maxPackageDatabaseBytes.
    bool overBudget = false;
};

// A decoded layer: its identity, its sizes and every entry of its tar, in archive order.
struct Layer {
    int index = 0;
    QString archivePath; // where the blob lives in the archive or layout, e.g. blobs/sha256/ab12…
    QString digest; // sha256 of the stored blob, "sha256:…"
    QString diffId; // sha256 of the uncompressed tar, "sha256:…"
    QString mediaType; // as declared by the manifest; may be empty for docker archives
    Compression compression = Compression::None;
    int64_t compressedSize = 0; // bytes of the stored blob
    int64_t uncompressedSize = 0; // bytes of the tar stream
    int64_t size = 0; // sum of the entries' tar header sizes
    int historyIndex = -1; // index into ImageConfig::history, -1 when unknown
    std::vector<LayerEntry> entries;
    std::string strings; // arena for entry paths and link targets
    std::vector<KeptFile> kept; // in archive order

    std::string_view path(const LayerEntry &entry) const
    {
        return std::string_view(strings).substr(entry.pathOffset, entry.pathLength);
    }
    std::string_view linkTarget(const LayerEntry &entry) const
    {
        return std::string_view(strings).substr(entry.linkOffset, entry.linkLength);
    }
};

} // namespace ballast
