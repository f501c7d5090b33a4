// `ballast-cli packages`, the packages of `analyze --format json` and of `diff`, run as a user runs
// them on two Debian-like images written for the test (DebianLikeImages.h): in A, dpkg's database
// lists bash and libc6 in layer 0 (libc6 through the merged-/usr lib symlink) and curl in layer 1,
// which also leaves apt's cache; B upgrades bash and has no curl. Every expected figure is a fixture
// string's length, summed by hand there or below.
#include "CliRun.h"
#include "DebianLikeImages.h"
#include "util/ByteFormat.h"

#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace debianlike;
using nlohmann::json;

class TestCliPackages : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void textListsPackagesAndTheBytesOfNone();
    void oneLayerAndSortedByName();
    void jsonAndCsv();
    void analyzeJsonHasThePackages();
    void diffNamesChangedPackages();
    void badArguments();

private:
    QTemporaryDir m_dir;
    QString m_image;
    QString m_imageB; // one layer: bash upgraded to 5.2.15-4 (650 bytes), no curl
};

namespace {

const QString Cli = QStringLiteral(BALLAST_CLI_PATH);

json parse(const CliRun &run)
{
    try {
        return json::parse(run.out.toStdString());
    } catch (const std::exception &) {
        return {};
    }
}

} // namespace

void TestCliPackages::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_image = writeImageA(m_dir.path());
    m_imageB = writeImageB(m_dir.path());
}

void TestCliPackages::textListsPackagesAndTheBytesOfNone()
{
    const CliRun run = runProgram(Cli, { QStringLiteral("packages"), m_image });
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.split(u'\n');
    QVERIFY(lines.size() >= 7);
    QVERIFY(lines[0].startsWith(QLatin1String("PACKAGE")));
    // Largest first: libc6 1000, bash 600, curl 300.
    QCOMPARE(lines[1].simplified(), QStringLiteral("libc6 2.36-9 deb %1 1 layer 0").arg(ballast::formatBytes(1000)));
    QCOMPARE(lines[2].simplified(), QStringLiteral("bash 5.2.15-3 deb %1 1 layer 0").arg(ballast::formatBytes(600)));
    QCOMPARE(lines[3].simplified(), QStringLiteral("curl 7.88.1-10 deb %1 1 layer 1").arg(ballast::formatBytes(300)));
    QCOMPARE(lines[4].simplified(), QStringLiteral("(not from a package) %1 5").arg(ballast::formatBytes(Unpackaged)));
    QCOMPARE(lines[6],
        QStringLiteral("3 packages hold %1 of the final filesystem's %2; %3 belongs to no package")
            .arg(
                ballast::formatBytes(1900), ballast::formatBytes(1900 + Unpackaged), ballast::formatBytes(Unpackaged)));
}

void TestCliPackages::oneLayerAndSortedByName()
{
    const CliRun layer
        = runProgram(Cli, { QStringLiteral("packages"), m_image, QStringLiteral("--layer"), QStringLiteral("1") });
    QCOMPARE(layer.exitCode, 0);
    const QStringList lines = layer.out.split(u'\n');
    QCOMPARE(lines[0],
        QStringLiteral("Layer 1 (%1): RUN apt-get update && apt-get install -y curl")
            .arg(ballast::formatBytes(int64_t(300 + 2000 + FinalStatus.size() + CurlList.size()))));
    QCOMPARE(lines[3].simplified(), QStringLiteral("curl 7.88.1-10 deb %1 1 layer 1").arg(ballast::formatBytes(300)));
    QCOMPARE(
        lines[4].simplified(), QStringLiteral("(not from a package) %1").arg(ballast::formatBytes(UnpackagedInLayer1)));

    const CliRun byName = runProgram(Cli,
        { QStringLiteral("packages"), m_image, QStringLiteral("--sort"), QStringLiteral("name"),
            QStringLiteral("--format"), QStringLiteral("csv") });
    QCOMPARE(byName.exitCode, 0);
    QCOMPARE(byName.out,
        QStringLiteral("ecosystem,name,version,sizeBytes,fileCount,installedInLayer\n"
                       "deb,bash,5.2.15-3,600,1,0\ndeb,curl,7.88.1-10,300,1,1\ndeb,libc6,2.36-9,1000,1,0\n"));
}

