#pragma once
#include "archive/ImageLayout.h"
#include "image/Image.h"
#include "util/LoadLimits.h"

#include <atomic>
#include <memory>

namespace ballast {

struct LoadOptions {
    ImageSelection selection;
    bool verifyDigests = true; // check every blob against its digest and diff_id
    int threads = 0;           // layer decoders running at once; 0 = one per core
    LoadLimits limits;         // bounds on what a hostile archive can make the loader hold or write
};

// Opens an image archive or OCI layout and decodes it into layers and a merged tree. Layers are decoded
// in parallel, each blob in one streaming pass read in place from the archive. Progress counters may be
// read from any thread while load() runs; cancel() may be called from any thread.
class ImageLoader {
public:
    explicit ImageLoader(LoadOptions options = {}) : m_options(std::move(options)) {}

    // Throws LoadError (with a message naming the file, the entry and the problem) or LoadCancelled.
    std::shared_ptr<const Image> load(const QString &path);
    void cancel() { m_cancelled = true; m_aborted = true; } // m_aborted is what the decoders watch

    int64_t bytesDone() const { return m_bytesDone.load(std::memory_order_relaxed); }
    int64_t bytesTotal() const { return m_bytesTotal.load(std::memory_order_relaxed); }
    int layersDone() const { return m_layersDone.load(std::memory_order_relaxed); }
    int layersTotal() const { return m_layersTotal.load(std::memory_order_relaxed); }

private:
    void decodeLayers(const ImageFiles &files, const ImageLayout &layout, Image &image);
    void verify(const ImageLayout &layout, Image &image) const;

    LoadOptions m_options;
    std::atomic<bool> m_cancelled {false};
    std::atomic<bool> m_aborted {false}; // set by cancel() or by the first failing layer
    std::atomic<int64_t> m_bytesDone {0};
    std::atomic<int64_t> m_bytesTotal {0};
    std::atomic<int> m_layersDone {0};
    std::atomic<int> m_layersTotal {0};
};

} // namespace ballast
