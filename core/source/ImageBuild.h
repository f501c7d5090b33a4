#pragma once
#include "dockerfile/parse/Dockerfile.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace ballast {

// `docker build`, `podman build` or `buildah bud --layers` on a context, the result tagged by its
// image ID so that the loader can open it as docker://ID, podman://ID or buildah://ID.
struct BuildRequest {
    QString builder; // "docker", "podman" or "buildah"; empty = the first on PATH that can build
    QStringList buildArgs; // passed to the builder as they are (-f, --build-arg, --target, -t …)
    QString contextDir;
};

struct BuildResult {
    QString builder;
    QString imageId;
    QString source; // what to load: podman://ID etc.
    QString dockerfilePath; // -f/--file from the arguments, else CONTEXT/Dockerfile or Containerfile
};

// The builders on PATH in the order they are preferred: docker, podman, buildah.
QStringList availableBuilders();

// Whether `docker version` reaches an engine (the CLI alone cannot build). Blocks until docker answers.
bool dockerEngineAnswers(const std::atomic<bool> &cancelled);

// The Dockerfile a build uses: -f/--file FILE (relative to the working directory), else
// Dockerfile or Containerfile in the context.
QString buildDockerfilePath(const QStringList &buildArgs, const QString &contextDir);

// The --build-arg K=V values and the --target stage of the build arguments, so that the Dockerfile
// is read as the builder read it.
ParseOptions buildParseOptions(const QStringList &buildArgs);

// Runs the build; every line the builder prints goes to `onOutput`. Throws LoadError ("podman not
// found: …", "podman build failed (exit 1): …") or LoadCancelled.
BuildResult runImageBuild(const BuildRequest &request, const std::function<void(const QByteArray &)> &onOutput,
    const std::atomic<bool> &cancelled);

} // namespace ballast