void TestCliPackages::jsonAndCsv()
{
    const CliRun run = runProgram(Cli,
        { QStringLiteral("packages"), m_image, QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--layer"), QStringLiteral("0") });
    QCOMPARE(run.exitCode, 0);
    const json document = parse(run);
    QCOMPARE(document["layer"].get<int>(), 0);
    QCOMPARE(
        document["unpackagedBytes"].get<int64_t>(), int64_t(BaseStatus.size() + LibcList.size() + BashList.size()));
    QVERIFY(document["unpackagedFileCount"].is_null());
    QCOMPARE(document["packages"].size(), size_t(2));
    QCOMPARE(document["packages"][0]["name"].get<std::string>(), std::string("libc6"));
    // bash's bytes in layer 0; it was not rewritten later.
    QCOMPARE(document["packages"][1]["layers"].dump(), std::string(R"([{"bytes":600,"index":0}])"));
    QCOMPARE(document["skipped"].dump(), std::string("[]"));

    const CliRun csv = runProgram(Cli,
        { QStringLiteral("packages"), m_image, QStringLiteral("--format"), QStringLiteral("csv"),
            QStringLiteral("--layer"), QStringLiteral("1") });
    QCOMPARE(csv.out,
        QStringLiteral("ecosystem,name,version,bytesInLayer,fileCount,installedInLayer\n"
                       "deb,curl,7.88.1-10,300,1,1\n"));
}

void TestCliPackages::analyzeJsonHasThePackages()
{
    const CliRun run
        = runProgram(Cli, { QStringLiteral("analyze"), m_image, QStringLiteral("--format"), QStringLiteral("json") });
    QCOMPARE(run.exitCode, 0);
    const json document = parse(run);
    QCOMPARE(document["image"]["unpackagedBytes"].get<int64_t>(), Unpackaged);
    QCOMPARE(document["packages"].dump(),
        json::parse(R"([
          {"ecosystem": "deb", "name": "libc6", "version": "2.36-9", "sizeBytes": 1000, "fileCount": 1,
           "installedInLayer": 0, "layers": [{"index": 0, "bytes": 1000}]},
          {"ecosystem": "deb", "name": "bash", "version": "5.2.15-3", "sizeBytes": 600, "fileCount": 1,
           "installedInLayer": 0, "layers": [{"index": 0, "bytes": 600}]},
          {"ecosystem": "deb", "name": "curl", "version": "7.88.1-10", "sizeBytes": 300, "fileCount": 1,
           "installedInLayer": 1, "layers": [{"index": 1, "bytes": 300}]}])")
            .dump());
}

void TestCliPackages::diffNamesChangedPackages()
{
    const CliRun run = runProgram(
        Cli, { QStringLiteral("diff"), m_image, m_imageB, QStringLiteral("--format"), QStringLiteral("json") });
    QCOMPARE(run.exitCode, 0);
    const json packages = parse(run)["packages"];
    QCOMPARE(packages["unpackagedBytesA"].get<int64_t>(), Unpackaged);
    QCOMPARE(packages["unpackagedBytesB"].get<int64_t>(), UnpackagedB);
    QCOMPARE(packages["changes"].dump(),
        json::parse(R"([
          {"change": "removed", "ecosystem": "deb", "name": "curl", "versionA": "7.88.1-10", "versionB": null,
           "bytesA": 300, "bytesB": 0, "deltaBytes": -300},
          {"change": "upgraded", "ecosystem": "deb", "name": "bash", "versionA": "5.2.15-3", "versionB": "5.2.15-4",
           "bytesA": 600, "bytesB": 650, "deltaBytes": 50}])")
            .dump());

    const CliRun text = runProgram(Cli, { QStringLiteral("diff"), m_image, m_imageB });
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QStringLiteral("\nPACKAGES  1 removed, 1 upgraded; not from a package %1 → %2\n")
                                   .arg(ballast::formatBytes(Unpackaged), ballast::formatBytes(UnpackagedB))),
        qPrintable(text.out));
    QVERIFY(text.out.contains(QStringLiteral("upgraded    bash 5.2.15-3 → 5.2.15-4 (deb)\n")));
}

void TestCliPackages::badArguments()
{
    const CliRun layer
        = runProgram(Cli, { QStringLiteral("packages"), m_image, QStringLiteral("--layer"), QStringLiteral("2") });
    QCOMPARE(layer.exitCode, 2);
    QCOMPARE(layer.err, QStringLiteral("error: --layer 2: %1 has 2 layers (0 to 1)\n").arg(m_image));
    const CliRun notNumber
        = runProgram(Cli, { QStringLiteral("packages"), m_image, QStringLiteral("--layer"), QStringLiteral("x") });
    QCOMPARE(notNumber.exitCode, 2);
    QCOMPARE(notNumber.err, QStringLiteral("--layer \"x\" is not a layer index (0, 1, …)\n"));
    const CliRun format
        = runProgram(Cli, { QStringLiteral("packages"), m_image, QStringLiteral("--format"), QStringLiteral("xml") });
    QCOMPARE(format.exitCode, 2);
    QCOMPARE(format.err, QStringLiteral("unknown --format \"xml\": use text, json, csv\n"));
    const CliRun sort
        = runProgram(Cli, { QStringLiteral("packages"), m_image, QStringLiteral("--sort"), QStringLiteral("age") });
    QCOMPARE(sort.exitCode, 2);
    const CliRun missing = runProgram(Cli, { QStringLiteral("packages"), m_dir.filePath(QStringLiteral("none.tar")) });
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.startsWith(QLatin1String("error: ")));
    QVERIFY(missing.err.contains(QLatin1String("none.tar")));
}

QTEST_GUILESS_MAIN(TestCliPackages)
#include "test_cli_packages.moc"
