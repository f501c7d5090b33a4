// podman:// and buildah:// with the real tools: the test builds an image with buildah into a private
// vfs store (ToolSandbox), then `ballast-cli analyze podman://…` runs plain `podman image save` on it.
// The layers' files and sizes are known by construction: the test writes them.
#include "ToolSandbox.h"

#include "source/EngineImages.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTest>

using nlohmann::json;

namespace {

const QString Cli = QStringLiteral(BALLAST_CLI_PATH);
const QString ImageName = QStringLiteral("localhost/ballast-test:1");

// The build context: FROM scratch and COPY only (no base image, no shell), two layers.
// buildah stores a COPY of a directory with the directory itself as an entry, a file COPY alone.
struct ContextFile {
    const char *path;
    int size;
};
const ContextFile Files[] = { { "one.bin", 4096 }, { "two/a.txt", 1000 }, { "two/b.txt", 2500 } };
const char *const Dockerfile = "FROM scratch\n"
                               "COPY one.bin /one.bin\n"
                               "COPY two/ /two/\n";
struct ExpectedLayer {
    int entries;
    int files;
    int64_t bytes;
    const char *copied; // what its history line names
};
const ExpectedLayer Layers[] = { { 1, 1, 4096, "in /one.bin" }, { 3, 2, 3500, "in /two/" } };

} // namespace

class TestSourcesPodman : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void storeIsPrivate();
    void analyzeByName();
    void analyzeByImageId();
    void analyzeFromBuildah();
    void missingImage_data();
    void missingImage();
    void podmanNotOnPath();
    void listsPodmanImages();
    void cleanupTestCase();

private:
    // Runs `ballast-cli analyze SOURCE --format json`; checks exit 0 and returns the report.
    json analyze(const QString &source);
    void checkLayers(const json &report, const QString &source);

    ToolSandbox m_sandbox;
    QString m_imageId; // 64 hex digits, from buildah
    QStringList m_diffIds; // from `podman image inspect`: podman's own record of the layers
    QString m_machineStamp;
    QDateTime m_builtAfter;
};

void TestSourcesPodman::initTestCase()
{
    BALLAST_REQUIRE_TOOLS(QStringLiteral("podman"), QStringLiteral("buildah"));
    QVERIFY2(QFile::exists(Cli), qPrintable(Cli));
    QVERIFY(m_sandbox.isValid());
    m_machineStamp = ToolSandbox::machineStorageStamp();
    m_sandbox.apply();

    const QDir context(m_sandbox.path(QStringLiteral("context")));
    QVERIFY(QDir().mkpath(context.filePath(QStringLiteral("two"))));
    for (const ContextFile &file : Files) {
        QFile out(context.filePath(QLatin1String(file.path)));
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(out.write(QByteArray(file.size, 'x')), qint64(file.size));
    }
    QFile dockerfile(context.filePath(QStringLiteral("Dockerfile")));
    QVERIFY(dockerfile.open(QIODevice::WriteOnly));
    dockerfile.write(Dockerfile);
    dockerfile.close();

    m_builtAfter = QDateTime::currentDateTimeUtc().addSecs(-1);
    const ToolRunResult built = runIn(QStringLiteral("buildah"),
        { QStringLiteral("bud"), QStringLiteral("--quiet"), QStringLiteral("--layers"), QStringLiteral("-t"), ImageName,
            context.path() });
    QVERIFY2(built.exitCode == 0, qPrintable(built.describe()));
    m_imageId = built.out.trimmed();
    QVERIFY2(m_imageId.size() == 64, qPrintable(built.describe()));

    const ToolRunResult inspect = runIn(QStringLiteral("podman"),
        { QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("--format"),
            QStringLiteral("{{json .RootFS.Layers}}"), ImageName });
    QVERIFY2(inspect.exitCode == 0, qPrintable(inspect.describe()));
    QString error;
    const json layers = parseJson(inspect.out, error);
    QVERIFY2(error.isEmpty() && layers.is_array(), qPrintable(error + inspect.out));
    for (const json &layer : layers)
        m_diffIds << jsonText(layer);
    QCOMPARE(m_diffIds.size(), int(std::size(Layers)));
}

// The environment alone moved podman and buildah into the sandbox: the image is in its store, and
// the machine's store did not change.
void TestSourcesPodman::storeIsPrivate()
{
    QFile images(m_sandbox.path(QStringLiteral("graph/vfs-images/images.json")));
    QVERIFY2(images.open(QIODevice::ReadOnly), qPrintable(images.fileName()));
    QVERIFY2(images.readAll().contains(m_imageId.toLatin1()), "the built image is not in the sandbox's store");
    QCOMPARE(ToolSandbox::machineStorageStamp(), m_machineStamp);
    QVERIFY2(QFile::exists(m_sandbox.path(QStringLiteral("libpod-tmp"))), "podman did not use the sandbox's tmp_dir");
}

json TestSourcesPodman::analyze(const QString &source)
{
    const ToolRunResult run
        = runIn(Cli, { QStringLiteral("analyze"), source, QStringLiteral("--format"), QStringLiteral("json") });
    if (run.exitCode != 0) {
        QTest::qFail(qPrintable(run.describe()), __FILE__, __LINE__);
        return {};
    }
    QString error;
    json report = parseJson(run.out, error);
    if (!error.isEmpty())
        QTest::qFail(qPrintable(source + QStringLiteral(": ") + error), __FILE__, __LINE__);
    return report;
}

