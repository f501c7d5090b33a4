#include "ImageLoader.h"

#include "image/HistoryMapping.h"
#include "layer/LayerDecoder.h"
#include "packages/PackageDatabaseFiles.h"
#include "source/SourceFetcher.h"
#include "util/LoadError.h"
#include "util/Logging.h"
#include "util/Sha256.h"

#include <QElapsedTimer>
#include <algorithm>
#include <exception>
#include <optional>
#include <thread>

namespace ballast {
namespace {

QString layerLabel(const QString &source, int index, const QString &member)
{
    return QStringLiteral("%1: layer %2 (%3)").arg(source).arg(index).arg(member);
}

} // namespace

std::shared_ptr<const Image> ImageLoader::load(const QString &source)
{
    m_aborted = m_cancelled.load();
    const SourceReference reference = parseSourceReference(source);
    if (reference.isLocalPath())
        return loadLocal(reference, FetchedSource { reference.location, reference.ref, {} });

    // Saved by an engine or pulled from a registry into a temporary directory, gone when we return.
    m_fetching = true;
    m_bytesFetched = 0;
    FetchedSource fetched;
    try {
        const SourceOptions sourceOptions { m_options.selection.platform, m_options.insecureRegistry,
            m_options.limits.maxUncompressedBytes };
        fetched = fetchSource(reference, sourceOptions, m_cancelled, m_bytesFetched);
    } catch (...) {
        m_fetching = false;
        throw;
    }
    m_fetching = false;
    if (m_cancelled)
        throw LoadCancelled();
    try {
        return loadLocal(reference, fetched);
    } catch (const LoadError &error) {
        // Name what the user opened, not our temporary copy of it.
        throw LoadError(QString(error.message()).replace(fetched.path, reference.text), error.choices());
    }
}

std::shared_ptr<Image> ImageLoader::loadLocal(const SourceReference &reference, const FetchedSource &fetched)
{
    const QString &path = fetched.path;
    const LoadLimits &limits = m_options.limits;
    ImageSelection selection = m_options.selection;
    if (!fetched.tag.isEmpty())
        selection.tag = fetched.tag;
    if (reference.kind == SourceReference::Kind::Registry)
        selection.platform.clear(); // skopeo chose it, and copied only that one
    auto files = ImageFiles::open(path, ImageFiles::OpenOptions { &m_cancelled, limits.maxUncompressedBytes });
    if (m_cancelled)
        throw LoadCancelled();
    const ImageLayout layout = readImageLayout(*files, selection, limits, m_options.verifyDigests);

    auto image = std::make_shared<Image>();
    image->sourcePath = reference.isLocalPath() ? path : reference.text;
    image->format = layout.format;
    image->outerCompression = files->outerCompression();
    image->tags = layout.tags;
    image->warnings = layout.notes;
    const QByteArray configBytes = files->read(layout.configPath, limits.maxJsonBytes);
    // The config's sha256 is the image ID; docker archives name it only by path, so compute it.
    Sha256 hash;
    hash.update(configBytes.constData(), size_t(configBytes.size()));
    const QString configDigest = hash.finishDigest();
    if (m_options.verifyDigests && !layout.configDigest.isEmpty() && configDigest != layout.configDigest)
        throw LoadError(QStringLiteral("%1: config %2: sha256 is %3 but its name says %4")
                            .arg(path, layout.configPath, configDigest, layout.configDigest));
    image->configDigest = configDigest;
    image->config
        = ImageConfig::parse(configBytes, path + QStringLiteral(": ") + layout.configPath, limits.maxJsonDepth);

    QElapsedTimer phase;
    phase.start();
    decodeLayers(*files, layout, *image);
    qCDebug(lcLoader) << path << "decoded" << image->layers.size() << "layers," << m_bytesTotal.load()
                      << "bytes stored, in" << phase.restart() << "ms";
    verify(layout, *image);
    mapHistoryToLayers(*image);
    image->tree = MergedTree::build(image->layers, &m_aborted);
    if (m_cancelled)
        throw LoadCancelled();
    qCDebug(lcLoader) << path << "merged tree of" << image->tree.nodeCount() << "nodes in" << phase.elapsed() << "ms";
    return image;
}

void ImageLoader::decodeLayers(const ImageFiles &files, const ImageLayout &layout, Image &image)
{
    const size_t count = layout.layers.size();
    std::vector<FileRange> ranges(count);
    int64_t total = 0;
    for (size_t i = 0; i < count; ++i) {
        const auto &descriptor = layout.layers[i];
        auto range = files.find(descriptor.archivePath);
        if (!range)
            throw LoadError(QStringLiteral("%1: the blob of layer %2 is missing: %3%4")
                                .arg(files.sourcePath())
                                .arg(i)
                                .arg(descriptor.archivePath, files.damageNote()));
        if (descriptor.declaredSize >= 0 && descriptor.declaredSize != range->size)
            throw LoadError(QStringLiteral("%1: the blob is %2 bytes but the manifest declares %3")
                                .arg(layerLabel(files.sourcePath(), int(i), descriptor.archivePath))
                                .arg(range->size)
                                .arg(descriptor.declaredSize));
        ranges[i] = *range;
        total += range->size;
    }
    m_bytesTotal = total;
    m_bytesDone = 0;
    m_layersTotal = int(count);
    m_layersDone = 0;

    // Largest blobs first, so that the last worker to finish is not stuck with the biggest layer.
    std::vector<size_t> order(count);
    for (size_t i = 0; i < count; ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ranges[a].size > ranges[b].size; });

