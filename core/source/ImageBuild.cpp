#include "ImageBuild.h"

#include "ExternalTool.h"
#include "SourceReference.h"
#include "util/LoadError.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <optional>

namespace ballast {

QStringList availableBuilders()
{
    QStringList builders;
    for (const char *builder : { "docker", "podman", "buildah" })
        if (toolAvailable(QLatin1String(builder)))
            builders << QLatin1String(builder);
    return builders;
}

bool dockerEngineAnswers(const std::atomic<bool> &cancelled)
{
    ToolRun run;
    run.program = QStringLiteral("docker");
    run.label = QStringLiteral("docker version");
    run.cancelled = &cancelled;
    run.arguments = { QStringLiteral("version"), QStringLiteral("--format"), QStringLiteral("{{.Server.Version}}") };
    try {
        return runTool(run).exitCode == 0;
    } catch (const LoadError &) {
        return false;
    }
}

QString buildDockerfilePath(const QStringList &buildArgs, const QString &contextDir)
{
    for (int i = 0; i < buildArgs.size(); ++i) {
        const QString &arg = buildArgs[i];
        if ((arg == QLatin1String("-f") || arg == QLatin1String("--file")) && i + 1 < buildArgs.size())
            return QFileInfo(buildArgs[i + 1]).absoluteFilePath();
        if (arg.startsWith(QLatin1String("--file=")))
            return QFileInfo(arg.mid(7)).absoluteFilePath();
    }
    const QDir context(contextDir);
    if (!context.exists(QStringLiteral("Dockerfile")) && context.exists(QStringLiteral("Containerfile")))
        return QFileInfo(context.filePath(QStringLiteral("Containerfile"))).absoluteFilePath();
    return QFileInfo(context.filePath(QStringLiteral("Dockerfile"))).absoluteFilePath();
}

ParseOptions buildParseOptions(const QStringList &buildArgs)
{
    ParseOptions options;
    // "--build-arg K=V", "--build-arg=K=V", "--target S", "--target=S"
    auto valueOf = [&](int &i, const QString &name) -> std::optional<QString> {
        const QString &arg = buildArgs[i];
        if (arg == name && i + 1 < buildArgs.size())
            return buildArgs[++i];
        if (arg.startsWith(name + QLatin1Char('=')))
            return arg.mid(name.size() + 1);
        return std::nullopt;
    };
    for (int i = 0; i < buildArgs.size(); ++i) {
        if (const auto value = valueOf(i, QStringLiteral("--build-arg"))) {
            const qsizetype equals = value->indexOf(QLatin1Char('='));
            if (equals > 0) // "--build-arg K" takes K from the environment
                options.buildArgs.insert(value->left(equals), value->mid(equals + 1));
            else if (qEnvironmentVariableIsSet(value->toLocal8Bit().constData()))
                options.buildArgs.insert(*value, qEnvironmentVariable(value->toLocal8Bit().constData()));
        } else if (const auto target = valueOf(i, QStringLiteral("--target"))) {
            options.target = *target;
        }
    }
    return options;
}

BuildResult runImageBuild(const BuildRequest &request, const std::function<void(const QByteArray &)> &onOutput,
    const std::atomic<bool> &cancelled)
{
    QString builder = request.builder;
    if (builder.isEmpty()) {
        QStringList builders = availableBuilders();
        // The docker CLI is often installed without a reachable engine; then the next builder is the one.
        if (builders.size() > 1 && builders.first() == QLatin1String("docker") && !dockerEngineAnswers(cancelled))
            builders.removeFirst();
        if (builders.isEmpty())
            throw LoadError(QStringLiteral("no image builder found: install docker, podman or buildah"));
        builder = builders.first();
    }
    if (builder != QLatin1String("docker") && builder != QLatin1String("podman") && builder != QLatin1String("buildah"))
        throw LoadError(QStringLiteral("unknown builder \"%1\": use docker, podman or buildah").arg(builder));
    if (!QFileInfo(request.contextDir).isDir())
        throw LoadError(QStringLiteral("%1: the build context is not a directory").arg(request.contextDir));

    BuildResult result;
    result.builder = builder;
    result.dockerfilePath = buildDockerfilePath(request.buildArgs, request.contextDir);
    QTemporaryDir scratch(QDir::tempPath() + QStringLiteral("/ballast-build-XXXXXX"));
    if (!scratch.isValid())
        throw LoadError(QStringLiteral("cannot create a temporary directory in %1: %2")
                            .arg(QDir::tempPath(), scratch.errorString()));
    const QString idFile = scratch.filePath(QStringLiteral("image-id"));

    // --iidfile names the image without tagging it, on all three builders; --layers keeps buildah's
    // one layer per instruction, which the Dockerfile mapping needs (docker and podman do it anyway).
    ToolRun run;
    run.program = requireTool(builder, QStringLiteral("choose another with --builder"));
    run.label = builder + QStringLiteral(" build");
    run.cancelled = &cancelled;
    run.onOutput = onOutput ? onOutput : [](const QByteArray &) {};
    run.arguments = { builder == QLatin1String("buildah") ? QStringLiteral("bud") : QStringLiteral("build") };
    if (builder == QLatin1String("buildah"))
        run.arguments << QStringLiteral("--layers");
    run.arguments << QStringLiteral("--iidfile") << idFile << request.buildArgs << request.contextDir;
    const ToolResult built = runTool(run);
    if (built.exitCode != 0)
        throw LoadError(QStringLiteral("%1 build failed with exit code %2 (%1 said: %3)")
                            .arg(builder)
                            .arg(built.exitCode)
                            .arg(built.lastErrorLine()));
    QFile ids(idFile);
    if (!ids.open(QIODevice::ReadOnly))
        throw LoadError(
            QStringLiteral("%1 build: the build succeeded but wrote no image ID to %2").arg(builder, idFile));
    result.imageId = QString::fromUtf8(ids.readAll()).trimmed().remove(QStringLiteral("sha256:"));
    if (result.imageId.isEmpty())
        throw LoadError(QStringLiteral("%1 build: the build succeeded but its image ID file is empty").arg(builder));
    result.source = engineSourceUri(builder, result.imageId);
    return result;
}

} // namespace ballast
