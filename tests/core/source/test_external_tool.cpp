// The external-tool runner with /bin/sh as the tool: exit codes, error lines, output, the size limit
// and cancellation.
#include "source/ExternalTool.h"
#include "util/LoadError.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <thread>

using namespace ballast;

namespace {
ToolRun shell(const QString &script)
{
    ToolRun run;
    run.program = QStringLiteral("/bin/sh");
    run.arguments = { QStringLiteral("-c"), script };
    run.label = QStringLiteral("test://x");
    return run;
}
} // namespace

class TestExternalTool : public QObject {
    Q_OBJECT
private slots:
    void missingToolSaysWhatToDo()
    {
        QVERIFY(!toolAvailable(QStringLiteral("ballast-no-such-tool")));
        QVERIFY(toolAvailable(QStringLiteral("sh")));
        try {
            requireTool(QStringLiteral("ballast-no-such-tool"));
            QFAIL("no error");
        } catch (const LoadError &error) {
            QCOMPARE(error.message(),
                QStringLiteral("ballast-no-such-tool not found: install ballast-no-such-tool or open a tarball"));
        }
    }

    void exitCodeOutputAndLastErrorLine()
    {
        const ToolResult result
            = runTool(shell(QStringLiteral("printf 'out\\n'; printf 'first\\nError: the real one\\n\\n' >&2; exit 3")));
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.standardOutput, QByteArray("out\n"));
        QCOMPARE(result.lastErrorLine(), QStringLiteral("Error: the real one"));
    }

    void logrusLinesGiveTheirMessage()
    {
        // skopeo's refusal, as it prints it.
        const ToolResult result
            = runTool(shell(QStringLiteral("echo 'time=\"2026-11-28T09:40:13Z\" level=fatal msg=\"pinging container "
                                           "registry h:1: Get \\\"https://h:1/v2/\\\": "
                                           "http: server gave HTTP response to HTTPS client\"' >&2; exit 1")));
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(result.lastErrorLine(),
            QStringLiteral("pinging container registry h:1: Get \"https://h:1/v2/\": http: server gave HTTP response "
                           "to HTTPS client"));
    }

    void linesGoToTheCallbackMerged()
    {
        ToolRun run = shell(QStringLiteral("echo one; echo two >&2; printf three"));
        QByteArrayList lines;
        run.onOutput = [&](const QByteArray &line) { lines << line; };
        const ToolResult result = runTool(run);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(lines, (QByteArrayList { "one\n", "two\n", "three\n" }));
        QCOMPARE(result.lastErrorLine(), QStringLiteral("three"));
    }

    void stdoutToAFileWithItsSizeCounted()
    {
        QTemporaryDir dir;
        ToolRun run = shell(QStringLiteral("head -c 300000 /dev/zero"));
        run.stdoutFile = dir.filePath(QStringLiteral("out"));
        std::atomic<int64_t> bytes { 0 };
        run.stdoutBytes = &bytes;
        QCOMPARE(runTool(run).exitCode, 0);
        QCOMPARE(QFile(run.stdoutFile).size(), 300000);
        QCOMPARE(bytes.load(), int64_t(300000));
    }

    void stdoutOverTheLimitStopsTheTool()
    {
        QTemporaryDir dir;
        ToolRun run = shell(QStringLiteral("while :; do head -c 65536 /dev/zero; done"));
        run.stdoutFile = dir.filePath(QStringLiteral("out"));
        run.maxStdoutBytes = 1000000;
        try {
            runTool(run);
            QFAIL("no error");
        } catch (const LoadError &error) {
            QCOMPARE(error.message(),
                QStringLiteral("test://x: sh wrote more than 1000000 bytes, over the limit of 1000000 (--max-bytes)"));
        }
    }

    void cancelStopsARunningTool()
    {
        std::atomic<bool> cancelled { false };
        ToolRun run = shell(QStringLiteral("sleep 30"));
        run.cancelled = &cancelled;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            cancelled = true;
        });
        QElapsedTimer timer;
        timer.start();
        QVERIFY_THROWS_EXCEPTION(LoadCancelled, runTool(run));
        canceller.join();
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    void aProgramThatCannotStart()
    {
        ToolRun run;
        run.program = QStringLiteral("/nonexistent/tool");
        run.label = QStringLiteral("test://y");
        try {
            runTool(run);
            QFAIL("no error");
        } catch (const LoadError &error) {
            QVERIFY2(error.message().startsWith(QStringLiteral("test://y: cannot run /nonexistent/tool: ")),
                qPrintable(error.message()));
        }
    }
};

QTEST_GUILESS_MAIN(TestExternalTool)
#include "test_external_tool.moc"
