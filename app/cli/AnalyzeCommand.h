#pragma once
#include "dockerfile/parse/Dockerfile.h"
#include "image/Image.h"

#include <QStringList>

// `ballast-cli analyze IMAGE [--tag T] [--platform OS/ARCH] [--format text|json] [--no-verify]`.
// Returns the process exit code: 0 success, 2 usage or input error.
int runAnalyzeCommand(const QStringList &arguments);

// text, json, dive-json, markdown
extern const QStringList ReportFormats;

// Prints the analysis of `image` in one of ReportFormats; with a Dockerfile, its lines mapped to layers.
void printImageReport(const ballast::Image &image, const QString &outputFormat, const ballast::Dockerfile *dockerfile,
    const QString &dockerfilePath);
