// `ballast-cli packages`, and the packages of `analyze --format json`, run as a user runs them on a
// two-layer Debian-like image written for the test: dpkg's database lists bash and libc6 in layer 0
// (libc6 through the merged-/usr lib symlink) and curl in layer 1, which also leaves apt's cache.
// Every expected figure is a fixture string's length, summed by hand below.
#include "CliRun.h"
#include "ImageWriter.h"
#include "util/ByteFormat.h"

#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

namespace bt = ballast::test;
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

const std::string BaseStatus = "Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nMulti-Arch: same\n"
                               "Version: 2.36-9\n\nPackage: bash\nStatus: install ok installed\nArchitecture: amd64\n"
                               "Version: 5.2.15-3\n\n";
const std::string FinalStatus
    = BaseStatus + "Package: curl\nStatus: install ok installed\nArchitecture: amd64\nVersion: 7.88.1-10\n\n";
const std::string StatusB = "Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nMulti-Arch: same\n"
                            "Version: 2.36-9\n\nPackage: bash\nStatus: install ok installed\nArchitecture: amd64\n"
                            "Version: 5.2.15-4\n\n";
const std::string LibcList = "/.\n/lib\n/lib/x86_64-linux-gnu/libc.so.6\n";
const std::string BashList = "/.\n/usr/bin/bash\n";
const std::string CurlList = "/.\n/usr/bin/curl\n";

// Final files: libc.so.6 1000 (libc6), bash 600 (bash), curl 300 (curl), and no package's: the status
// file, the three lists and apt's 2000-byte cache.
const int64_t Unpackaged = int64_t(2000 + FinalStatus.size() + LibcList.size() + BashList.size() + CurlList.size());
// Layer 1 wrote curl (300), the cache, the status file and curl's list.
const int64_t UnpackagedInLayer1 = int64_t(2000 + FinalStatus.size() + CurlList.size());

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
    bt::ImageSpec image;
    image.tags = { "ballast/packages:1" };
    bt::LayerSpec base;
    base.createdBy = "/bin/sh -c #(nop) ADD file:1234 in / ";
    base.entries = { bt::dirEntry("usr/"), bt::dirEntry("usr/lib/"), bt::symlinkEntry("lib", "usr/lib"),
        bt::fileEntry("usr/lib/x86_64-linux-gnu/libc.so.6", bt::filler(1000, 'c')),
        bt::fileEntry("usr/bin/bash", bt::filler(600, 'b')), bt::fileEntry("var/lib/dpkg/status", BaseStatus),
        bt::fileEntry("var/lib/dpkg/info/libc6:amd64.list", LibcList),
        bt::fileEntry("var/lib/dpkg/info/bash.list", BashList) };
    bt::LayerSpec install;
    install.createdBy = "/bin/sh -c apt-get update && apt-get install -y curl";
    install.entries = { bt::fileEntry("usr/bin/curl", bt::filler(300, 'u')),
        bt::fileEntry("var/cache/apt/archives/curl.deb", bt::filler(2000, 'a')),
        bt::fileEntry("var/lib/dpkg/status", FinalStatus), bt::fileEntry("var/lib/dpkg/info/curl.list", CurlList) };
    image.layers = { base, install };
    m_image
        = bt::writeArchive(bt::singleImage(bt::Format::OciArchive, image), m_dir.path(), QStringLiteral("deb")).path;

    bt::ImageSpec other;
    bt::LayerSpec upgraded = base;
    upgraded.entries[4] = bt::fileEntry("usr/bin/bash", bt::filler(650, 'B'));
    upgraded.entries[5] = bt::fileEntry("var/lib/dpkg/status", StatusB);
    other.layers = { upgraded };
    m_imageB = bt::writeArchive(bt::singleImage(bt::Format::OciArchive, other), m_dir.path(), QStringLiteral("b")).path;
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
    QCOMPARE(packages["unpackagedBytesB"].get<int64_t>(), int64_t(StatusB.size() + LibcList.size() + BashList.size()));
    QCOMPARE(packages["changes"].dump(),
        json::parse(R"([
          {"change": "removed", "ecosystem": "deb", "name": "curl", "versionA": "7.88.1-10", "versionB": null,
           "bytesA": 300, "bytesB": 0, "deltaBytes": -300},
          {"change": "upgraded", "ecosystem": "deb", "name": "bash", "versionA": "5.2.15-3", "versionB": "5.2.15-4",
           "bytesA": 600, "bytesB": 650, "deltaBytes": 50}])")
            .dump());

    const CliRun text = runProgram(Cli, { QStringLiteral("diff"), m_image, m_imageB });
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(
        text.out.contains(QStringLiteral("\nPACKAGES  1 removed, 1 upgraded; not from a package %1 → %2\n")
                              .arg(ballast::formatBytes(Unpackaged),
                                  ballast::formatBytes(int64_t(StatusB.size() + LibcList.size() + BashList.size())))),
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
