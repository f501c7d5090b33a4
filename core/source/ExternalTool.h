#pragma once
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <functional>

namespace ballast {

// The absolute path of `program` on PATH. Throws LoadError "podman not found: install podman or
// open a tarball" (with `purpose` in place of "open a tarball" when given).
QString requireTool(const QString &program, const QString &purpose = {});
bool toolAvailable(const QString &program);

// One run of an external program (docker, podman, buildah, skopeo). Runs in the calling thread
// without an event loop, so it works from worker threads; polls `cancelled` and kills the process
// (and reports LoadCancelled) when it is set.
struct ToolRun {
    QString program; // a name on PATH or an absolute path
    QStringList arguments;
    QString stdoutFile; // when set, the child writes its stdout straight there
    std::function<void(const QByteArray &)> onOutput; // else stdout and stderr, merged, line by line
    const std::atomic<bool> *cancelled = nullptr;
    std::atomic<int64_t> *stdoutBytes = nullptr; // progress: bytes written to stdoutFile so far
    QString progressDirectory; // else: bytes written under this directory so far (skopeo, buildah)
    int64_t maxStdoutBytes = 0; // stop the program once stdoutFile grows past this; 0 = no limit
    QString label; // what the run is for ("podman://alpine"), for messages
    QString workingDirectory;
};

struct ToolResult {
    int exitCode = 0;
    QByteArray standardOutput; // when neither stdoutFile nor onOutput took it (bounded to 64 MiB)
    QString standardError; // the last 64 KiB, trimmed (of the merged output with onOutput)
    QString lastErrorLine() const; // the most telling line of stderr, for messages
};

// Throws LoadError when the program cannot be started or writes more than maxStdoutBytes,
// LoadCancelled when cancelled. A non-zero
// exit is returned, not thrown: the caller knows what it means.
ToolResult runTool(const ToolRun &run);

} // namespace ballast
