// docker save (legacy), buildah/podman docker-archive and kaniko tarballs: layers and config as
// top-level members, described by manifest.json (written last, as docker does).
#include "Compressors.h"
#include "WriterInternal.h"

#include <nlohmann/json.hpp>

namespace ballast::test::detail {
namespace {

struct DockerImageEntry {
    QString config;
    QStringList layers;
    QString topId;
};

} // namespace

void writeDockerArchive(WriteContext &context)
{
    const ArchiveSpec &spec = context.spec;
    const Damage &damage = spec.damage;
    ArchiveOutput &out = context.out;
    std::vector<DockerImageEntry> entries;

    for (size_t img = 0; img < context.images.size(); ++img) {
        PreparedImage &image = context.images[img];
        const bool first = img == 0;
        DockerImageEntry entry;
        const size_t count = image.layers.size();

        // Legacy layer ids chain the diff_ids, so that shared base layers get shared ids.
        std::vector<QString> ids(count);
        QString parent;
        for (size_t k = 0; k < count; ++k) {
            ids[k] = sha256Hex((parent + image.layers[k].diffId).toUtf8());
            parent = ids[k];
        }
        for (size_t k = 0; k < count; ++k) {
            const QString blobHex = hexOf(image.layers[k].digest);
            QString path;
            switch (spec.format) {
            case Format::Kaniko:
                path = blobHex + QStringLiteral(".tar.gz");
                break;
            default:
                path = ids[k] + QStringLiteral("/layer.tar");
                break;
            }
            entry.layers << path;
            image.result->layers[k].archivePath = path;
        }
        entry.topId = count ? ids.back() : QString();

        for (size_t k : blobOrder(context, count)) {
            const BuiltLayer &layer = image.layers[k];
            const bool missing = first && int(k) == damage.missingBlobLayer;
            if (spec.format == Format::Kaniko) {
                if (!missing)
                    out.addFile(entry.layers[int(k)], layer.blob);
                continue;
            }
            const QString id = ids[k];
            out.addDirectory(id + QLatin1Char('/'));
            out.addFile(id + QStringLiteral("/VERSION"), "1.0");
            nlohmann::json json { { "id", id.toStdString() }, { "created", "2024-01-02T03:04:05Z" } };
            if (k > 0)
                json["parent"] = ids[k - 1].toStdString();
            out.addFile(id + QStringLiteral("/json"), QByteArray::fromStdString(json.dump()));
            if (spec.format == Format::DockerLegacy) {
                if (!missing)
                    out.addFile(entry.layers[int(k)], layer.blob);
                continue;
            }
            // buildah: <id>/layer.tar -> ../<sha>.tar, the blob itself at the top level.
            const QString blobName = hexOf(layer.digest) + QStringLiteral(".tar");
            if (first && k == 0 && damage.layerLinkLoop) {
                out.addSymlink(id + QStringLiteral("/layer.tar"), QStringLiteral("../loop-a.tar"));
                out.addSymlink(QStringLiteral("loop-a.tar"), QStringLiteral("loop-b.tar"));
                out.addSymlink(QStringLiteral("loop-b.tar"), QStringLiteral("./loop-a.tar"));
            } else if (first && k == 0 && damage.layerLinkOutside) {
                out.addSymlink(id + QStringLiteral("/layer.tar"), QStringLiteral("../../outside.tar"));
            } else {
                out.addSymlink(id + QStringLiteral("/layer.tar"), QStringLiteral("../") + blobName);
            }
            if (!missing)
                out.addFile(blobName, layer.blob);
        }

        const QString configHex = hexOf(image.configDigest);
        entry.config = spec.format == Format::Kaniko ? QStringLiteral("sha256:") + configHex
                                                     : configHex + QStringLiteral(".json");
        out.addFile(entry.config, image.config);
        image.result->configPath = entry.config;
        entries.push_back(entry);
    }

    if (spec.format != Format::Kaniko) {
        nlohmann::json repositories = nlohmann::json::object();
        for (size_t img = 0; img < context.images.size(); ++img)
            for (const std::string &tag : context.images[img].spec->tags) {
                const auto colon = tag.rfind(':');
                repositories[tag.substr(0, colon)][tag.substr(colon + 1)] = entries[img].topId.toStdString();
            }
        out.addFile(QStringLiteral("repositories"), QByteArray::fromStdString(repositories.dump()));
    }

    nlohmann::json manifest = nlohmann::json::array();
    for (size_t img = 0; img < context.images.size(); ++img) {
        nlohmann::json layers = nlohmann::json::array();
        for (const QString &path : entries[img].layers)
            layers.push_back(path.toStdString());
        nlohmann::json tags = nlohmann::json::array();
        for (const std::string &tag : context.images[img].spec->tags)
            tags.push_back(tag);
        manifest.push_back(
            { { "Config", entries[img].config.toStdString() }, { "RepoTags", tags }, { "Layers", layers } });
    }
    out.addFile(
        QStringLiteral("manifest.json"), jsonBytes(manifest.dump(), damage.invalidJson == Damage::Json::Manifest));
}

} // namespace ballast::test::detail
