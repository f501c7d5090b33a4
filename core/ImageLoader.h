#pragma once
#include "archive/ImageLayout.h"
#include "image/Image.h"
#include "source/SourceFetcher.h"
#include "util/LoadLimits.h"

#include <atomic>
#include <memory>

namespace ballast {

struct LoadOptions {
    ImageSelection selection;
    bool verifyDigests = true; // check every blob against its digest and diff_id
    int threads = 0; // layer decoders running at once; 0 = one per core
    LoadLimits limits; // bounds on what a hostile archive can make the loader hold or write
    bool insecureRegistry = false; // registry:// sources: allow plain HTTP or an untrusted certificate
};

// Opens an image archive or OCI layout and decodes it into layers and a merged tree. Layers are decoded
// in parallel, each blob in one streaming pass read in place from the archive. The source may also be
// a URI (docker://, podman://, buildah://, registry://, oci:DIR:REF; see SourceReference.h): the
// image is first saved or pulled into a temporary directory, removed when load() returns. Progress
// counters may be read from any thread while load() runs; cancel() may be called from any thread and
// also stops a running save or pull.
class ImageLoader {
public:
    explicit ImageLoader(LoadOptions options = {})
        : m_options(std::move(options))
    { }

    // Throws LoadError (with a message naming the file, the entry and the problem) or LoadCancelled.
    std::shared_ptr<const Image> load(const QString &source);
    void cancel()
    {
        m_cancelled = true;
        m_aborted = true;
    } // m_aborted is what the decoders watch

    int64_t bytesDone() const { return m_bytesDone.load(std::memory_order_relaxed); }
    int64_t bytesTotal() const { return m_bytesTotal.load(std::memory_order_relaxed); }
    int layersDone() const { return m_layersDone.load(std::memory_order_relaxed); }
    int layersTotal() const { return m_layersTotal.load(std::memory_order_relaxed); }
    // While an engine saves or a registry sends the image: true, and the bytes received so far.
    bool isFetching() const { return m_fetching.load(std::memory_order_relaxed); }
    int64_t bytesFetched() const { return m_bytesFetched.load(std::memory_order_relaxed); }

private:
    std::shared_ptr<Image> loadLocal(const SourceReference &reference, const FetchedSource &fetched);
    void decodeLayers(const ImageFiles &files, const ImageLayout &layout, Image &image);
    void verify(const ImageLayout &layout, Image &image) const;

    LoadOptions m_options;
    std::atomic<bool> m_cancelled { false };
    std::atomic<bool> m_aborted { false }; // set by cancel() or by the first failing layer
    std::atomic<int64_t> m_bytesDone { 0 };
    std::atomic<int64_t> m_bytesTotal { 0 };
    std::atomic<int> m_layersDone { 0 };
    std::atomic<int> m_layersTotal { 0 };
    std::atomic<bool> m_fetching { false };
    std::atomic<int64_t> m_bytesFetched { 0 };
};

} // namespace ballast
