// `ballast-cli lint` and `ballast-cli analyze --dockerfile` run as a user runs them (QProcess): exit
// codes per --fail-level, the JSON shapes, and the per-line layer sizes of the sample (sizes from
// resources/sample/expected.json, not from Ballast).
#include "CliRun.h"
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

const QString Cli = QStringLiteral(BALLAST_CLI_PATH);
const QString SampleDir = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample");

using Run = CliRun;

Run runCli(const QStringList &arguments, const QString &workingDirectory = {})
{
    return runProgram(Cli, arguments, workingDirectory);
}

} // namespace

class CliLintTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile file(m_dir.filePath(QStringLiteral("Dockerfile")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        // DL3009 (info) on line 2, DL3015 (info) on line 2, DL3002 (warning) on line 3, DL3020 (error) on line 4.
        file.write("FROM debian:12\n"
                   "RUN apt-get update && apt-get install -y curl=7.88\n"
                   "USER root\n"
                   "ADD app.py /app/\n");
        file.close();
        QFile clean(m_dir.filePath(QStringLiteral("Clean.Dockerfile")));
        QVERIFY(clean.open(QIODevice::WriteOnly));
        clean.write("FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88 && rm "
                    "-rf /var/lib/apt/lists/*\n"
                    "USER app\n");
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        const QString df = m_dir.filePath(QStringLiteral("Dockerfile"));
        const QString clean = m_dir.filePath(QStringLiteral("Clean.Dockerfile"));
        QTest::newRow("error finding, default level") << QStringList { "lint", df } << 1;
        QTest::newRow("level none") << QStringList { "lint", df, "--fail-level", "none" } << 0;
        QTest::newRow("level style") << QStringList { "lint", clean, "--fail-level", "style" } << 0;
        QTest::newRow("clean file") << QStringList { "lint", clean } << 0;
        QTest::newRow("sample, default level") << QStringList { "lint", SampleDir + "/Dockerfile" } << 0;
        // With the image, the sample's findings are warnings: below the default level, at the warning level.
        QTest::newRow("sample with image")
            << QStringList { "lint", SampleDir + "/Dockerfile", "--image", SampleDir + "/sample.oci-gzip.tar" } << 0;
        QTest::newRow("sample with image, warning") << QStringList { "lint", SampleDir + "/Dockerfile", "--image",
            SampleDir + "/sample.oci-gzip.tar", "--fail-level", "warning" }
                                                    << 1;
        QTest::newRow("missing file") << QStringList { "lint", m_dir.filePath(QStringLiteral("nope")) } << 2;
        QTest::newRow("missing image") << QStringList { "lint", df, "--image",
            m_dir.filePath(QStringLiteral("nope.tar")) }
                                       << 2;
        QTest::newRow("bad level") << QStringList { "lint", df, "--fail-level", "fatal" } << 2;
        QTest::newRow("bad format") << QStringList { "lint", df, "--format", "xml" } << 2;
        QTest::newRow("no file") << QStringList { "lint" } << 2;
    }

    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        const Run run = runCli(arguments);
        QVERIFY2(run.exitCode == exitCode,
            qPrintable(QStringLiteral("exit %1: %2%3").arg(run.exitCode).arg(run.out, run.err)));
    }

    void json()
    {
        const Run run = runCli(
            { "lint", m_dir.filePath(QStringLiteral("Dockerfile")), "--format", "json", "--fail-level", "warning" });
        QCOMPARE(run.exitCode, 1);
        const auto doc = json::parse(run.out.toStdString());
        QStringList got;
        for (const auto &f : doc.at("findings")) {
            for (const char *key : { "line", "column", "endLine", "rule", "severity", "message" })
                QVERIFY2(f.contains(key), key);
            QVERIFY(!f.contains("bytes"));
            got << QStringLiteral("%1 %2 %3")
                       .arg(f.at("line").get<int>())
                       .arg(QString::fromStdString(f.at("rule").get<std::string>()),
                           QString::fromStdString(f.at("severity").get<std::string>()));
        }
        QCOMPARE(got, (QStringList { "2 DL3009 info", "2 DL3015 info", "3 DL3002 warning", "4 DL3020 error" }));
    }

    void jsonWithImage()
    {
        const Run run = runCli(
            { "lint", SampleDir + "/Dockerfile", "--image", SampleDir + "/sample.oci-gzip.tar", "--format", "json" });
        QCOMPARE(run.exitCode, 0);
        const auto doc = json::parse(run.out.toStdString());
        int withBytes = 0;
        for (const auto &f : doc.at("findings")) {
            QVERIFY(f.at("rule").get<std::string>().rfind("BA", 0) == 0);
            QVERIFY(f.at("bytes").get<int64_t>() > 0);
            ++withBytes;
        }
        QCOMPARE(withBytes, 5);
    }

    void text()
    {
        const Run run = runCli({ "lint", m_dir.filePath(QStringLiteral("Dockerfile")), "--fail-level", "none" });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(
            QStringLiteral("Dockerfile:4:1 DL3020 error: Use COPY instead of ADD for files and folders")));
        QVERIFY(run.out.endsWith(QStringLiteral("4 findings\n")));
    }

    void analyzeDockerfile()
    {
        const Run run = runCli({ "analyze", SampleDir + "/sample.oci-gzip.tar", "--dockerfile",
            SampleDir + "/Dockerfile", "--format", "json" });
        QCOMPARE(run.exitCode, 0);
        const auto doc = json::parse(run.out.toStdString());
        QFile expectedFile(SampleDir + "/expected.json");
        QVERIFY(expectedFile.open(QIODevice::ReadOnly));
        const auto expected = json::parse(expectedFile.readAll().toStdString());
        QStringList got;
        for (const auto &row : doc.at("dockerfile").at("instructions")) {
            const auto &layer = row.at("layerIndex");
            const auto &size = row.at("sizeBytes");
            got << QStringLiteral("%1-%2 %3 %4 %5 %6")
                       .arg(row.at("line").get<int>())
                       .arg(row.at("endLine").get<int>())
                       .arg(QString::fromStdString(row.at("instruction").get<std::string>()))
                       .arg(layer.is_null() ? QStringLiteral("null") : QString::number(layer.get<int>()))
                       .arg(size.is_null() ? QStringLiteral("null") : QString::number(size.get<int64_t>()))
                       .arg(QString::fromStdString(row.at("confidence").get<std::string>()));
            if (!layer.is_null())
                QCOMPARE(
                    size.get<int64_t>(), expected.at("layers").at(layer.get<size_t>()).at("sizeBytes").get<int64_t>());
        }
        QCOMPARE(got,
            (QStringList { "4-4 FROM null null exact", "5-6 LABEL null null exact", "9-9 COPY 0 1982256 exact",
                "12-12 RUN 1 0 exact", "14-14 ENV null null exact", "17-22 RUN 2 143 exact",
                "26-34 RUN 3 1843806 exact", "38-38 COPY 4 805 exact", "42-51 RUN 5 21135398 exact",
                "56-61 RUN 6 1417891 exact", "63-63 WORKDIR null null exact", "64-64 USER null null exact",
                "65-65 EXPOSE null null exact", "66-66 CMD null null exact" }));
        QVERIFY(doc.at("dockerfile").at("instructions").at(0).at("baseLayers").empty());
        const Run text
            = runCli({ "analyze", SampleDir + "/sample.oci-gzip.tar", "--dockerfile", SampleDir + "/Dockerfile" });
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("DOCKERFILE (final stage)")));
        QVERIFY(text.out.contains(QStringLiteral("42-51          5    21.1 MB  exact")));
        QCOMPARE(runCli({ "analyze", SampleDir + "/sample.oci-gzip.tar", "--dockerfile",
                            m_dir.filePath(QStringLiteral("nope")) })
                     .exitCode,
            2);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(CliLintTest)
#include "test_cli_lint.moc"
