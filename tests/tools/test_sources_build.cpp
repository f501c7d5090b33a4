// `ballast-cli build` with the real builders on the committed context tests/fixtures/build (FROM
// scratch, COPY only), in a private store (ToolSandbox). Every layer's files and sizes are known from
// the fixture's files; which Dockerfile line made which layer is known from the Dockerfile.
#include "ToolSandbox.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using nlohmann::json;

namespace {

const QString Cli = QStringLiteral(BALLAST_CLI_PATH);
const QString Context = QStringLiteral(BALLAST_SOURCE_DIR "/tests/fixtures/build");

// The fixture's files, checked on disk in initTestCase so that an edit of the fixture shows here.
const std::pair<const char *, int64_t> FixtureFiles[]
    = { { "greeting.txt", 38 }, { "data/notes.txt", 41 }, { "data/numbers.txt", 5000 } };

struct ExpectedLayer {
    int entries; // buildah: a file COPY is the file alone; a directory COPY adds its directories
    int files;
    int64_t bytes;
};
// tests/fixtures/build/Dockerfile: greeting.txt; srv/, srv/data/ and two files; srv/ and numbers-again.txt.
const ExpectedLayer DockerfileLayers[] = { { 1, 1, 38 }, { 4, 2, 41 + 5000 }, { 2, 1, 5000 } };
// tests/fixtures/build/other.Dockerfile: notes.txt.
const ExpectedLayer OtherLayers[] = { { 1, 1, 41 } };

struct ExpectedLine {
    int line;
    const char *instruction;
    int layerIndex; // -1: null (no layer)
    int historyIndex; // -1: null (FROM)
};
const ExpectedLine DockerfileLines[] = {
    { 4, "FROM", -1, -1 },
    { 5, "LABEL", -1, 0 },
    { 6, "COPY", 0, 1 },
    { 7, "ENV", -1, 2 },
    { 8, "COPY", 1, 3 },
    { 9, "COPY", 2, 4 },
    { 10, "CMD", -1, 5 },
};
const ExpectedLine OtherLines[] = { { 3, "FROM", -1, -1 }, { 4, "COPY", 0, 0 } };

} // namespace

class TestSourcesBuild : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void build_data();
    void build();
    void defaultBuilderSkipsDockerWithoutEngine();
    void failedBuild();
    void noBuilderOnPath();
    void cleanupTestCase();

private:
    ToolSandbox m_sandbox;
    QString m_machineStamp;
    bool m_started = false;
};

void TestSourcesBuild::initTestCase()
{
    BALLAST_REQUIRE_TOOLS(QStringLiteral("buildah"), QStringLiteral("podman"));
    QVERIFY2(QFile::exists(Cli), qPrintable(Cli));
    for (const auto &[path, size] : FixtureFiles)
        QVERIFY2(QFileInfo(Context + QLatin1Char('/') + QLatin1String(path)).size() == size,
            qPrintable(QStringLiteral("%1/%2 is not %3 bytes").arg(Context, QLatin1String(path)).arg(size)));
    QVERIFY(m_sandbox.isValid());
    m_machineStamp = ToolSandbox::machineStorageStamp();
    m_sandbox.apply();
    m_started = true;
}

void TestSourcesBuild::build_data()
{
    QTest::addColumn<QString>("builder");
    QTest::addColumn<QStringList>("buildArgs");
    QTest::addColumn<QString>("dockerfile");
    const QString other = Context + QStringLiteral("/other.Dockerfile");
    QTest::newRow("buildah") << QStringLiteral("buildah") << QStringList() << Context + QStringLiteral("/Dockerfile");
    QTest::newRow("buildah -f") << QStringLiteral("buildah") << QStringList { QStringLiteral("-f"), other } << other;
    QTest::newRow("podman") << QStringLiteral("podman") << QStringList() << Context + QStringLiteral("/Dockerfile");
}

