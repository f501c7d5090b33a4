#pragma once
#include <QStringList>

// `ballast-cli analyze IMAGE [--tag T] [--platform OS/ARCH] [--format text|json] [--no-verify]`.
// Returns the process exit code: 0 success, 2 usage or input error.
int runAnalyzeCommand(const QStringList &arguments);
