#include "ExternalTool.h"

#include "util/LoadError.h"
#include "util/LoadLimits.h"
#include "util/Logging.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace ballast {
namespace {

constexpr qsizetype MaxErrorText = qsizetype(64) * 1024;
constexpr qsizetype MaxCapturedOutput = qsizetype(64) * 1024 * 1024;
constexpr int PollMs = 50;

void keepTail(QByteArray &buffer, const QByteArray &more, qsizetype max)
{
    buffer += more;
    if (buffer.size() > max)
        buffer.remove(0, buffer.size() - max);
}

// SIGTERM first so that builders can stop their own children, then SIGKILL.
void stop(QProcess &process)
{
    process.terminate();
    if (!process.waitForFinished(2000)) {
        process.kill();
        process.waitForFinished(2000);
    }
}

int64_t bytesUnder(const QString &directory)
{
    int64_t total = 0;
    QDirIterator files(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        files.next();
        total += files.fileInfo().size();
    }
    return total;
}

} // namespace

bool toolAvailable(const QString &program)
{
    return !QStandardPaths::findExecutable(program).isEmpty();
}

QString requireTool(const QString &program, const QString &purpose)
{
    QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        throw LoadError(QStringLiteral("%1 not found: install %1 or %2")
                            .arg(program, purpose.isEmpty() ? QStringLiteral("open a tarball") : purpose));
    return path;
}

QString ToolResult::lastErrorLine() const
{
    const QStringList lines = standardError.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // Go tools that log with logrus (skopeo) write `time="…" level=fatal msg="…"`: keep the msg.
    static const QRegularExpression logrus(QStringLiteral("level=(?:fatal|error) msg=\"((?:[^\"\\\\]|\\\\.)*)\""));
    for (auto line = lines.crbegin(); line != lines.crend(); ++line) {
        QString text = line->trimmed();
        if (const auto match = logrus.match(text); match.hasMatch())
            text = match.captured(1).replace(QStringLiteral("\\\""), QStringLiteral("\""));
        if (!text.isEmpty())
            return text.size() > 400 ? text.left(400) + QStringLiteral("…") : text;
    }
    return QStringLiteral("(no message)");
}

ToolResult runTool(const ToolRun &run)
{
    QProcess process;
    process.setProgram(run.program);
    process.setArguments(run.arguments);
    if (!run.workingDirectory.isEmpty())
        process.setWorkingDirectory(run.workingDirectory);
    if (!run.stdoutFile.isEmpty())
        process.setStandardOutputFile(run.stdoutFile, QIODevice::Truncate);
    else if (run.onOutput)
        process.setProcessChannelMode(QProcess::MergedChannels);
    qCDebug(lcSource).noquote() << "running" << run.program << run.arguments.join(QLatin1Char(' '));
    process.start(QIODevice::ReadOnly);
    if (!process.waitForStarted(-1))
        throw LoadError(QStringLiteral("%1: cannot run %2: %3").arg(run.label, run.program, process.errorString()));

    ToolResult result;
    QByteArray errorText, pendingLine;
    // Whole lines to onOutput; what is left at the end goes as a last line.
    auto forward = [&](const QByteArray &bytes, bool flush) {
        pendingLine += bytes;
        qsizetype newline;
        while ((newline = pendingLine.indexOf('\n')) >= 0) {
            run.onOutput(pendingLine.left(newline + 1));
            pendingLine.remove(0, newline + 1);
        }
        if (flush && !pendingLine.isEmpty())
            run.onOutput(pendingLine + '\n');
    };
    auto drain = [&](bool flush) {
        if (run.onOutput) { // one merged channel, as a terminal would show it
            const QByteArray output = process.readAllStandardOutput();
            keepTail(errorText, output, MaxErrorText);
            forward(output, flush);
            return;
        }
        keepTail(errorText, process.readAllStandardError(), MaxErrorText);
        if (run.stdoutFile.isEmpty()) {
            const QByteArray output = process.readAllStandardOutput();
            if (result.standardOutput.size() + output.size() <= MaxCapturedOutput)
                result.standardOutput += output;
        }
    };
    while (!process.waitForFinished(PollMs)) {
        drain(false);
        if (run.cancelled && run.cancelled->load()) {
            stop(process);
            throw LoadCancelled();
        }
        if (run.stdoutBytes && !run.progressDirectory.isEmpty())
            *run.stdoutBytes = bytesUnder(run.progressDirectory);
        if (!run.stdoutFile.isEmpty()) {
            const int64_t written = QFileInfo(run.stdoutFile).size();
            if (run.stdoutBytes)
                *run.stdoutBytes = written;
            if (run.maxStdoutBytes > 0 && written > run.maxStdoutBytes) {
                stop(process);
                throw LoadError(QStringLiteral("%1: %2 wrote more than %3 bytes, over the limit of %3 (--%4)")
                                    .arg(run.label, QFileInfo(run.program).fileName())
                                    .arg(run.maxStdoutBytes)
                                    .arg(QLatin1String(MaxUncompressedBytesOption)));
            }
        }
    }
    drain(true);
    if (run.stdoutBytes && !run.stdoutFile.isEmpty())
        *run.stdoutBytes = QFileInfo(run.stdoutFile).size();
    if (process.exitStatus() == QProcess::CrashExit)
        throw LoadError(QStringLiteral("%1: %2 crashed: %3")
                            .arg(run.label, QFileInfo(run.program).fileName(), QString::fromUtf8(errorText).trimmed()));
    result.exitCode = process.exitCode();
    result.standardError = QString::fromUtf8(errorText).trimmed();
    qCDebug(lcSource).noquote() << QFileInfo(run.program).fileName() << "exited with" << result.exitCode;
    return result;
}

} // namespace ballast
