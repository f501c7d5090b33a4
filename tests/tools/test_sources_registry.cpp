// registry:// with the real tools: a private docker-registry on 127.0.0.1 (plain HTTP) holds the
// Ballast sample image, pushed there by skopeo; `ballast-cli analyze registry://…` pulls it with
// `skopeo copy`. The figures come from resources/sample/expected.json (independent oracle); a registry
// copy keeps every blob as it is, so the digests are those of the committed archive.
#include "RegistryServer.h"
#include "ToolSandbox.h"

#include <QDir>
#include <QFile>
#include <QTest>

using nlohmann::json;

namespace {

const QString Cli = QStringLiteral(BALLAST_CLI_PATH);
const QString Sample = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/sample.oci-gzip.tar");
const QString Expected = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/expected.json");

} // namespace

class TestSourcesRegistry : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void pullWithInsecureFlag();
    void pullByDigest();
    void plainHttpRefusedWithoutInsecure();
    void insecureInRegistriesConf();
    void missingImage_data();
    void missingImage();
    void unreachableRegistry_data();
    void unreachableRegistry();
    void skopeoNotOnPath();
    void cleanupTestCase();

private:
    ToolRunResult analyze(const QString &source, const QStringList &extra = {}) const;
    // Checks a report against expected.json, naming `source` in every failure.
    void checkSample(const ToolRunResult &run, const QString &source);

    ToolSandbox m_sandbox;
    RegistryServer m_registry;
    json m_expected;
    QString m_source; // registry://127.0.0.1:PORT/ballast/sample:1
};

void TestSourcesRegistry::initTestCase()
{
    BALLAST_REQUIRE_TOOLS(QStringLiteral("skopeo"), QStringLiteral("docker-registry"));
    QVERIFY2(QFile::exists(Cli), qPrintable(Cli));
    QFile expected(Expected);
    QVERIFY(expected.open(QIODevice::ReadOnly));
    m_expected = json::parse(expected.readAll().toStdString());
    QVERIFY(m_sandbox.isValid());
    m_sandbox.apply();

    const QString failure = m_registry.start(m_sandbox.path());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    // Pushing needs --dest-tls-verify=false: skopeo treats 127.0.0.1 like any other host (HTTPS).
    const QString image = m_registry.host() + QStringLiteral("/ballast/sample:1");
    const ToolRunResult pushed = runIn(QStringLiteral("skopeo"),
        { QStringLiteral("copy"), QStringLiteral("--quiet"), QStringLiteral("--dest-tls-verify=false"),
            QStringLiteral("oci-archive:") + Sample, QStringLiteral("docker://") + image });
    QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.describe()));
    m_source = QStringLiteral("registry://") + image;
}

ToolRunResult TestSourcesRegistry::analyze(const QString &source, const QStringList &extra) const
{
    return runIn(Cli,
        QStringList { QStringLiteral("analyze"), source, QStringLiteral("--format"), QStringLiteral("json") } + extra);
}

void TestSourcesRegistry::checkSample(const ToolRunResult &run, const QString &source)
{
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QString error;
    const json report = parseJson(run.out, error);
    QVERIFY2(error.isEmpty(), qPrintable(source + ": " + error));
    const json &archive = m_expected["archives"][0];
    const json &image = report.at("image");
    QCOMPARE(image.at("layerCount").get<int>(), m_expected["layerCount"].get<int>());
    QCOMPARE(jsonText(image.at("configDigest")), jsonText(archive["config"]["digest"]));
    QCOMPARE(image.at("sizeBytes").get<int64_t>(), m_expected["totals"]["layerSizeBytes"].get<int64_t>());
    const json &final = m_expected["finalFilesystem"];
    QCOMPARE(image.at("entryCount").get<int64_t>(), final["entryCount"].get<int64_t>());
    QCOMPARE(image.at("fileCount").get<int64_t>(), final["fileCount"].get<int64_t>());
    QCOMPARE(image.at("finalSizeBytes").get<int64_t>(), final["finalSizeBytes"].get<int64_t>());
    const json &layers = report.at("layers");
    QCOMPARE(layers.size(), m_expected["layers"].size());
    for (size_t i = 0; i < layers.size(); ++i) {
        const json &got = layers[i];
        const json &x = m_expected["layers"][i];
        const json &blob = archive["layers"][i];
        const QString where = QStringLiteral("%1 layer %2: ").arg(source).arg(i);
        QVERIFY2(jsonText(got.at("diffId")) == jsonText(x["diffId"]), qPrintable(where + jsonText(got.at("diffId"))));
        QVERIFY2(
            jsonText(got.at("digest")) == jsonText(blob["digest"]), qPrintable(where + jsonText(got.at("digest"))));
        QVERIFY2(got.at("sizeBytes") == x["sizeBytes"], qPrintable(where + QString::fromStdString(got.dump())));
        QVERIFY2(got.at("compressedSizeBytes") == blob["size"], qPrintable(where + QString::fromStdString(got.dump())));
        QVERIFY2(got.at("entryCount") == x["entryCount"], qPrintable(where + QString::fromStdString(got.dump())));
    }
    QCOMPARE(m_sandbox.leftoverFetchDirectories(), QStringList()); // the pulled layout is gone
}

