// `ballast-cli analyze --format dive-json|markdown` and `ballast-cli ci` run as a user runs them
// (QProcess) on the sample image. The expected figures come from resources/sample/expected.json
// (written by an independent oracle from the raw tars) fed through ReferenceDive.h, the port of
// dive's own Go code; none is read back from Ballast.
#include "CliRun.h"
#include "ReferenceDive.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

const QString Cli = QStringLiteral(BALLAST_CLI_PATH);
const QString Sample = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/sample.oci-gzip.tar");
const QString Expected = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/expected.json");

using Run = CliRun;

Run runCli(const QStringList &arguments, const QString &workingDirectory = {})
{
    return runProgram(Cli, arguments, workingDirectory);
}

json readExpected()
{
    QFile file(Expected);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return json::parse(file.readAll().toStdString());
}

int typeFlagOf(const std::string &type)
{
    if (type == "dir")
        return '5';
    if (type == "symlink")
        return '2';
    if (type == "hardlink")
        return '1';
    return '0'; // file, whiteout
}

// The sample's layers as dive reads them, from the oracle's listing.
std::vector<std::vector<refdive::FileInfo>> referenceLayers(const json &expected)
{
    std::vector<std::vector<refdive::FileInfo>> out;
    for (const auto &layer : expected.at("layers")) {
        std::vector<refdive::FileInfo> infos;
        for (const auto &e : layer.at("entries")) {
            refdive::FileInfo info;
            info.path = e.at("path").get<std::string>();
            info.typeFlag = typeFlagOf(e.at("type").get<std::string>());
            info.linkName = e.value("linkname", std::string());
            info.size = e.at("size").get<int64_t>();
            info.mode = refdive::goMode(
                uint32_t(std::stoul(e.at("mode").get<std::string>(), nullptr, 8)), char(info.typeFlag));
            info.uid = e.value("uid", 0);
            info.gid = e.value("gid", 0);
            info.isDir = e.at("type").get<std::string>() == "dir";
            infos.push_back(info);
        }
        out.push_back(std::move(infos));
    }
    return out;
}

QString writeConfig(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

} // namespace

class TestCliReports : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void diveJson();
    void markdown();
    void ciPasses();
    void ciFails();
    void ciDefaultsAndDiveCiInWorkingDirectory();
    void ciBrokenConfig();
    void ciMisconfiguredRule();
    void ciMissingImage();

private:
    json m_expected;
    refdive::Result m_dive;
};

void TestCliReports::initTestCase()
{
    QVERIFY2(QFile::exists(Cli), qPrintable(Cli));
    QVERIFY2(QFile::exists(Sample), qPrintable(Sample));
    m_expected = readExpected();
    QVERIFY(m_expected.contains("layers"));
    m_dive = refdive::analyze(referenceLayers(m_expected));
}

