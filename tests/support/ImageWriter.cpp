#include "Compressors.h"
#include "WriterInternal.h"

#include <QDir>
#include <QFileInfo>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace ballast::test {

const char *formatName(Format format)
{
    switch (format) {
    case Format::DockerLegacy:
        return "docker-legacy";
    case Format::BuildahDockerArchive:
        return "buildah";
    case Format::Docker25:
        return "docker25";
    case Format::Kaniko:
        return "kaniko";
    case Format::OciArchive:
        return "oci-archive";
    case Format::OciDirectory:
        return "oci-dir";
    }
    return "?";
}

const char *compressionName(LayerCompression compression)
{
    switch (compression) {
    case LayerCompression::None:
        return "none";
    case LayerCompression::Gzip:
        return "gzip";
    case LayerCompression::Zstd:
        return "zstd";
    case LayerCompression::EStargz:
        return "estargz";
    case LayerCompression::Bzip2:
        return "bzip2";
    case LayerCompression::Xz:
        return "xz";
    }
    return "?";
}

bool isTarFormat(Format format)
{
    return format != Format::OciDirectory;
}

ArchiveSpec singleImage(Format format, ImageSpec image)
{
    ArchiveSpec spec;
    spec.format = format;
    spec.images.push_back(std::move(image));
    return spec;
}

namespace detail {

std::vector<size_t> blobOrder(const WriteContext &context, size_t count)
{
    std::vector<size_t> order(count);
    for (size_t i = 0; i < count; ++i)
        order[i] = context.spec.reverseBlobOrder ? count - 1 - i : i;
    return order;
}

QByteArray jsonBytes(const std::string &text, bool damaged)
{
    QByteArray bytes = QByteArray::fromStdString(text);
    if (damaged)
        bytes.truncate(bytes.size() / 2); // cut mid-document: a parse error, never valid JSON
    return bytes;
}

QString hexOf(const QString &digest)
{
    return digest.section(QLatin1Char(':'), 1);
}

} // namespace detail

namespace {

using namespace detail;

std::string configJson(
    const ImageSpec &image, const std::vector<BuiltLayer> &layers, int wrongDiffIdLayer, bool dropLastDiffId)
{
    nlohmann::json diffIds = nlohmann::json::array();
    for (size_t i = 0; i + (dropLastDiffId ? 1 : 0) < layers.size(); ++i)
        diffIds.push_back(int(i) == wrongDiffIdLayer ? sha256Digest(layers[i].tar + "!").toStdString()
                                                     : layers[i].diffId.toStdString());
    nlohmann::json history = nlohmann::json::array();
    std::vector<HistorySpec> steps;
    if (image.history)
        steps = *image.history;
    else
        for (const LayerSpec &layer : image.layers)
            steps.push_back({ layer.createdBy, false });
    for (const HistorySpec &step : steps) {
        nlohmann::json item { { "created", "2024-01-02T03:04:05Z" }, { "created_by", step.createdBy } };
        if (step.emptyLayer)
            item["empty_layer"] = true;
        history.push_back(item);
    }
    nlohmann::json config {
        { "architecture", image.architecture },
        { "os", image.os },
        { "created", "2024-01-02T03:04:05Z" },
        { "config",
            { { "Env", { "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" } },
                { "Cmd", { "/bin/sh" } } } },
        { "rootfs", { { "type", "layers" }, { "diff_ids", diffIds } } },
        { "history", history },
    };
    if (!image.variant.empty())
        config["variant"] = image.variant;
    return config.dump();
}

void applyBlobDamage(const Damage &damage, BuiltLayer &layer)
{
    QByteArray blob = layer.blob;
    if (damage.blobFlipAt != INT64_MIN) {
        const int64_t at = damage.blobFlipAt < 0 ? blob.size() + damage.blobFlipAt : damage.blobFlipAt;
        if (at < 0 || at >= blob.size())
            throw std::runtime_error("blobFlipAt outside the blob");
        blob[qsizetype(at)] = char(~blob[qsizetype(at)]);
    }
    if (damage.blobTruncateTo >= 0)
        blob.truncate(qsizetype(damage.blobTruncateTo));
    replaceBlob(layer, blob);
}

void damageFile(const Damage &damage, const QString &file)
{
    if (damage.truncateArchiveAt < 0 && damage.flipArchiveByteAt < 0)
        return;
    QByteArray bytes = readFileBytes(file);
    if (damage.flipArchiveByteAt >= 0) {
        if (damage.flipArchiveByteAt >= bytes.size())
            throw std::runtime_error("flipArchiveByteAt outside the archive");
        bytes[qsizetype(damage.flipArchiveByteAt)] = char(~bytes[qsizetype(damage.flipArchiveByteAt)]);
    }
    if (damage.truncateArchiveAt >= 0)
        bytes.truncate(qsizetype(damage.truncateArchiveAt));
    writeFileBytes(file, bytes);
}

} // namespace

