// OCI image layouts (tar or directory) and Docker 25+ saves (an OCI layout plus manifest.json).
#include "Compressors.h"
#include "WriterInternal.h"

#include <nlohmann/json.hpp>

namespace ballast::test::detail {
namespace {

using json = nlohmann::json;

const char *const ManifestType = "application/vnd.oci.image.manifest.v1+json";
const char *const IndexType = "application/vnd.oci.image.index.v1+json";
const char *const ConfigType = "application/vnd.oci.image.config.v1+json";
const char *const RefName = "org.opencontainers.image.ref.name";

QString blobPath(const QString &digest)
{
    return QStringLiteral("blobs/sha256/") + hexOf(digest);
}

json descriptor(const char *mediaType, const QString &digest, qsizetype size)
{
    return json { { "mediaType", mediaType }, { "digest", digest.toStdString() }, { "size", size } };
}

// Adds a blob named after its own bytes; returns its digest.
QString addBlob(ArchiveOutput &out, const QByteArray &bytes)
{
    const QString digest = sha256Digest(bytes);
    out.addFile(blobPath(digest), bytes);
    return digest;
}

// An in-toto provenance statement packaged as BuildKit does: its own manifest, platform unknown/unknown.
json attestationDescriptor(ArchiveOutput &out, const QString &subject)
{
    const QByteArray statement = QByteArray::fromStdString(json { { "_type", "https://in-toto.io/Statement/v0.1" },
        { "predicateType", "https://slsa.dev/provenance/v0.2" },
        { "subject",
            json::array({ { { "name", "_" }, { "digest", { { "sha256", hexOf(subject).toStdString() } } } } }) } }
                                                               .dump());
    const QString statementDigest = addBlob(out, statement);
    const QByteArray config = QByteArray::fromStdString(
        json { { "architecture", "unknown" }, { "os", "unknown" }, { "config", json::object() },
            { "rootfs", { { "type", "layers" }, { "diff_ids", { statementDigest.toStdString() } } } } }
            .dump());
    const QString configDigest = addBlob(out, config);
    json layer = descriptor("application/vnd.in-toto+json", statementDigest, statement.size());
    layer["annotations"] = { { "in-toto.io/predicate-type", "https://slsa.dev/provenance/v0.2" } };
    const QByteArray manifest = QByteArray::fromStdString(json { { "schemaVersion", 2 }, { "mediaType", ManifestType },
        { "config", descriptor(ConfigType, configDigest, config.size()) },
        { "layers", json::array({ layer }) } }.dump());
    json d = descriptor(ManifestType, addBlob(out, manifest), manifest.size());
    d["platform"] = { { "architecture", "unknown" }, { "os", "unknown" } };
    d["annotations"] = { { "vnd.docker.reference.digest", subject.toStdString() },
        { "vnd.docker.reference.type", "attestation-manifest" } };
    return d;
}

} // namespace

void writeOciLayout(WriteContext &context)
{
    const ArchiveSpec &spec = context.spec;
    const Damage &damage = spec.damage;
    ArchiveOutput &out = context.out;
    const bool tar = isTarFormat(spec.format);
    out.addFile(QStringLiteral("oci-layout"), R"({"imageLayoutVersion":"1.0.0"})");
    if (tar) {
        out.addDirectory(QStringLiteral("blobs/"));
        out.addDirectory(QStringLiteral("blobs/sha256/"));
    }

    std::vector<json> manifestDescriptors;
    json dockerManifest = json::array();
    for (size_t img = 0; img < context.images.size(); ++img) {
        PreparedImage &image = context.images[img];
        const bool first = img == 0;
        json layers = json::array();
        for (size_t k = 0; k < image.layers.size(); ++k) {
            const BuiltLayer &layer = image.layers[k];
            json d = descriptor(layer.mediaType.toUtf8().constData(), image.declaredDigests[k],
                layer.blob.size() + (first && int(k) == damage.wrongSizeLayer ? 1 : 0));
            if (!layer.tocDigest.isEmpty())
                d["annotations"] = { { "containerd.io/snapshot/stargz/toc.digest", layer.tocDigest.toStdString() },
                    { "io.containers.estargz.uncompressed-size", std::to_string(layer.tar.size()) } };
            layers.push_back(d);
            image.result->layers[k].archivePath = blobPath(image.declaredDigests[k]);
            image.result->layers[k].declaredDigest = image.declaredDigests[k];
        }
        for (size_t k : blobOrder(context, image.layers.size())) {
            const QString path = blobPath(image.declaredDigests[k]);
            if (first && k == 0 && damage.layerLinkLoop) {
                out.addSymlink(path, QStringLiteral("../../loop-a"));
                out.addSymlink(QStringLiteral("loop-a"), QStringLiteral("loop-b"));
                out.addSymlink(QStringLiteral("loop-b"), QStringLiteral("./loop-a"));
            } else if (first && k == 0 && damage.layerLinkOutside) {
                out.addSymlink(path, QStringLiteral("../../../outside.tar"));
            } else if (!(first && int(k) == damage.missingBlobLayer)) {
                out.addFile(path, image.layers[k].blob);
            }
        }
        out.addFile(blobPath(image.configDigest), image.config);
        image.result->configPath = blobPath(image.configDigest);

        const json manifest { { "schemaVersion", 2 }, { "mediaType", ManifestType },
            { "config", descriptor(ConfigType, image.configDigest, image.config.size()) }, { "layers", layers } };
        // Docker 25 keeps the manifest intact and breaks manifest.json instead (that is what it reads).
        const QByteArray manifestBytes = jsonBytes(
            manifest.dump(), first && damage.invalidJson == Damage::Json::Manifest && spec.format != Format::Docker25);
        const QString manifestDigest = addBlob(out, manifestBytes);
        image.result->manifestDigest = manifestDigest;
        json d = descriptor(ManifestType, manifestDigest, manifestBytes.size());
        if (spec.multiPlatform) {
            d["platform"] = { { "architecture", image.spec->architecture }, { "os", image.spec->os } };
            if (!image.spec->variant.empty())
                d["platform"]["variant"] = image.spec->variant;
            manifestDescriptors.push_back(d);
            if (spec.attestations)
                manifestDescriptors.push_back(attestationDescriptor(out, manifestDigest));
        } else if (image.spec->tags.empty()) {
            manifestDescriptors.push_back(d);
        } else {
            for (const std::string &tag : image.spec->tags) { // one descriptor per name, as skopeo/docker do
                json tagged = d;
                tagged["annotations"] = { { RefName, tag } };
                if (spec.format == Format::Docker25)
                    tagged["annotations"]["io.containerd.image.name"] = "docker.io/library/" + tag;
                manifestDescriptors.push_back(tagged);
            }
        }

        json repoTags = json::array();
        for (const std::string &tag : image.spec->tags)
            repoTags.push_back(tag);
        json layerPaths = json::array();
        for (size_t k = 0; k < image.layers.size(); ++k)
            layerPaths.push_back(blobPath(image.declaredDigests[k]).toStdString());
        dockerManifest.push_back({ { "Config", blobPath(image.configDigest).toStdString() }, { "RepoTags", repoTags },
            { "Layers", layerPaths } });
    }

    json index { { "schemaVersion", 2 }, { "mediaType", IndexType }, { "manifests", json::array() } };
    if (spec.multiPlatform) {
        const QByteArray nested = QByteArray::fromStdString(
            json { { "schemaVersion", 2 }, { "mediaType", IndexType }, { "manifests", manifestDescriptors } }.dump());
        const QString nestedDigest = addBlob(out, nested);
        context.result->indexDigest = nestedDigest;
        json d = descriptor(IndexType, nestedDigest, nested.size());
        if (!spec.indexTag.empty())
            d["annotations"] = { { RefName, spec.indexTag } };
        index["manifests"].push_back(d);
    } else {
        for (const json &d : manifestDescriptors)
            index["manifests"].push_back(d);
    }
    out.addFile(QStringLiteral("index.json"), jsonBytes(index.dump(), damage.invalidJson == Damage::Json::Index));
    if (spec.format == Format::Docker25)
        out.addFile(QStringLiteral("manifest.json"),
            jsonBytes(dockerManifest.dump(), damage.invalidJson == Damage::Json::Manifest));
}

} // namespace ballast::test::detail
