#pragma once
#include "dockerfile/parse/Dockerfile.h"

#include <QStringList>

// `ballast-cli lint FILE [--image IMAGE] [--format text|json] [--fail-level error|warning|info|style|none]
// [--build-arg K=V] [--target STAGE]`: hadolint's rules on the Dockerfile, and with --image Ballast's
// rules measured on the image it built. Exit code 0 when no finding reaches the fail level (default
// error), 1 when one does, 2 for usage or input errors.
int runLintCommand(const QStringList &arguments);

// Reads a Dockerfile (`-` for standard input) with its --build-arg and --target options applied.
// Returns false and sets `error` when the file cannot be read.
bool readDockerfile(
    const QString &path, const ballast::ParseOptions &options, ballast::Dockerfile &out, QString &error);
