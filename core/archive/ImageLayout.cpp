#include "ImageLayout.h"

#include "util/JsonReading.h"
#include "util/LoadError.h"
#include "util/Sha256.h"

#include <QRegularExpression>
#include <QSysInfo>

namespace ballast {
namespace {

constexpr int MaxIndexDepth = 4;
const char *const RefNameAnnotation = "org.opencontainers.image.ref.name";

struct Candidate {
    ImageLayout layout;
    QString identity; // manifest digest or config path: candidates with the same identity are one image
};

// A JSON member read whole, within the size and nesting limits.
nlohmann::json readJson(const ImageFiles &files, const QString &member, const QString &source, const LoadLimits &limits)
{
    return parseJson(files.read(member, limits.maxJsonBytes), source, limits.maxJsonDepth);
}

// An OCI index or manifest blob, checked against the digest that names it: the manifest is what
// vouches for the config and layer digests, so a tampered one must not be believed.
nlohmann::json readBlobJson(const ImageFiles &files, const QString &member, const QString &digest,
    const QString &source, const LoadLimits &limits, bool verifyDigest)
{
    const QByteArray bytes = files.read(member, limits.maxJsonBytes);
    if (verifyDigest && digest.startsWith(QLatin1String("sha256:"))) {
        Sha256 hash;
        hash.update(bytes.constData(), size_t(bytes.size()));
        if (const QString actual = hash.finishDigest(); actual != digest)
            throw LoadError(QStringLiteral("%1: sha256 is %2 but its name says %3").arg(source, actual, digest));
    }
    return parseJson(bytes, source, limits.maxJsonDepth);
}

QString blobPath(const QString &digest, const QString &source)
{
    static const QRegularExpression valid(QStringLiteral("^([a-z0-9]+(?:[+._-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$"));
    auto match = valid.match(digest);
    if (!match.hasMatch())
        throw LoadError(QStringLiteral("%1: invalid digest \"%2\"").arg(source, digest));
    return QStringLiteral("blobs/%1/%2").arg(match.captured(1), match.captured(2));
}

// Docker 25+ names blobs `blobs/sha256/<hex>`: the path is the digest.
QString digestFromPath(const QString &path)
{
    static const QRegularExpression blob(QStringLiteral("^blobs/sha256/([0-9a-f]{64})$"));
    auto match = blob.match(path);
    return match.hasMatch() ? QStringLiteral("sha256:") + match.captured(1) : QString();
}

QString platformName(const nlohmann::json &platform)
{
    QString os = jsonString(platform, "os"), arch = jsonString(platform, "architecture");
    if (os.isEmpty() && arch.isEmpty())
        return {};
    QString name = os + QLatin1Char('/') + arch;
    QString variant = jsonString(platform, "variant");
    return variant.isEmpty() ? name : name + QLatin1Char('/') + variant;
}

std::vector<Candidate> dockerCandidates(const ImageFiles &files, bool hasOciLayout, const LoadLimits &limits)
{
    const QString source = files.sourcePath() + QStringLiteral(": manifest.json");
    const auto manifest = readJson(files, QStringLiteral("manifest.json"), source, limits);
    if (!manifest.is_array())
        throw LoadError(source + QStringLiteral(": expected a JSON array of images"));
    std::vector<Candidate> out;
    for (const auto &item : manifest) {
        Candidate candidate;
        ImageLayout &layout = candidate.layout;
        layout.format = hasOciLayout ? QStringLiteral("docker-archive+oci") : QStringLiteral("docker-archive");
        layout.tags = jsonStringList(item, "RepoTags");
        layout.configPath = jsonString(item, "Config");
        if (layout.configPath.isEmpty())
            throw LoadError(source + QStringLiteral(": an image entry has no \"Config\""));
        layout.configDigest = digestFromPath(layout.configPath);
        // Docker writes LayerSources (keyed by diff_id) for foreign layers; digests otherwise come from paths.
        for (const QString &path : jsonStringList(item, "Layers")) {
            LayerDescriptor layer;
            layer.archivePath = path;
            layer.digest = digestFromPath(path);
            layout.layers.push_back(layer);
        }
        candidate.identity = layout.configPath;
        out.push_back(std::move(candidate));
    }
    return out;
}

void collectOci(const ImageFiles &files, const nlohmann::json &index, const QString &source, const QStringList &tags,
    int depth, const LoadLimits &limits, bool verifyDigests, std::vector<Candidate> *out)
{
    if (depth > MaxIndexDepth)
        throw LoadError(source + QStringLiteral(": image indexes nested more than %1 deep").arg(MaxIndexDepth));
    auto manifests = index.is_object() ? index.find("manifests") : index.end();
    if (!index.is_object() || manifests == index.end() || !manifests->is_array())
        throw LoadError(source + QStringLiteral(": expected an object with a \"manifests\" array"));
    for (const auto &descriptor : *manifests) {
        const QString mediaType = jsonString(descriptor, "mediaType");
        const QString digest = jsonString(descriptor, "digest");
        QStringList ownTags = tags;
        nlohmann::json annotations = descriptor.is_object() ? descriptor.value("annotations", nlohmann::json::object())
                                                            : nlohmann::json::object();
        if (QString ref = jsonString(annotations, RefNameAnnotation); !ref.isEmpty())
            ownTags << ref;
        // BuildKit attestations sit in the index beside the images, as platform unknown/unknown.
        if (jsonString(annotations, "vnd.docker.reference.type") == QLatin1String("attestation-manifest"))
            continue;
        const QString path = blobPath(digest, source);
        const QString blobSource = files.sourcePath() + QStringLiteral(": ") + path;
        if (mediaType.endsWith(QLatin1String("image.index.v1+json"))
            || mediaType.endsWith(QLatin1String("manifest.list.v2+json"))) {
            collectOci(files, readBlobJson(files, path, digest, blobSource, limits, verifyDigests), blobSource, ownTags,
                depth + 1, limits, verifyDigests, out);
            continue;
        }
        const auto manifest = readBlobJson(files, path, digest, blobSource, limits, verifyDigests);
        if (!manifest.is_object() || !manifest.contains("config") || !manifest.contains("layers")
            || !manifest["layers"].is_array())
            throw LoadError(blobSource + QStringLiteral(": not an image manifest (no \"config\" and \"layers\")"));
        Candidate candidate;
        ImageLayout &layout = candidate.layout;
        layout.format = files.isDirectory() ? QStringLiteral("oci-layout") : QStringLiteral("oci-archive");
        layout.tags = ownTags;
        layout.platform = platformName(descriptor.value("platform", nlohmann::json::object()));
        layout.configDigest = jsonString(manifest["config"], "digest");
        layout.configPath = blobPath(layout.configDigest, blobSource);
        for (const auto &item : manifest["layers"]) {
            LayerDescriptor layer;
            layer.digest = jsonString(item, "digest");
            layer.archivePath = blobPath(layer.digest, blobSource);
            layer.mediaType = jsonString(item, "mediaType");
            if (item.is_object() && item.contains("size") && item["size"].is_number_integer())
                layer.declaredSize = item["size"].get<int64_t>();
            layout.layers.push_back(layer);
        }
        if (layout.platform == QLatin1String("unknown/unknown"))
            continue;
        candidate.identity = digest;
        out->push_back(std::move(candidate));
    }
}

// Docker archives do not declare platforms outside the config; read them so --platform works there too.
void fillPlatformsFromConfigs(const ImageFiles &files, const LoadLimits &limits, std::vector<Candidate> *candidates)
{
    for (auto &candidate : *candidates) {
        if (!candidate.layout.platform.isEmpty())
            continue;
        auto range = files.find(candidate.layout.configPath);
        if (!range)
            continue;
        auto config = parseJson(files.read(*range, candidate.layout.configPath, limits.maxJsonBytes),
            files.sourcePath() + QStringLiteral(": ") + candidate.layout.configPath, limits.maxJsonDepth);
        candidate.layout.platform = platformName(config);
    }
}

bool tagMatches(const QStringList &tags, const QString &wanted)
{
    for (const QString &tag : tags)
        if (tag == wanted || tag.endsWith(QLatin1Char(':') + wanted) || tag.section(QLatin1Char(':'), 0, -2) == wanted
            || tag.endsWith(QLatin1Char('/') + wanted))
            return true;
    return false;
}

bool platformMatches(const QString &platform, const QString &wanted)
{
    return platform == wanted || platform.startsWith(wanted + QLatin1Char('/'));
}

QList<ImageChoice> choicesOf(const std::vector<Candidate> &candidates)
{
    QList<ImageChoice> out;
    for (const auto &candidate : candidates)
        out << ImageChoice { candidate.layout.tags, candidate.layout.platform };
    return out;
}

QStringList describeAll(const std::vector<Candidate> &candidates)
{
    return choiceTexts(choicesOf(candidates));
}

} // namespace

QString hostPlatform()
{
    QString arch = QSysInfo::currentCpuArchitecture();
    if (arch == QLatin1String("x86_64"))
        arch = QStringLiteral("amd64");
    else if (arch == QLatin1String("i386"))
        arch = QStringLiteral("386");
    return QStringLiteral("linux/") + arch;
}

ImageLayout readImageLayout(
    const ImageFiles &files, const ImageSelection &selection, const LoadLimits &limits, bool verifyDigests)
{
    const QString &source = files.sourcePath();
    const bool hasManifest = files.exists(QStringLiteral("manifest.json"));
    const bool hasIndex = files.exists(QStringLiteral("index.json"));
    std::vector<Candidate> candidates;
    if (hasManifest) {
        candidates = dockerCandidates(files, hasIndex, limits);
    } else if (hasIndex) {
        const QString indexSource = source + QStringLiteral(": index.json");
        collectOci(files, readJson(files, QStringLiteral("index.json"), indexSource, limits), indexSource, {}, 0,
            limits, verifyDigests, &candidates);
    } else {
        throw LoadError(
            QStringLiteral("%1: not an image: found neither manifest.json (docker save) nor index.json "
                           "(OCI layout); top-level entries: %2%3")
                .arg(source, files.topLevelNames().mid(0, 12).join(QStringLiteral(", ")), files.damageNote()));
    }
    if (candidates.empty())
        throw LoadError(QStringLiteral("%1: the archive lists no image").arg(source));

    QStringList notes;
    if (!selection.tag.isEmpty()) {
        const auto all = candidates;
        std::erase_if(candidates, [&](const Candidate &c) { return !tagMatches(c.layout.tags, selection.tag); });
        if (candidates.empty())
            throw LoadError(QStringLiteral("%1: no image tagged \"%2\"; available: %3")
                                .arg(source, selection.tag, describeAll(all).join(QStringLiteral("; "))),
                choicesOf(all));
    }
    // The same image listed under several tags is one choice.
    std::vector<Candidate> unique;
    for (auto &candidate : candidates) {
        auto same = std::find_if(
            unique.begin(), unique.end(), [&](const Candidate &u) { return u.identity == candidate.identity; });
        if (same == unique.end())
            unique.push_back(candidate);
        else
            for (const QString &tag : candidate.layout.tags)
                if (!same->layout.tags.contains(tag))
                    same->layout.tags << tag;
    }
    candidates = std::move(unique);

    if (candidates.size() > 1 || !selection.platform.isEmpty())
        fillPlatformsFromConfigs(files, limits, &candidates);
    if (!selection.platform.isEmpty()) {
        const auto all = candidates;
        std::erase_if(
            candidates, [&](const Candidate &c) { return !platformMatches(c.layout.platform, selection.platform); });
        if (candidates.empty())
            throw LoadError(QStringLiteral("%1: no image for platform %2; available: %3")
                                .arg(source, selection.platform, describeAll(all).join(QStringLiteral("; "))),
                choicesOf(all));
    } else if (candidates.size() > 1) {
        for (const QString &fallback : { hostPlatform(), QStringLiteral("linux/amd64") }) {
            std::vector<Candidate> matching;
            for (const auto &c : candidates)
                if (platformMatches(c.layout.platform, fallback))
                    matching.push_back(c);
            if (!matching.empty() && matching.size() < candidates.size()) {
                notes << QStringLiteral("%1 platforms available (%2); showing %3")
                             .arg(candidates.size())
                             .arg(describeAll(candidates).join(QStringLiteral(", ")), fallback);
                candidates = std::move(matching);
                break;
            }
        }
    }
    if (candidates.size() > 1)
        throw LoadError(QStringLiteral("%1: holds %2 images; choose one with a tag or platform: %3")
                            .arg(source)
                            .arg(candidates.size())
                            .arg(describeAll(candidates).join(QStringLiteral("; "))),
            choicesOf(candidates));
    ImageLayout layout = std::move(candidates.front().layout);
    layout.notes = notes;
    return layout;
}

} // namespace ballast