void TestSourcesBuild::build()
{
    QFETCH(QString, builder);
    QFETCH(QStringList, buildArgs);
    QFETCH(QString, dockerfile);
    const bool other = !buildArgs.isEmpty();
    const QStringList arguments = QStringList { QStringLiteral("build"), QStringLiteral("--builder"), builder,
        QStringLiteral("--format"), QStringLiteral("json") }
        + buildArgs + QStringList { QStringLiteral("--"), Context };
    const ToolRunResult run = runIn(Cli, arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(
        run.err.contains(QStringLiteral("with ") + builder), qPrintable(run.err)); // "built podman://ID with podman"
    QString error;
    const json report = parseJson(run.out, error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const auto *layers = other ? std::begin(OtherLayers) : std::begin(DockerfileLayers);
    const size_t layerCount = other ? std::size(OtherLayers) : std::size(DockerfileLayers);
    QCOMPARE(report.at("layers").size(), layerCount);
    int64_t total = 0;
    for (size_t i = 0; i < layerCount; ++i) {
        const json &got = report["layers"][i];
        const QString where = QStringLiteral("layer %1: %2").arg(i).arg(QString::fromStdString(got.dump()));
        QVERIFY2(got.at("entryCount").get<int>() == layers[i].entries, qPrintable(where));
        QVERIFY2(got.at("fileCount").get<int>() == layers[i].files, qPrintable(where));
        QVERIFY2(got.at("sizeBytes").get<int64_t>() == layers[i].bytes, qPrintable(where));
        total += layers[i].bytes;
    }
    QCOMPARE(report.at("image").at("sizeBytes").get<int64_t>(), total);

    QVERIFY2(report.contains("dockerfile"), "no \"dockerfile\" member in the report");
    const json &mapping = report["dockerfile"];
    QCOMPARE(jsonText(mapping.at("path")), dockerfile);
    QCOMPARE(mapping.at("errors").size(), size_t(0));
    const auto *lines = other ? std::begin(OtherLines) : std::begin(DockerfileLines);
    const size_t lineCount = other ? std::size(OtherLines) : std::size(DockerfileLines);
    const json &instructions = mapping.at("instructions");
    QCOMPARE(instructions.size(), lineCount);
    for (size_t i = 0; i < lineCount; ++i) {
        const json &got = instructions[i];
        const ExpectedLine &x = lines[i];
        const QString where
            = QStringLiteral("%1 line %2: %3").arg(dockerfile).arg(x.line).arg(QString::fromStdString(got.dump()));
        QVERIFY2(got.at("line").get<int>() == x.line, qPrintable(where));
        QVERIFY2(jsonText(got.at("instruction")) == QLatin1String(x.instruction), qPrintable(where));
        if (x.layerIndex < 0) {
            QVERIFY2(got.at("layerIndex").is_null(), qPrintable(where));
        } else {
            QVERIFY2(got.at("layerIndex") == x.layerIndex, qPrintable(where));
            QVERIFY2(got.at("sizeBytes") == layers[x.layerIndex].bytes, qPrintable(where));
            QVERIFY2(jsonText(got.at("confidence")) == QLatin1String("exact"), qPrintable(where));
        }
        if (x.historyIndex < 0)
            QVERIFY2(got.at("historyIndex").is_null(), qPrintable(where));
        else
            QVERIFY2(got.at("historyIndex") == x.historyIndex, qPrintable(where));
    }
    QCOMPARE(m_sandbox.leftoverFetchDirectories(), QStringList());
}

// Without --builder the first of docker, podman, buildah is used, but a Docker CLI whose engine does
// not answer `docker version` is passed over (the fake Docker CLI, first on PATH, says so).
void TestSourcesBuild::defaultBuilderSkipsDockerWithoutEngine()
{
    const QString bin
        = m_sandbox.installFakeDocker(QStringLiteral(BALLAST_SOURCE_DIR "/tests/tools/fake-docker/docker"));
    QVERIFY(!bin.isEmpty());
    const QString log = m_sandbox.path(QStringLiteral("docker-calls.log"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PATH"), bin + QLatin1Char(':') + environment.value(QStringLiteral("PATH")));
    environment.insert(QStringLiteral("BALLAST_FAKE_DOCKER_DAEMON"), QStringLiteral("down"));
    environment.insert(QStringLiteral("BALLAST_FAKE_DOCKER_LOG"), log);
    const ToolRunResult run = runIn(Cli,
        { QStringLiteral("build"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--"), Context },
        environment);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String(" with podman")), qPrintable(run.err));
    QFile calls(log);
    QVERIFY(calls.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(calls.readAll()), QStringLiteral("version --format {{.Server.Version}}\n"));
    QString error;
    const json report = parseJson(run.out, error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(report.at("layers").size(), std::size(DockerfileLayers));
}

// A COPY of a file that is not in the context: the builder's own words reach the user, exit 2.
void TestSourcesBuild::failedBuild()
{
    const QString context = m_sandbox.path(QStringLiteral("broken-context"));
    QVERIFY(QDir().mkpath(context));
    QFile dockerfile(context + QStringLiteral("/Dockerfile"));
    QVERIFY(dockerfile.open(QIODevice::WriteOnly));
    dockerfile.write("FROM scratch\nCOPY missing.txt /missing.txt\n");
    dockerfile.close();
    const ToolRunResult run = runIn(Cli,
        { QStringLiteral("build"), QStringLiteral("--builder"), QStringLiteral("buildah"), QStringLiteral("--"),
            context });
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("buildah build failed")), qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("missing.txt")), qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
}

void TestSourcesBuild::noBuilderOnPath()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QVERIFY(QDir().mkpath(m_sandbox.path(QStringLiteral("empty-bin"))));
    environment.insert(QStringLiteral("PATH"), m_sandbox.path(QStringLiteral("empty-bin")));
    const ToolRunResult any = runIn(Cli, { QStringLiteral("build"), QStringLiteral("--"), Context }, environment);
    QVERIFY2(any.exitCode == 2, qPrintable(any.describe()));
    QVERIFY2(any.err.contains(QLatin1String("no image builder found: install docker, podman or buildah")),
        qPrintable(any.describe()));
    const ToolRunResult named = runIn(Cli,
        { QStringLiteral("build"), QStringLiteral("--builder"), QStringLiteral("podman"), QStringLiteral("--"),
            Context },
        environment);
    QVERIFY2(named.exitCode == 2, qPrintable(named.describe()));
    QVERIFY2(named.err.contains(QLatin1String("podman not found: install podman or")), qPrintable(named.describe()));
}

void TestSourcesBuild::cleanupTestCase()
{
    if (m_started)
        QCOMPARE(ToolSandbox::machineStorageStamp(), m_machineStamp);
}

QTEST_GUILESS_MAIN(TestSourcesBuild)
#include "test_sources_build.moc"
