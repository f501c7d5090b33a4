#pragma once
// Runs a command-line program for the CLI suites and collects what a person would see.
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

struct CliRun {
    int exitCode = -1; // -1 when the program crashed or did not run
    QString out;
    QString err;
};

// `environment`: the program's whole environment; by default it inherits the test's.
inline CliRun runProgram(const QString &program, const QStringList &arguments, const QString &workingDirectory = {},
    const std::optional<QProcessEnvironment> &environment = std::nullopt)
{
    QProcess process;
    if (environment)
        process.setProcessEnvironment(*environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    CliRun run;
    if (!process.waitForStarted(30000) || !process.waitForFinished(240000)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("%1 did not run: %2").arg(program, process.errorString());
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}
