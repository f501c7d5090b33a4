// docker:// against tests/tools/fake-docker/docker, a script that answers `docker image save` and
// `docker image ls` from committed archives the way the Docker CLI does (no Docker engine runs in CI).
// It logs its arguments, so the test sees the exact command line Ballast ran. Figures come from the
// archives' expected.json files (independent oracle).
#include "ToolSandbox.h"

#include "source/EngineImages.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QTimeZone>

using nlohmann::json;

namespace {

const QString Cli = QStringLiteral(BALLAST_CLI_PATH);
const QString FakeDocker = QStringLiteral(BALLAST_SOURCE_DIR "/tests/tools/fake-docker/docker");

json readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return json::parse(file.readAll().toStdString(), nullptr, false);
}

} // namespace

class TestSourcesFakeDocker : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void savesDockerArchive_data();
    void savesDockerArchive();
    void unknownImage();
    void daemonNotRunning();
    void dockerNotOnPath();
    void listsDockerImages();
    void availableEngines();

private:
    QStringList calls() const; // the fake's log, one line per call

    ToolSandbox m_sandbox;
    QString m_bin; // the sandbox's bin/, holding only the fake docker
    QString m_log;
};

void TestSourcesFakeDocker::initTestCase()
{
    if (toolTestsSkipped())
        QSKIP("BALLAST_SKIP_TOOL_TESTS=1");
    QVERIFY2(QFile::exists(Cli), qPrintable(Cli));
    QVERIFY(m_sandbox.isValid());
    m_sandbox.apply();
    m_bin = m_sandbox.installFakeDocker(FakeDocker);
    QVERIFY2(!m_bin.isEmpty(), qPrintable(FakeDocker));
    m_log = m_sandbox.path(QStringLiteral("docker-calls.log"));
    qputenv("BALLAST_SOURCE_DIR", BALLAST_SOURCE_DIR); // where the fake finds the archives
    qputenv("BALLAST_FAKE_DOCKER_LOG", m_log.toUtf8());
    qputenv("PATH", (m_bin + QLatin1Char(':')).toUtf8() + qgetenv("PATH"));
}

void TestSourcesFakeDocker::init()
{
    QFile::remove(m_log);
    qunsetenv("BALLAST_FAKE_DOCKER_DAEMON");
}

QStringList TestSourcesFakeDocker::calls() const
{
    QFile file(m_log);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void TestSourcesFakeDocker::savesDockerArchive_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expectedJson");
    // A docker-archive, as `docker save` wrote it before Docker 25, and an OCI layout archive.
    QTest::newRow("docker-archive") << QStringLiteral("ballast/whiteouts:1")
                                    << QStringLiteral(BALLAST_SOURCE_DIR "/tests/data/real/whiteouts/expected.json");
    QTest::newRow("oci-archive") << QStringLiteral("ballast/sample:1")
                                 << QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/expected.json");
}

