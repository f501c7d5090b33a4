#pragma once
#include <QStringList>

// `ballast-cli diff A B [--tag T] [--tag-b T] [--platform P] [--platform-b P] [--format text|json|markdown]`.
int runDiffCommand(const QStringList &arguments);
