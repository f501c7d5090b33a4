#include "SourceFetcher.h"

#include "ExternalTool.h"
#include "util/LoadError.h"

#include <QDir>
#include <QTemporaryDir>

namespace ballast {
namespace {

// Whether the tool's message says one of `needles` as whole words: "401" is a status, but not in the
// port "127.0.0.1:40171" of a refused connection.
bool saysAny(const QString &text, std::initializer_list<const char *> needles)
{
    auto isWordChar = [&text](qsizetype at) { return at >= 0 && at < text.size() && text[at].isLetterOrNumber(); };
    for (const char *needle : needles) {
        const QLatin1String word(needle);
        for (qsizetype at = text.indexOf(word, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(word, at + 1, Qt::CaseInsensitive))
            if (!isWordChar(at - 1) && !isWordChar(at + word.size()))
                return true;
    }
    return false;
}

QString engineName(SourceReference::Kind kind)
{
    switch (kind) {
    case SourceReference::Kind::Docker:
        return QStringLiteral("docker");
    case SourceReference::Kind::Podman:
        return QStringLiteral("podman");
    default:
        return QStringLiteral("buildah");
    }
}

// What a failed `docker image save`, `podman image save` or `buildah push` means, in one sentence.
LoadError engineError(const SourceReference &source, const QString &tool, const ToolResult &result)
{
    const QString said = QStringLiteral("(%1 said: %2)").arg(tool, result.lastErrorLine());
    if (saysAny(result.standardError,
            { "image not known", "no such image", "reference does not exist", "unable to find", "does not exist",
                "not found" }))
        return LoadError(QStringLiteral("%1: no such image in %2's local storage %3").arg(source.text, tool, said));
    if (saysAny(result.standardError, { "cannot connect to the docker daemon", "is the docker daemon running" }))
        return LoadError(QStringLiteral("%1: the Docker engine is not running %2").arg(source.text, said));
    return LoadError(
        QStringLiteral("%1: %2 failed with exit code %3 %4").arg(source.text, tool).arg(result.exitCode).arg(said));
}

// What a failed `skopeo copy` means: the registry's refusal, in words that say what to do.
LoadError registryError(const SourceReference &source, const ToolResult &result)
{
    const QString host = source.location.section(QLatin1Char('/'), 0, 0);
    const QString &text = result.standardError;
    const QString said = QStringLiteral("(skopeo said: %1)").arg(result.lastErrorLine());
    QString meaning;
    if (saysAny(text, { "server gave http response to https client" }))
        meaning = QStringLiteral("%1 speaks plain HTTP: pass --insecure (Open from Registry: Allow insecure), "
                                 "or mark it insecure in registries.conf")
                      .arg(host);
    else if (saysAny(text, { "x509:", "certificate" }))
        meaning = QStringLiteral("%1's TLS certificate is not trusted: pass --insecure, or add its CA to "
                                 "/etc/containers/certs.d/%1/")
                      .arg(host);
    else if (saysAny(text, { "manifest unknown", "name unknown", "not found", "404" }))
        meaning = QStringLiteral("no such image or tag on %1").arg(host);
    else if (saysAny(text, { "unauthorized", "authentication required", "denied", "401", "403" }))
        meaning = QStringLiteral("%1 refused access: log in with `skopeo login %1`").arg(host);
    else if (saysAny(text, { "no image found in manifest list", "choosing image instance", "no match for platform" }))
        meaning = QStringLiteral("the image has no variant for the platform asked for");
    else if (saysAny(
                 text, { "connection refused", "no such host", "i/o timeout", "network is unreachable", "dial tcp" }))
        meaning = QStringLiteral("cannot reach %1").arg(host);
    else
        meaning = QStringLiteral("skopeo copy failed with exit code %1").arg(result.exitCode);
    return LoadError(QStringLiteral("%1: %2 %3").arg(source.text, meaning, said));
}

std::shared_ptr<QTemporaryDir> makeTemporaryDir(const SourceReference &source)
{
    auto dir = std::make_shared<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/ballast-fetch-XXXXXX"));
    if (!dir->isValid())
        throw LoadError(QStringLiteral("%1: cannot create a temporary directory in %2: %3")
                            .arg(source.text, QDir::tempPath(), dir->errorString()));
    return dir;
}

// `docker image save NAME` / `podman image save NAME`: the archive streams from the engine's stdout
// straight into a file of ours (the loader reads members in place, so it needs a seekable file).
FetchedSource saveFromEngine(const SourceReference &source, const SourceOptions &options,
    const std::atomic<bool> &cancelled, std::atomic<int64_t> &bytesDone)
{
    const QString tool = engineName(source.kind);
    ToolRun run;
    run.program = requireTool(tool);
    run.label = source.text;
    run.cancelled = &cancelled;
    run.stdoutBytes = &bytesDone;
    run.maxStdoutBytes = options.maxBytes;
    FetchedSource fetched;
    fetched.temporary = makeTemporaryDir(source);
    fetched.path = fetched.temporary->filePath(QStringLiteral("image.tar"));
    if (source.kind == SourceReference::Kind::Buildah) {
        run.progressDirectory = fetched.temporary->path();
        // buildah writes archives only to a path of its own choosing, not to stdout.
        run.arguments = { QStringLiteral("push"), QStringLiteral("--quiet"), source.location,
            QStringLiteral("docker-archive:") + fetched.path };
    } else {
        run.arguments = { QStringLiteral("image"), QStringLiteral("save") };
        if (source.kind == SourceReference::Kind::Podman)
            run.arguments << QStringLiteral("--format") << QStringLiteral("docker-archive");
        run.arguments << source.location;
        run.stdoutFile = fetched.path;
    }
    const ToolResult result = runTool(run);
    if (result.exitCode != 0)
        throw engineError(source, tool, result);
    return fetched;
}

// `skopeo copy docker://HOST/NAME:TAG oci:DIR:image`: registry auth, mirrors, certificates and
// insecure registries are skopeo's, configured as the user configured them.
FetchedSource pullFromRegistry(const SourceReference &source, const SourceOptions &options,
    const std::atomic<bool> &cancelled, std::atomic<int64_t> &bytesDone)
{
    ToolRun run;
    run.program = requireTool(QStringLiteral("skopeo"), QStringLiteral("open a tarball saved with `docker save`"));
    run.label = source.text;
    run.cancelled = &cancelled;
    FetchedSource fetched;
    fetched.temporary = makeTemporaryDir(source);
    fetched.path = fetched.temporary->filePath(QStringLiteral("layout"));
    run.stdoutBytes = &bytesDone;
    run.progressDirectory = fetched.temporary->path();
    run.arguments = { QStringLiteral("copy"), QStringLiteral("--quiet") };
    if (options.insecure)
        run.arguments << QStringLiteral("--src-tls-verify=false");
    if (!options.platform.isEmpty()) {
        const QStringList parts = options.platform.split(QLatin1Char('/'));
        const char *const overrides[] = { "--override-os", "--override-arch", "--override-variant" };
        for (int i = 0; i < parts.size() && i < 3; ++i)
            run.arguments << QLatin1String(overrides[i]) << parts[i];
    }
    run.arguments << QStringLiteral("docker://") + source.location
                  << QStringLiteral("oci:") + fetched.path + QStringLiteral(":image");
    const ToolResult result = runTool(run);
    if (result.exitCode != 0)
        throw registryError(source, result);
    return fetched;
}

} // namespace

FetchedSource fetchSource(const SourceReference &source, const SourceOptions &options,
    const std::atomic<bool> &cancelled, std::atomic<int64_t> &bytesDone)
{
    switch (source.kind) {
    case SourceReference::Kind::Path:
        return FetchedSource { source.location, {}, {} };
    case SourceReference::Kind::OciLayout:
        return FetchedSource { source.location, source.ref, {} };
    case SourceReference::Kind::Registry:
        return pullFromRegistry(source, options, cancelled, bytesDone);
    default:
        return saveFromEngine(source, options, cancelled, bytesDone);
    }
}

} // namespace ballast
