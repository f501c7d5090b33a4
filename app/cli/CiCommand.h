#pragma once
#include <QStringList>

// `ballast-cli ci IMAGE [--config FILE]`: dive's CI rules plus Ballast's. Exit code 0 when every rule
// passes, 1 when one fails, 2 for usage or input errors.
int runCiCommand(const QStringList &arguments);
