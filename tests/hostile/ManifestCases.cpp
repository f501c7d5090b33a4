// The JSON documents and links that say where things are: invalid, of the wrong type, pointing
// outside the archive or at themselves.
#include "CaseSupport.h"

namespace hostile {
namespace {

const auto G = LayerCompression::Gzip;

ArchiveSpec docker()
{
    return singleImage(Format::DockerLegacy, baseImage(G));
}

ArchiveSpec oci()
{
    return singleImage(Format::OciArchive, baseImage(G));
}

ArchiveEdit replaceMember(QString member, QByteArray bytes)
{
    return [member, bytes](QByteArray &tar, const WrittenArchive &) {
        editMember(tar, member, [&](TarMemberCopy &m) { m.data = bytes; });
        return Replacements {};
    };
}

// An edit of the docker manifest.json's single entry.
ArchiveEdit editDockerManifest(std::function<void(nlohmann::json &entry)> edit)
{
    return [edit](QByteArray &tar, const WrittenArchive &) {
        editMember(tar, QStringLiteral("manifest.json"), [&](TarMemberCopy &m) {
            nlohmann::json manifest = nlohmann::json::parse(m.data.toStdString());
            edit(manifest[0]);
            m.data = QByteArray::fromStdString(manifest.dump());
        });
        return Replacements {};
    };
}

ArchiveEdit editOciManifest(std::function<void(nlohmann::json &)> edit)
{
    return [edit](QByteArray &tar, const WrittenArchive &written) {
        return Replacements { { QStringLiteral("{newManifest}"), rewriteOciManifest(tar, written, edit) } };
    };
}

ArchiveEdit relinkLayer0(std::string target)
{
    return [target](QByteArray &tar, const WrittenArchive &written) {
        editMember(tar, written.images[0].layers[0].archivePath, [&](TarMemberCopy &m) { m.link = target; });
        return Replacements {};
    };
}

} // namespace

void addManifestCases(const QString &directory, std::vector<HostileCase> &cases)
{
    auto add = [&](const char *file, const ArchiveSpec &spec, const char *name, const char *what,
                   const QStringList &stderrHas, const ArchiveEdit &edit = {}) {
        cases.push_back(writeBroken(
            directory, QLatin1String(file), spec, QLatin1String(name), QLatin1String(what), stderrHas, edit));
    };
    auto withDamage = [](ArchiveSpec spec, Damage::Json json) {
        spec.damage.invalidJson = json;
        return spec;
    };
    // Invalid JSON (the writer cuts the document in half).
    add("json-docker-manifest-cut.tar", withDamage(docker(), Damage::Json::Manifest), "json/docker manifest.json cut",
        "manifest.json cut in the middle", { "{path}: manifest.json: invalid JSON at byte" });
    add("json-docker-config-cut.tar", withDamage(docker(), Damage::Json::Config), "json/docker config cut",
        "the config cut in the middle", { "{path}: {config}: invalid JSON at byte" });
    add("json-oci-index-cut.tar", withDamage(oci(), Damage::Json::Index), "json/oci index.json cut",
        "index.json cut in the middle", { "{path}: index.json: invalid JSON at byte" });
    add("json-oci-manifest-cut.tar", withDamage(oci(), Damage::Json::Manifest), "json/oci image manifest cut",
        "the image manifest cut in the middle (and named after its bytes)",
        { "{path}: blobs/sha256/{manifest}: invalid JSON at byte" });
    add("json-oci-config-cut.tar", withDamage(oci(), Damage::Json::Config), "json/oci config cut",
        "the config cut in the middle (and named after its bytes)", { "{path}: {config}: invalid JSON at byte" });

    // JSON of the wrong type.
    add("type-docker-manifest-number.tar", docker(), "type/docker manifest.json is a number", "manifest.json is 42",
        { "{path}: manifest.json: expected a JSON array of images" }, replaceMember("manifest.json", "42"));
    add("type-docker-manifest-object.tar", docker(), "type/docker manifest.json is an object",
        "manifest.json is the image entry itself, not an array of entries",
        { "{path}: manifest.json: expected a JSON array of images" }, [](QByteArray &tar, const WrittenArchive &) {
            editMember(tar, QStringLiteral("manifest.json"), [](TarMemberCopy &m) {
                m.data = QByteArray::fromStdString(nlohmann::json::parse(m.data.toStdString())[0].dump());
            });
            return Replacements {};
        });
    add("type-docker-manifest-entry-number.tar", docker(), "type/docker manifest entry is a number",
        "manifest.json is [42]", { "{path}: manifest.json: an image entry has no \"Config\"" },
        replaceMember("manifest.json", "[42]"));
    add("type-docker-layers-object.tar", docker(), "type/docker Layers is an object",
        "\"Layers\": {\"0\": <layer 0>, \"1\": <layer 1>}; the config lists 2 diff_ids",
        { "{path}: {config}: the config lists 2 diff_ids for 0 layers" }, editDockerManifest([](nlohmann::json &entry) {
            entry["Layers"] = nlohmann::json { { "0", entry["Layers"][0] }, { "1", entry["Layers"][1] } };
        }));
    add("type-docker-config-array.tar", docker(), "type/docker config is an array", "the config member holds []",
        { "{path}: {config}: the image config is not a JSON object" }, [](QByteArray &tar, const WrittenArchive &w) {
            editMember(tar, w.images[0].configPath, [](TarMemberCopy &m) { m.data = "[]"; });
            return Replacements {};
        });
    // Docker refuses such a config ("cannot unmarshal object into ... diff_ids"); skipping the diff_id
    // check instead would let any layer pass as the one the config describes.
    add("type-docker-diffids-object.tar", docker(), "type/docker rootfs.diff_ids is an object",
        "rootfs.diff_ids is {\"0\": …, \"1\": …} instead of an array", { "{path}: {config}", "diff_ids" },
        [](QByteArray &tar, const WrittenArchive &w) {
            editMember(tar, w.images[0].configPath, [](TarMemberCopy &m) {
                nlohmann::json config = nlohmann::json::parse(m.data.toStdString());
                const nlohmann::json ids = config["rootfs"]["diff_ids"];
                config["rootfs"]["diff_ids"] = { { "0", ids[0] }, { "1", ids[1] } };
                m.data = QByteArray::fromStdString(config.dump());
            });
            return Replacements {};
        });
    add("type-oci-index-number.tar", oci(), "type/oci index.json is a number", "index.json is 42",
        { "{path}: index.json: expected an object with a \"manifests\" array" }, replaceMember("index.json", "42"));
    add("type-oci-index-manifests-object.tar", oci(), "type/oci index manifests is an object",
        "index.json is {\"schemaVersion\":2,\"manifests\":{}}",
        { "{path}: index.json: expected an object with a \"manifests\" array" },
        replaceMember("index.json", R"({"schemaVersion":2,"manifests":{}})"));
    add("type-oci-layers-object.tar", oci(), "type/oci manifest layers is an object",
        "the image manifest's \"layers\" is an object (manifest renamed after its new bytes)",
        { "{path}: blobs/sha256/{newManifest}: not an image manifest (no \"config\" and \"layers\")" },
        editOciManifest([](nlohmann::json &m) { m["layers"] = nlohmann::json::object(); }));
    add("type-oci-config-string.tar", oci(), "type/oci manifest config is a string",
        "the image manifest's \"config\" is the string \"x\"",
        { "{path}: blobs/sha256/{newManifest}: invalid digest \"\"" },
        editOciManifest([](nlohmann::json &m) { m["config"] = "x"; }));

    // Names that try to leave the archive.
    add("escape-oci-layer-digest.tar", oci(), "escape/oci layer digest with ../",
        "layer 0's digest is \"sha256:../../etc/passwd\"",
        { "{path}: blobs/sha256/{newManifest}: invalid digest \"sha256:../../etc/passwd\"" },
        editOciManifest([](nlohmann::json &m) { m["layers"][0]["digest"] = "sha256:../../etc/passwd"; }));
    add("escape-docker-layer-path.tar", docker(), "escape/docker layer path ../../../etc/passwd",
        "manifest.json names layer 1 \"../../../etc/passwd\"",
        { "{path}: the blob of layer 1 is missing: ../../../etc/passwd" },
        editDockerManifest([](nlohmann::json &entry) { entry["Layers"][1] = "../../../etc/passwd"; }));
    add("escape-docker-config-path.tar", docker(), "escape/docker config path /etc/passwd",
        "manifest.json names the config \"/etc/passwd\"", { "{path}: /etc/passwd is missing" },
        editDockerManifest([](nlohmann::json &entry) { entry["Config"] = "/etc/passwd"; }));

    // buildah-style <id>/layer.tar symlinks.
    const ArchiveSpec buildah = singleImage(Format::BuildahDockerArchive, baseImage(G));
    ArchiveSpec loop = buildah;
    loop.damage.layerLinkLoop = true;
    add("link-buildah-loop.tar", loop, "link/buildah layer.tar loop",
        "<id>/layer.tar -> ../loop-a.tar -> loop-b.tar -> ./loop-a.tar",
        { "{path}: {layer0.path}: too many levels of links (a link loop?)" });
    ArchiveSpec outside = buildah;
    outside.damage.layerLinkOutside = true;
    add("link-buildah-outside.tar", outside, "link/buildah layer.tar to ../../outside.tar",
        "<id>/layer.tar -> ../../outside.tar",
        { "{path}: {layer0.path} is a link to ../../outside.tar, which is outside the archive" });
    add("link-buildah-dotdot-passwd.tar", buildah, "link/buildah layer.tar to ../../etc/passwd",
        "<id>/layer.tar -> ../../etc/passwd",
        { "{path}: {layer0.path} is a link to ../../etc/passwd, which is outside the archive" },
        relinkLayer0("../../etc/passwd"));
    add("link-buildah-abs-passwd.tar", buildah, "link/buildah layer.tar to /etc/passwd",
        "<id>/layer.tar -> /etc/passwd",
        { "{path}: {layer0.path} is a link to /etc/passwd, which is outside the archive" },
        relinkLayer0("/etc/passwd"));
    add("link-buildah-self.tar", buildah, "link/buildah layer.tar to itself", "<id>/layer.tar -> layer.tar",
        { "{path}: {layer0.path}: too many levels of links (a link loop?)" }, relinkLayer0("layer.tar"));

    // An image index that names itself: the digest cannot match, and the nesting never ends.
    add("index-self-loop.tar", oci(), "index/nested index naming itself",
        "index.json -> index blob X whose only descriptor is X again", { "{path}: blobs/sha256/{loop}" },
        [](QByteArray &tar, const WrittenArchive &) {
            const std::string hex(64, 'a');
            const std::string descriptor = R"({"mediaType":"application/vnd.oci.image.index.v1+json","digest":"sha256:)"
                + hex + R"(","size":200})";
            const QByteArray index
                = QByteArray::fromStdString(R"({"schemaVersion":2,"manifests":[)" + descriptor + "]}");
            auto members = readTarMembers(tar);
            for (TarMemberCopy &m : members)
                if (m.path == "index.json")
                    m.data = index;
            members.push_back({ "blobs/sha256/" + hex, '0', index, {}, 0 });
            tar = writeTarMembers(members);
            return Replacements { { QStringLiteral("{loop}"), QString::fromStdString(hex) } };
        });
}

} // namespace hostile