void TestSourcesPodman::checkLayers(const json &report, const QString &source)
{
    QVERIFY2(report.is_object(), qPrintable(source));
    const json &layers = report.at("layers");
    QCOMPARE(layers.size(), std::size(Layers));
    int64_t total = 0;
    for (size_t i = 0; i < std::size(Layers); ++i) {
        const json &layer = layers[i];
        const ExpectedLayer &x = Layers[i];
        const QString where = QStringLiteral("%1 layer %2").arg(source).arg(i);
        QVERIFY2(layer.at("entryCount").get<int>() == x.entries,
            qPrintable(where + ": " + QString::fromStdString(layer.dump())));
        QVERIFY2(layer.at("fileCount").get<int>() == x.files, qPrintable(where));
        QVERIFY2(layer.at("sizeBytes").get<int64_t>() == x.bytes, qPrintable(where));
        QVERIFY2(jsonText(layer.at("diffId")) == m_diffIds[int(i)],
            qPrintable(where + " diffId " + jsonText(layer.at("diffId"))));
        QVERIFY2(jsonText(layer.at("createdBy")).contains(QLatin1String(x.copied)), qPrintable(where));
        total += x.bytes;
    }
    const json &image = report.at("image");
    QCOMPARE(image.at("layerCount").get<int>(), int(std::size(Layers)));
    QCOMPARE(image.at("sizeBytes").get<int64_t>(), total);
    QCOMPARE(image.at("finalSizeBytes").get<int64_t>(), total); // nothing overwritten or deleted
    QCOMPARE(image.at("fileCount").get<int>(), 3);
    QVERIFY2(jsonText(image.at("configDigest")).endsWith(m_imageId), qPrintable(jsonText(image.at("configDigest"))));
    QCOMPARE(m_sandbox.leftoverFetchDirectories(), QStringList()); // the saved archive is gone
}

void TestSourcesPodman::analyzeByName()
{
    const QString source = QStringLiteral("podman://") + ImageName;
    const json report = analyze(source);
    checkLayers(report, source);
    if (QTest::currentTestFailed())
        return;
    // podman's docker-archive keeps the name it was asked for.
    QCOMPARE(jsonText(report.at("image").at("tags")), QStringLiteral(R"(["localhost/ballast-test:1"])"));
}

void TestSourcesPodman::analyzeByImageId()
{
    const QString source = QStringLiteral("podman://") + m_imageId.left(12);
    checkLayers(analyze(source), source);
}

void TestSourcesPodman::analyzeFromBuildah()
{
    const QString source = QStringLiteral("buildah://") + ImageName;
    checkLayers(analyze(source), source);
}

void TestSourcesPodman::missingImage_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("podman, qualified") << QStringLiteral("podman://localhost/nope:1");
    QTest::newRow("podman, short name") << QStringLiteral("podman://nope");
    QTest::newRow("buildah") << QStringLiteral("buildah://localhost/nope:1");
}

// podman says "Error: localhost/nope:1: image not known" (exit 125); Ballast says it in its words.
void TestSourcesPodman::missingImage()
{
    QFETCH(QString, source);
    const ToolRunResult run
        = runIn(Cli, { QStringLiteral("analyze"), source, QStringLiteral("--format"), QStringLiteral("json") });
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("no such image")), qPrintable(run.describe()));
    QVERIFY2(run.err.contains(source), qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    QCOMPARE(m_sandbox.leftoverFetchDirectories(), QStringList());
}

void TestSourcesPodman::podmanNotOnPath()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QVERIFY(QDir().mkpath(m_sandbox.path(QStringLiteral("empty-bin"))));
    environment.insert(QStringLiteral("PATH"), m_sandbox.path(QStringLiteral("empty-bin")));
    const ToolRunResult run
        = runIn(Cli, { QStringLiteral("analyze"), QStringLiteral("podman://") + ImageName }, environment);
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("podman not found: install podman or open a tarball")),
        qPrintable(run.describe()));
}

// The listing the Open dialog shows, from the real `podman images --format json`.
void TestSourcesPodman::listsPodmanImages()
{
    QVERIFY(ballast::availableEngines().contains(QStringLiteral("podman")));
    std::vector<ballast::EngineImage> images;
    try {
        images = ballast::listEngineImages(QStringLiteral("podman"));
    } catch (const std::exception &error) {
        QFAIL(error.what());
    }
    QCOMPARE(images.size(), size_t(1)); // the sandbox's store holds only the test's image
    const ballast::EngineImage &image = images.front();
    QCOMPARE(image.engine, QStringLiteral("podman"));
    QCOMPARE(image.repository, QStringLiteral("localhost/ballast-test"));
    QCOMPARE(image.tag, QStringLiteral("1"));
    QCOMPARE(image.id, m_imageId.left(12));
    QCOMPARE(image.sourceUri(), QStringLiteral("podman://localhost/ballast-test:1"));
    QVERIFY2(image.size > 7596, qPrintable(QString::number(image.size))); // the files plus tar headers and config
    QVERIFY2(image.created >= m_builtAfter && image.created <= QDateTime::currentDateTimeUtc(),
        qPrintable(image.created.toString(Qt::ISODate) + " not after " + m_builtAfter.toString(Qt::ISODate)));
}

void TestSourcesPodman::cleanupTestCase()
{
    if (!m_imageId.isEmpty()) // initTestCase got as far as building
        QCOMPARE(ToolSandbox::machineStorageStamp(), m_machineStamp);
}

QTEST_GUILESS_MAIN(TestSourcesPodman)
#include "test_sources_podman.moc"