void TestSourcesFakeDocker::savesDockerArchive()
{
    QFETCH(QString, name);
    QFETCH(QString, expectedJson);
    const json expected = readJson(expectedJson);
    QVERIFY2(expected.is_object(), qPrintable(expectedJson));
    const QString source = QStringLiteral("docker://") + name;
    const ToolRunResult run
        = runIn(Cli, { QStringLiteral("analyze"), source, QStringLiteral("--format"), QStringLiteral("json") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(calls(), QStringList { QStringLiteral("image save ") + name });

    QString error;
    const json report = parseJson(run.out, error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const json &image = report.at("image");
    QCOMPARE(image.at("layerCount").get<int>(), expected["layerCount"].get<int>());
    QCOMPARE(jsonText(image.at("configDigest")), jsonText(expected["archives"][0]["config"]["digest"]));
    QCOMPARE(image.at("sizeBytes").get<int64_t>(), expected["totals"]["layerSizeBytes"].get<int64_t>());
    QCOMPARE(image.at("entryCount").get<int64_t>(), expected["finalFilesystem"]["entryCount"].get<int64_t>());
    QCOMPARE(image.at("finalSizeBytes").get<int64_t>(), expected["finalFilesystem"]["finalSizeBytes"].get<int64_t>());
    const json &layers = report.at("layers");
    QCOMPARE(layers.size(), expected["layers"].size());
    for (size_t i = 0; i < layers.size(); ++i) {
        const json &x = expected["layers"][i];
        const QString where
            = QStringLiteral("%1 layer %2: %3").arg(source).arg(i).arg(QString::fromStdString(layers[i].dump()));
        QVERIFY2(jsonText(layers[i].at("diffId")) == jsonText(x["diffId"]), qPrintable(where));
        QVERIFY2(layers[i].at("sizeBytes") == x["sizeBytes"], qPrintable(where));
        QVERIFY2(layers[i].at("entryCount") == x["entryCount"], qPrintable(where));
    }
    QCOMPARE(m_sandbox.leftoverFetchDirectories(), QStringList());
}

// docker says "Error response from daemon: reference does not exist" (exit 1).
void TestSourcesFakeDocker::unknownImage()
{
    const ToolRunResult run = runIn(Cli, { QStringLiteral("analyze"), QStringLiteral("docker://ballast/nope:1") });
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("no such image")), qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("docker://ballast/nope:1")), qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    QCOMPARE(calls(), QStringList { QStringLiteral("image save ballast/nope:1") });
    QCOMPARE(m_sandbox.leftoverFetchDirectories(), QStringList());
}

// The Docker CLI installed without an engine (as on this project's own dev machine).
void TestSourcesFakeDocker::daemonNotRunning()
{
    qputenv("BALLAST_FAKE_DOCKER_DAEMON", "down");
    const ToolRunResult run = runIn(Cli, { QStringLiteral("analyze"), QStringLiteral("docker://ballast/whiteouts:1") });
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("not running")), qPrintable(run.describe()));
    QVERIFY2(!run.err.contains(QLatin1String("no such image")), qPrintable(run.describe()));
}

void TestSourcesFakeDocker::dockerNotOnPath()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QVERIFY(QDir().mkpath(m_sandbox.path(QStringLiteral("empty-bin"))));
    environment.insert(QStringLiteral("PATH"), m_sandbox.path(QStringLiteral("empty-bin")));
    const ToolRunResult run
        = runIn(Cli, { QStringLiteral("analyze"), QStringLiteral("docker://ballast/whiteouts:1") }, environment);
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("docker not found: install docker or open a tarball")),
        qPrintable(run.describe()));
    QCOMPARE(calls(), QStringList());
}

// `docker image ls --format '{{json .}}'`: docker's human sizes are decimal (go-units), its times
// "2006-01-02 15:04:05 -0700 MST".
void TestSourcesFakeDocker::listsDockerImages()
{
    std::vector<ballast::EngineImage> images;
    try {
        images = ballast::listEngineImages(QStringLiteral("docker"));
    } catch (const std::exception &error) {
        QFAIL(error.what());
    }
    QCOMPARE(calls(), QStringList { QStringLiteral("image ls --format {{json .}}") });
    QCOMPARE(images.size(), size_t(2));
    const ballast::EngineImage &tagged = images[0];
    QCOMPARE(tagged.engine, QStringLiteral("docker"));
    QCOMPARE(tagged.repository, QStringLiteral("ballast/whiteouts"));
    QCOMPARE(tagged.tag, QStringLiteral("1"));
    QCOMPARE(tagged.id, QStringLiteral("a8aa6c72d8e9"));
    QCOMPARE(tagged.size, int64_t(1250000));
    QCOMPARE(tagged.created, QDateTime(QDate(2024, 5, 1), QTime(10, 0), QTimeZone::utc()));
    QCOMPARE(tagged.sourceUri(), QStringLiteral("docker://ballast/whiteouts:1"));
    const ballast::EngineImage &untagged = images[1];
    QCOMPARE(untagged.repository, QStringLiteral("<none>"));
    QCOMPARE(untagged.size, int64_t(26400000));
    QCOMPARE(untagged.created, QDateTime(QDate(2023, 12, 24), QTime(17, 30), QTimeZone::utc())); // 18:30 +0100
    QCOMPARE(untagged.sourceUri(), QStringLiteral("docker://cbcf0f323e65"));
}

void TestSourcesFakeDocker::availableEngines()
{
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", m_bin.toUtf8());
    const QStringList onlyDocker = ballast::availableEngines();
    qputenv("PATH", path);
    QCOMPARE(onlyDocker, QStringList { QStringLiteral("docker") });
}

QTEST_GUILESS_MAIN(TestSourcesFakeDocker)
#include "test_sources_fake_docker.moc"