void TestCliReports::diveJson()
{
    const Run run
        = runCli({ QStringLiteral("analyze"), Sample, QStringLiteral("--format"), QStringLiteral("dive-json") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const json out = json::parse(run.out.toStdString());
    const auto &layers = out.at("layer");
    const auto &expectedLayers = m_expected.at("layers");
    QCOMPARE(layers.size(), size_t(7));
    QCOMPARE(expectedLayers.size(), size_t(7));
    for (size_t i = 0; i < layers.size(); ++i) {
        const auto &layer = layers[i];
        const auto &want = expectedLayers[i];
        QCOMPARE(layer.at("index").get<size_t>(), i);
        QCOMPARE(layer.at("digestId").get<std::string>(), want.at("diffId").get<std::string>());
        QCOMPARE(layer.at("sizeBytes").get<int64_t>(), want.at("sizeBytes").get<int64_t>());
        // An OCI archive names layers blobs/sha256/…: dive's id is the first component.
        QCOMPARE(layer.at("id").get<std::string>(), std::string("blobs"));
        std::string createdBy = want.at("createdBy").get<std::string>();
        if (createdBy.rfind("/bin/sh -c ", 0) == 0)
            createdBy = createdBy.substr(11);
        QCOMPARE(layer.at("command").get<std::string>(), createdBy);
        // Every node of dive's layer tree, in dive's order, field for field.
        const auto &fileList = layer.at("fileList");
        QCOMPARE(fileList.size(), m_dive.fileLists[i].size());
        for (size_t k = 0; k < fileList.size(); ++k) {
            const auto &item = fileList[k];
            const refdive::FileInfo &ref = m_dive.fileLists[i][k];
            const QString where
                = QStringLiteral("layer %1 item %2 (%3)").arg(i).arg(k).arg(QString::fromStdString(ref.path));
            QVERIFY2(item.at("path").get<std::string>() == ref.path, qPrintable(where));
            QVERIFY2(item.at("typeFlag").get<int>() == ref.typeFlag, qPrintable(where));
            QVERIFY2(item.at("linkName").get<std::string>() == ref.linkName, qPrintable(where));
            QVERIFY2(item.at("size").get<int64_t>() == ref.size, qPrintable(where));
            QVERIFY2(item.at("fileMode").get<uint32_t>() == ref.mode, qPrintable(where));
            QVERIFY2(item.at("uid").get<int64_t>() == ref.uid && item.at("gid").get<int64_t>() == ref.gid,
                qPrintable(where));
            QVERIFY2(item.at("isDir").get<bool>() == ref.isDir, qPrintable(where));
        }
    }
    const auto &image = out.at("image");
    QCOMPARE(image.at("sizeBytes").get<int64_t>(), m_expected.at("totals").at("layerSizeBytes").get<int64_t>());
    QCOMPARE(image.at("efficiencyScore").get<double>(), m_dive.efficiency);
    QCOMPARE(image.at("inefficientBytes").get<int64_t>(), m_dive.wastedBytes);
    const auto &refs = image.at("fileReference");
    QCOMPARE(refs.size(), m_dive.inefficiencies.size());
    for (size_t k = 0; k < refs.size(); ++k) {
        QCOMPARE(refs[k].at("file").get<std::string>(), m_dive.inefficiencies[k].path);
        QCOMPARE(refs[k].at("count").get<int>(), m_dive.inefficiencies[k].nodes);
        QCOMPARE(refs[k].at("sizeBytes").get<int64_t>(), m_dive.inefficiencies[k].cumulativeSize);
    }
}

void TestCliReports::markdown()
{
    const Run run
        = runCli({ QStringLiteral("analyze"), Sample, QStringLiteral("--format"), QStringLiteral("markdown") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = run.out.split(QLatin1Char('\n'));
    QVERIFY2(lines.value(0).startsWith(QStringLiteral("### ")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("ballast-sample:1")));
    // The summary table: header, alignment row, then the figures.
    const int header = int(lines.indexOf(QStringLiteral("| | |")));
    QVERIFY2(header > 0, qPrintable(run.out));
    QCOMPARE(lines.value(header + 1), QStringLiteral("|---|---:|"));
    QVERIFY(lines.contains(QStringLiteral("| Layers | 7 |")));
    const QString efficiency = QStringLiteral("| Efficiency (dive) | %1 % |").arg(m_dive.efficiency * 100, 0, 'f', 2);
    QVERIFY2(lines.contains(efficiency), qPrintable(efficiency + QStringLiteral("\n") + run.out));
    for (const char *row : { "| Image size (layers) |", "| Stored (compressed) |", "| Final filesystem |",
             "| Wasted (dive) |", "| Reclaimable by a rebuild |" }) {
        bool found = false;
        for (const QString &line : lines)
            found = found || (line.startsWith(QLatin1String(row)) && line.endsWith(QLatin1String(" |")));
        QVERIFY2(found, row);
    }
    QVERIFY(run.out.contains(QStringLiteral("**Heaviest layers**")));
    QVERIFY(run.out.contains(QStringLiteral("| # | size | stored | instruction |")));
    QVERIFY(run.out.contains(QStringLiteral("**Top findings**")));
    // The sample keeps its apt lists (see its Dockerfile): that finding is among the top ones.
    QVERIFY(run.out.contains(QStringLiteral("apt package lists")));
}

void TestCliReports::ciPasses()
{
    QTemporaryDir dir;
    const QString config = writeConfig(dir, QStringLiteral("pass.dive-ci"),
        "rules:\n  lowestEfficiency: 0.5\n  highestWastedBytes: 20MB\n  highestUserWastedPercent: 0.5\n");
    const Run run = runCli({ QStringLiteral("ci"), Sample, QStringLiteral("--config"), config });
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(QStringLiteral("Result:PASS")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("PASS: lowestEfficiency")));
    QVERIFY(run.out.contains(QStringLiteral("PASS: highestWastedBytes")));
    QVERIFY(run.out.contains(QStringLiteral("PASS: highestUserWastedPercent")));
    QVERIFY(!run.out.contains(QStringLiteral("FAIL")));
}

void TestCliReports::ciFails()
{
    QTemporaryDir dir;
    const QString config = writeConfig(dir, QStringLiteral("fail.dive-ci"),
        "rules:\n  lowestEfficiency: 0.95\n  highestUserWastedPercent: disabled\n");
    const Run run = runCli({ QStringLiteral("ci"), Sample, QStringLiteral("--config"), config });
    QCOMPARE(run.exitCode, 1);
    // dive's own wording, with Go's %v of the two numbers.
    const QString line
        = QStringLiteral("FAIL: lowestEfficiency: image efficiency is too low (efficiency=%1 < threshold=0.95)")
              .arg(QString::fromStdString(json(m_dive.efficiency).dump())); // shortest round-trip, as Go's %v
    QVERIFY2(run.out.contains(line), qPrintable(line + QStringLiteral("\n") + run.out));
    QVERIFY(run.out.contains(QStringLiteral("SKIP: highestUserWastedPercent")));
    QVERIFY(run.out.contains(QStringLiteral("Result:FAIL")));
}

void TestCliReports::ciDefaultsAndDiveCiInWorkingDirectory()
{
    QTemporaryDir dir;
    // No .dive-ci: dive's defaults (lowestEfficiency 0.9) fail the sample, whose efficiency is lower.
    QVERIFY(m_dive.efficiency < 0.9);
    Run run = runCli({ QStringLiteral("ci"), Sample }, dir.path());
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.contains(QStringLiteral("FAIL: lowestEfficiency")));
    // A .dive-ci in the working directory is read without --config.
    writeConfig(dir, QStringLiteral(".dive-ci"), "rules:\n  lowestEfficiency: 0.1\n  highestUserWastedPercent: 0.9\n");
    run = runCli({ QStringLiteral("ci"), Sample }, dir.path());
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY(run.out.contains(QStringLiteral("Result:PASS")));
}

void TestCliReports::ciBrokenConfig()
{
    QTemporaryDir dir;
    const QString config
        = writeConfig(dir, QStringLiteral("broken.dive-ci"), "rules:\n  lowestEfficiency: 0.9\n  notARule: 1\n");
    const Run run = runCli({ QStringLiteral("ci"), Sample, QStringLiteral("--config"), config });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(config), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("line 3")), qPrintable(run.err));
    QVERIFY(!run.out.contains(QStringLiteral("Result:")));
    // An unreadable config file is an input error too.
    const Run missing = runCli(
        { QStringLiteral("ci"), Sample, QStringLiteral("--config"), dir.filePath(QStringLiteral("none.dive-ci")) });
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(QStringLiteral("none.dive-ci")), qPrintable(missing.err));
}

void TestCliReports::ciMisconfiguredRule()
{
    QTemporaryDir dir;
    const QString config
        = writeConfig(dir, QStringLiteral("bad-value.dive-ci"), "rules:\n  highestWastedBytes: lots\n");
    const Run run = runCli({ QStringLiteral("ci"), Sample, QStringLiteral("--config"), config });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("highestWastedBytes")), qPrintable(run.err));
}

void TestCliReports::ciMissingImage()
{
    QTemporaryDir dir;
    const QString image = dir.filePath(QStringLiteral("no-such-image.tar"));
    const Run run = runCli({ QStringLiteral("ci"), image });
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("no-such-image.tar")), qPrintable(run.err));
    QCOMPARE(runCli({ QStringLiteral("ci") }).exitCode, 2); // usage
    QCOMPARE(
        runCli({ QStringLiteral("analyze"), image, QStringLiteral("--format"), QStringLiteral("dive-json") }).exitCode,
        2);
    QCOMPARE(
        runCli({ QStringLiteral("analyze"), Sample, QStringLiteral("--format"), QStringLiteral("yaml") }).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliReports)
#include "test_cli_reports.moc"
