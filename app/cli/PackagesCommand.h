#pragma once
#include <QStringList>

// `ballast-cli packages IMAGE [--format text|json|csv] [--layer N] [--sort size|name]`: the installed
// packages and the bytes each holds, and the bytes of no package. Returns the exit code: 0 success,
// 2 usage or input error.
int runPackagesCommand(const QStringList &arguments);