    std::vector<std::optional<Layer>> results(count);
    std::vector<std::exception_ptr> errors(count);
    std::atomic<size_t> next { 0 };
    // Shared by the workers: the limits bound the whole image, not each layer.
    std::atomic<int64_t> entriesSeen { 0 }, uncompressedBytes { 0 }, keptBytes { 0 };
    // The package databases are kept as the layers stream by: reading the packages never decodes a layer again.
    const LayerDecodeOptions decodeOptions { m_options.verifyDigests, &m_aborted, &m_bytesDone, m_options.limits,
        &entriesSeen, &uncompressedBytes, &isPackageDatabaseFile, &keptBytes };
    auto work = [&] {
        for (size_t k; (k = next.fetch_add(1)) < count;) {
            const size_t i = order[k];
            if (m_aborted)
                return;
            try {
                results[i] = decodeLayer(
                    ranges[i], layerLabel(files.sourcePath(), int(i), layout.layers[i].archivePath), decodeOptions);
                m_layersDone.fetch_add(1);
            } catch (...) {
                errors[i] = std::current_exception();
                m_aborted = true;
            }
        }
    };
    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    const size_t workers = std::min<size_t>(count, m_options.threads > 0 ? size_t(m_options.threads) : hardware);
    std::vector<std::thread> threads;
    for (size_t w = 1; w < workers; ++w)
        threads.emplace_back(work);
    if (count > 0)
        work();
    for (auto &thread : threads)
        thread.join();

    if (m_cancelled)
        throw LoadCancelled();
    // Report the real failure, not the cancellations it caused in the other workers.
    for (const auto &error : errors) {
        if (!error)
            continue;
        try {
            std::rethrow_exception(error);
        } catch (const LoadCancelled &) {
            continue;
        }
    }
    image.layers.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        Layer layer = std::move(*results[i]);
        layer.index = int(i);
        layer.archivePath = layout.layers[i].archivePath;
        layer.mediaType = layout.layers[i].mediaType;
        image.layers.push_back(std::move(layer));
    }
}

void ImageLoader::verify(const ImageLayout &layout, Image &image) const
{
    const QStringList &diffIds = image.config.diffIds;
    if (m_options.verifyDigests && !diffIds.isEmpty() && diffIds.size() != int(image.layers.size()))
        throw LoadError(QStringLiteral("%1: %2: the config lists %3 diff_ids for %4 layers")
                            .arg(image.sourcePath, layout.configPath)
                            .arg(diffIds.size())
                            .arg(image.layers.size()));
    for (Layer &layer : image.layers) {
        const QString &declared = layout.layers[size_t(layer.index)].digest;
        const QString label = layerLabel(image.sourcePath, layer.index, layer.archivePath);
        if (!m_options.verifyDigests) {
            layer.digest = declared;
            layer.diffId = layer.index < diffIds.size() ? diffIds[layer.index] : QString();
            continue;
        }
        if (!declared.isEmpty() && declared.startsWith(QLatin1String("sha256:")) && layer.digest != declared)
            throw LoadError(QStringLiteral("%1: the blob's sha256 is %2 but the manifest declares %3")
                                .arg(label, layer.digest, declared));
        if (layer.index < diffIds.size() && layer.diffId != diffIds[layer.index])
            throw LoadError(QStringLiteral("%1: the uncompressed layer's sha256 is %2 but the config's "
                                           "rootfs.diff_ids[%3] is %4")
                                .arg(label, layer.diffId)
                                .arg(layer.index)
                                .arg(diffIds[layer.index]));
    }
}

} // namespace ballast