WrittenArchive writeArchive(const ArchiveSpec &spec, const QString &directory, const QString &baseName)
{
    WrittenArchive result;
    WriteContext context { spec, {}, {}, &result };
    result.images.resize(spec.images.size());
    for (size_t i = 0; i < spec.images.size(); ++i) {
        const ImageSpec &image = spec.images[i];
        PreparedImage prepared;
        prepared.spec = &image;
        prepared.result = &result.images[i];
        for (size_t k = 0; k < image.layers.size(); ++k) {
            prepared.layers.push_back(buildLayer(image.layers[k]));
            if (i == 0 && int(k) == spec.damage.blobLayer)
                applyBlobDamage(spec.damage, prepared.layers.back());
            const BuiltLayer &built = prepared.layers.back();
            prepared.declaredDigests.push_back(
                i == 0 && int(k) == spec.damage.wrongBlobDigestLayer ? sha256Digest(built.blob + "!") : built.digest);
        }
        prepared.config = jsonBytes(configJson(image, prepared.layers, i == 0 ? spec.damage.wrongDiffIdLayer : -1,
                                        i == 0 && spec.damage.dropLastDiffId),
            i == 0 && spec.damage.invalidJson == Damage::Json::Config);
        prepared.configDigest
            = sha256Digest(i == 0 && spec.damage.wrongConfigDigest ? prepared.config + "!" : prepared.config);
        WrittenImage &written = result.images[i];
        written.configDigest = prepared.configDigest; // as named: differs from the bytes' when damaged
        for (const std::string &tag : image.tags)
            written.tags << QString::fromStdString(tag);
        for (size_t k = 0; k < prepared.layers.size(); ++k) {
            const BuiltLayer &built = prepared.layers[k];
            WrittenLayer layer;
            layer.diffId = built.diffId;
            layer.digest = built.digest;
            layer.mediaType = built.mediaType;
            layer.blobSize = built.blob.size();
            layer.tarSize = built.tar.size();
            layer.tocSize = built.tocSize;
            written.layers.push_back(layer);
        }
        context.images.push_back(std::move(prepared));
    }

    switch (spec.format) {
    case Format::DockerLegacy:
    case Format::BuildahDockerArchive:
    case Format::Kaniko:
        writeDockerArchive(context);
        break;
    case Format::Docker25:
    case Format::OciArchive:
    case Format::OciDirectory:
        writeOciLayout(context);
        break;
    }

    if (spec.format == Format::OciDirectory) {
        result.path = QDir(directory).filePath(baseName);
        context.out.writeDirectory(result.path);
        if (spec.damage.layerLinkOutside && !context.images.empty() && !context.images[0].layers.empty())
            writeFileBytes(QDir(directory).filePath(QStringLiteral("outside.tar")), context.images[0].layers[0].blob);
        return result;
    }
    const char *suffix = spec.outer == OuterCompression::Gzip ? ".tar.gz"
        : spec.outer == OuterCompression::Zstd                ? ".tar.zst"
                                                              : ".tar";
    result.path = QDir(directory).filePath(baseName + QLatin1String(suffix));
    result.members = context.out.writeTar(result.path, spec);
    damageFile(spec.damage, result.path);
    result.fileSize = QFileInfo(result.path).size();
    return result;
}

} // namespace ballast::test
