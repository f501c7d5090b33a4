#pragma once
// What a Dockerfile recovery file holds, read back through DockerfileRecovery as the app reads it.
#include "document/DockerfileRecovery.h"

#include <QString>

// The recovered text, empty (with a warning naming the problem) when the file cannot be read; its
// header in `header` when asked for.
inline QString recoveredText(const QString &recoveryPath, ballast::RecoveryHeader *header = nullptr)
{
    ballast::RecoveryHeader read;
    QString text, error;
    if (!ballast::DockerfileRecovery::read(recoveryPath, read, text, &error))
        qWarning("%s", qPrintable(error));
    if (header)
        *header = read;
    return text;
}
