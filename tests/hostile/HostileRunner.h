#pragma once
// Runs one program the way a hostile input should meet it: a child process (fork/execve, wait4 for
// its resource usage) with a wall-time limit, in a fresh empty working directory, with HOME, TMPDIR
// and the XDG directories pointing at fresh empty directories that are checked afterwards.
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace hostile {

struct SandboxRun {
    QString startError; // set when the program could not be started
    bool timedOut = false; // killed after the time limit
    int exitCode = -1; // -1 when it did not exit normally
    int signal = 0; // the signal that ended it, 0 if none
    double seconds = 0;
    long maxRssKiB = 0; // ru_maxrss of the child
    QByteArray out, err;
    QStringList leftovers; // files left in the working directory, HOME, TMPDIR or XDG directories
};

SandboxRun runSandboxed(const QString &program, const QStringList &arguments, int timeoutSeconds);

} // namespace hostile