void TestSourcesRegistry::pullWithInsecureFlag()
{
    checkSample(analyze(m_source, { QStringLiteral("--insecure") }), m_source);
}

void TestSourcesRegistry::pullByDigest()
{
    const QString source = QStringLiteral("registry://%1/ballast/sample@%2")
                               .arg(m_registry.host(), jsonText(m_expected["archives"][0]["manifest"]["digest"]));
    checkSample(analyze(source, { QStringLiteral("--insecure") }), source);
}

// skopeo: "pinging container registry 127.0.0.1:PORT: Get "https://…/v2/": http: server gave HTTP
// response to HTTPS client" — Ballast must say what to do about it.
void TestSourcesRegistry::plainHttpRefusedWithoutInsecure()
{
    const ToolRunResult run = analyze(m_source);
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("--insecure")), qPrintable(run.describe()));
    QVERIFY2(run.err.contains(m_registry.host()), qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    QCOMPARE(m_sandbox.leftoverFetchDirectories(), QStringList());
}

// The user's own registries.conf decides when --insecure is not given (skopeo 1.9 reads
// $HOME/.config/containers/registries.conf; later versions CONTAINERS_REGISTRIES_CONF: both are written).
void TestSourcesRegistry::insecureInRegistriesConf()
{
    m_sandbox.writeRegistriesConf({ m_registry.host() });
    const ToolRunResult run = analyze(m_source);
    m_sandbox.writeRegistriesConf();
    checkSample(run, m_source + QStringLiteral(" (insecure in registries.conf)"));
}

void TestSourcesRegistry::missingImage_data()
{
    QTest::addColumn<QString>("image");
    QTest::newRow("missing tag") << QStringLiteral("ballast/sample:2");
    QTest::newRow("missing repository") << QStringLiteral("ballast/nothing:1");
    QTest::newRow("no tag, no latest") << QStringLiteral("ballast/sample");
}

// skopeo: "reading manifest 2 in 127.0.0.1:PORT/ballast/sample: manifest unknown: manifest unknown".
void TestSourcesRegistry::missingImage()
{
    QFETCH(QString, image);
    const QString source = QStringLiteral("registry://%1/%2").arg(m_registry.host(), image);
    const ToolRunResult run = analyze(source, { QStringLiteral("--insecure") });
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("no such image")), qPrintable(run.describe()));
    QVERIFY2(run.err.contains(source), qPrintable(run.describe()));
    QCOMPARE(m_sandbox.leftoverFetchDirectories(), QStringList());
}

void TestSourcesRegistry::unreachableRegistry_data()
{
    QTest::addColumn<quint16>("port");
    QTest::newRow("any free port") << RegistryServer::freePort();
    // A port that reads like an HTTP status is still a refused connection, not a refused login.
    for (const quint16 first : { 40100, 40300, 40400 })
        for (quint16 port = first; port < first + 100; ++port)
            if (RegistryServer::isFree(port)) {
                QTest::newRow(qPrintable(QStringLiteral("port %1").arg(port))) << port;
                break;
            }
}

void TestSourcesRegistry::unreachableRegistry()
{
    QFETCH(quint16, port);
    QVERIFY(port != 0);
    const QString source = QStringLiteral("registry://127.0.0.1:%1/ballast/sample:1").arg(port);
    const ToolRunResult run = analyze(source, { QStringLiteral("--insecure") });
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("cannot reach")), qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("connection refused")), qPrintable(run.describe())); // skopeo's words, kept
}

void TestSourcesRegistry::skopeoNotOnPath()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QVERIFY(QDir().mkpath(m_sandbox.path(QStringLiteral("empty-bin"))));
    environment.insert(QStringLiteral("PATH"), m_sandbox.path(QStringLiteral("empty-bin")));
    const ToolRunResult run
        = runIn(Cli, { QStringLiteral("analyze"), m_source, QStringLiteral("--insecure") }, environment);
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("skopeo not found: install skopeo or ")), qPrintable(run.describe()));
}

void TestSourcesRegistry::cleanupTestCase()
{
    const QString host = m_registry.host();
    m_registry.stop();
    QVERIFY2(!m_registry.isRunning(), qPrintable("docker-registry still runs on " + host));
}

QTEST_GUILESS_MAIN(TestSourcesRegistry)
#include "test_sources_registry.moc"
