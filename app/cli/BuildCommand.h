#pragma once
#include <QStringList>

// `ballast-cli build [--builder docker|podman|buildah] [--format F] [--no-verify] [BUILD ARGS…] -- CONTEXT`:
// builds the image with the builder named (or the first on PATH), then analyses it with its
// Dockerfile's lines mapped to layers. The builder's output goes to stderr, the report to stdout.
// Exit code 0 success, 2 usage error, missing builder, failed build or unreadable image.
int runBuildCommand(const QStringList &arguments);
