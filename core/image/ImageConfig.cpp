#include "ImageConfig.h"

#include "util/JsonReading.h"
#include "util/LoadError.h"

#include <algorithm>

namespace ballast {

ImageConfig ImageConfig::parse(const QByteArray &bytes, const QString &source, int maxJsonDepth)
{
    const nlohmann::json root = parseJson(bytes, source, maxJsonDepth);
    if (!root.is_object())
        throw LoadError(QStringLiteral("%1: the image config is not a JSON object").arg(source));

    ImageConfig config;
    config.os = jsonString(root, "os");
    config.architecture = jsonString(root, "architecture");
    config.variant = jsonString(root, "variant");
    config.created = jsonString(root, "created");

    // "config" is the OCI name; very old Docker configs only had "container_config".
    auto inner = root.find("config");
    if (inner != root.end() && inner->is_object()) {
        config.env = jsonStringList(*inner, "Env");
        config.entrypoint = jsonStringList(*inner, "Entrypoint");
        config.cmd = jsonStringList(*inner, "Cmd");
        config.user = jsonString(*inner, "User");
        config.workingDir = jsonString(*inner, "WorkingDir");
        if (auto labels = inner->find("Labels"); labels != inner->end() && labels->is_object())
            for (auto it = labels->begin(); it != labels->end(); ++it)
                if (it.value().is_string())
                    config.labels.insert(
                        QString::fromStdString(it.key()), QString::fromStdString(it.value().get<std::string>()));
        if (auto ports = inner->find("ExposedPorts"); ports != inner->end() && ports->is_object())
            for (auto it = ports->begin(); it != ports->end(); ++it)
                config.exposedPorts << QString::fromStdString(it.key());
    }

    if (auto rootfs = root.find("rootfs"); rootfs != root.end() && rootfs->is_object()) {
        // Read strictly: an empty list would switch the diff_id checks off, so a malformed one must not
        // pass for empty (Docker refuses such a config too).
        if (auto ids = rootfs->find("diff_ids"); ids != rootfs->end()) {
            const bool strings = ids->is_array()
                && std::all_of(ids->begin(), ids->end(), [](const auto &id) { return id.is_string(); });
            if (!strings)
                throw LoadError(QStringLiteral("%1: rootfs.diff_ids is not an array of strings").arg(source));
            config.diffIds = jsonStringList(*rootfs, "diff_ids");
        }
    }

    if (auto history = root.find("history"); history != root.end() && history->is_array()) {
        for (const auto &item : *history) {
            HistoryEntry entry;
            entry.created = jsonString(item, "created");
            entry.createdBy = jsonString(item, "created_by");
            entry.author = jsonString(item, "author");
            entry.comment = jsonString(item, "comment");
            if (item.is_object())
                if (auto empty = item.find("empty_layer"); empty != item.end() && empty->is_boolean())
                    entry.emptyLayer = empty->get<bool>();
            config.history.push_back(std::move(entry));
        }
    }
    return config;
}

} // namespace ballast
