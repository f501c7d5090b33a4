#include "ImageAnalysis.h"
#include "analysis/TreeQueries.h"

#include <QRegularExpression>

namespace ballast {
namespace {

constexpr size_t MaxPaths = 20;

Finding securityFinding(const char *category, Severity severity, QString title, QString advice)
{
    return Finding { QString::fromLatin1(category), severity, std::move(title), std::move(advice), {}, 0, -1, true };
}

bool isPrivateKeyName(std::string_view name)
{
    return name == "id_rsa" || name == "id_dsa" || name == "id_ecdsa" || name == "id_ed25519" || name.ends_with(".key")
        || name.ends_with(".p12") || name.ends_with(".pfx") || name.ends_with(".pem");
}

// Names worth building the path for (the check below needs the path for some of them).
bool mayBeSecretName(std::string_view name)
{
    return name == ".env" || name.starts_with(".env.") || name == ".netrc" || name == ".git-credentials"
        || name == ".npmrc" || name == ".pypirc" || name == "credentials" || name == "config.json" || name == "config"
        || name == "credentials.db";
}

bool isSecretName(std::string_view path, std::string_view name)
{
    return name == ".env" || name.starts_with(".env.") || name == ".netrc" || name == ".git-credentials"
        || name == ".npmrc" || name == ".pypirc" || path.ends_with(".aws/credentials")
        || path.ends_with(".docker/config.json") || path.ends_with(".config/gcloud/credentials.db")
        || path.ends_with(".kube/config");
}

bool isSystemCertificateStore(std::string_view path)
{
    return path.starts_with("etc/ssl/certs/") || path.starts_with("usr/share/ca-certificates/")
        || path.starts_with("etc/pki/") || path.starts_with("usr/lib/ssl/") || path.starts_with("usr/share/doc/")
        || path.starts_with("usr/lib/python") || path.starts_with("usr/local/lib/python");
}

// Entrypoint and command: do they run a shell (or a script that needs one)?
bool entrypointNeedsShell(const ImageConfig &config)
{
    const QStringList command = config.entrypoint + config.cmd;
    static const QRegularExpression shell(QStringLiteral("(^|/)(sh|bash|ash|dash|zsh)$"));
    for (const QString &word : command)
        if (shell.match(word).hasMatch() || word.endsWith(QLatin1String(".sh")))
            return true;
    return command.isEmpty();
}

bool entrypointNeedsPackageManager(const ImageConfig &config)
{
    static const QRegularExpression manager(
        QStringLiteral("(^|/)(apt|apt-get|dpkg|apk|dnf|yum|microdnf|rpm|pip3?|npm)$"));
    for (const QString &word : config.entrypoint + config.cmd)
        if (manager.match(word).hasMatch())
            return true;
    return false;
}

} // namespace

std::vector<Finding> findSecurityIssues(const Image &image)
{
    std::vector<Finding> out;
    if (image.layers.empty())
        return out;
    FinalFilesystem fs(image);
    const MergedTree &tree = image.tree;
    Finding setuid = securityFinding("setuid", Severity::Warning, QStringLiteral("setuid or setgid files"),
        QStringLiteral("Remove the bit where it is not needed (`chmod u-s,g-s`): each is a way to root."));
    Finding worldWritable = securityFinding("world-writable", Severity::Warning,
        QStringLiteral("world-writable directories without the sticky bit"),
        QStringLiteral("Any user can delete or replace files there: `chmod o-w` or add the sticky bit (`chmod +t`)."));
    Finding keys = securityFinding("private-key", Severity::Error, QStringLiteral("private keys in the image"),
        QStringLiteral("Never bake keys into an image: pass them at run time (secrets, volumes) or use `RUN "
                       "--mount=type=secret`."));
    Finding certificates
        = securityFinding("certificate", Severity::Info, QStringLiteral("certificates outside the system store"),
            QStringLiteral("Check that they are public certificates meant to ship."));
    Finding secrets = securityFinding("secret-file", Severity::Error, QStringLiteral("files that look like secrets"),
        QStringLiteral("Remove them and rotate what they held; add them to .dockerignore and use build secrets."));
    Finding shells = securityFinding("shell", Severity::Info,
        QStringLiteral("shells in an image whose entrypoint does not use one"),
        QStringLiteral("A distroless or scratch final stage leaves an attacker no shell."));
    Finding managers = securityFinding("package-manager", Severity::Info,
        QStringLiteral("package managers in an image whose entrypoint does not use them"),
        QStringLiteral("A final stage without a package manager cannot be used to install tools."));
    const bool needsShell = entrypointNeedsShell(image.config);
    const bool needsManager = entrypointNeedsPackageManager(image.config);
    static const std::vector<std::string_view> shellPaths
        = { "bin/sh", "bin/bash", "bin/ash", "bin/dash", "bin/zsh", "usr/bin/bash", "usr/bin/dash", "usr/bin/zsh" };
    static const std::vector<std::string_view> managerPaths = { "usr/bin/apt", "usr/bin/apt-get", "usr/bin/dpkg",
        "sbin/apk", "usr/bin/dnf", "usr/bin/yum", "usr/bin/microdnf", "usr/bin/rpm", "usr/bin/pip", "usr/bin/pip3",
        "usr/local/bin/pip", "usr/bin/npm", "usr/local/bin/npm" };
    auto add = [](Finding &f, std::string path, int64_t bytes) {
        if (f.paths.size() < MaxPaths)
            f.paths.push_back(std::move(path));
        f.bytes += bytes;
    };
    for (MergedTree::NodeId node = 1; node < tree.nodeCount(); ++node) {
        if (!fs.exists(node))
            continue;
        const LayerEntry *entry = fs.entry(node);
        if (!entry)
            continue;
        const std::string_view name = tree.name(node);
        if (entry->type == EntryType::File && (entry->mode & 06000))
            add(setuid, tree.path(node), entry->size);
        else if (entry->type == EntryType::Directory && (entry->mode & 0002) && !(entry->mode & 01000))
            add(worldWritable, tree.path(node), 0);
        if (entry->type != EntryType::File && entry->type != EntryType::Symlink && entry->type != EntryType::Hardlink)
            continue;
        const bool keyName = isPrivateKeyName(name), secretName = mayBeSecretName(name);
        const bool certName = name.ends_with(".crt") || name.ends_with(".cer");
        if (!keyName && !secretName && !certName)
            continue;
        const std::string path = tree.path(node);
        if (keyName && !isSystemCertificateStore(path)) {
            // *.pem holds certificates as often as keys; the name alone cannot tell, so pem files under
            // a "private" directory or named like keys count as keys and the rest as certificates.
            if (name.ends_with(".pem") && path.find("private") == std::string::npos
                && name.find("key") == std::string_view::npos)
                add(certificates, path, entry->size);
            else
                add(keys, path, entry->size);
        } else if (certName && !isSystemCertificateStore(path)) {
            add(certificates, path, entry->size);
        } else if (isSecretName(path, name)) {
            add(secrets, path, entry->size);
        }
    }
    // A key or secret deleted (or overwritten) by a later layer still ships in the layer that stored it.
    Finding buried = securityFinding("deleted-secret", Severity::Error,
        QStringLiteral("keys or secrets hidden by a later layer but still stored"),
        QStringLiteral("Deleting a file in a later layer leaves it readable in the earlier layer's blob: rotate it, "
                       "and pass secrets with `RUN --mount=type=secret` instead of copying them."));
    for (MergedTree::NodeId node = 1; node < tree.nodeCount(); ++node) {
        const std::string_view name = tree.name(node);
        if (!isPrivateKeyName(name) && !mayBeSecretName(name))
            continue;
        auto events = tree.events(node);
        for (size_t i = 0; i + 1 < events.size(); ++i) {
            if (events[i].kind != MergedTree::EventKind::Written)
                continue;
            const LayerEntry &entry = image.layers[events[i].layer].entries[events[i].entry];
            const std::string path = tree.path(node);
            const bool key = isPrivateKeyName(name) && !name.ends_with(".pem") && !isSystemCertificateStore(path);
            if (entry.type != EntryType::File || (!key && !isSecretName(path, name)))
                continue;
            if (buried.layer < 0)
                buried.layer = events[i].layer;
            add(buried, path, entry.size);
        }
    }
    for (auto p : shellPaths)
        if (!needsShell)
            if (auto node = tree.find(p); node != MergedTree::NoNode && fs.exists(node))
                add(shells, std::string(p), 0);
    for (auto p : managerPaths)
        if (!needsManager)
            if (auto node = tree.find(p); node != MergedTree::NoNode && fs.exists(node))
                add(managers, std::string(p), 0);
    for (Finding *f : { &keys, &secrets, &buried, &setuid, &worldWritable, &certificates, &shells, &managers })
        if (!f->paths.empty())
            out.push_back(std::move(*f));
    const QString user = image.config.user.section(QLatin1Char(':'), 0, 0);
    if (user.isEmpty() || user == QLatin1String("root") || user == QLatin1String("0")) {
        Finding root = securityFinding("root-user", Severity::Warning, QStringLiteral("the container runs as root"),
            QStringLiteral("Add a `USER` with a non-zero uid at the end of the Dockerfile."));
        out.push_back(std::move(root));
    }
    return out;
}

} // namespace ballast
