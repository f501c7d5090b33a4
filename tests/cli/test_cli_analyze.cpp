// `ballast-cli analyze` run as a user would run it (QProcess), on the sample image; the values come
// from resources/sample/expected.json, written by the independent oracle expected_from_tar.py.
#include "CliRun.h"
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

const QString Cli = QStringLiteral(BALLAST_CLI_PATH);
const QString Sample = QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/sample.oci-gzip.tar");

using Run = CliRun;

Run runCli(const QStringList &arguments, const QString &workingDirectory = {})
{
    return runProgram(Cli, arguments, workingDirectory);
}

QString q(const json &j)
{
    return j.is_string() ? QString::fromStdString(j.get<std::string>()) : QString::fromStdString(j.dump());
}

// The instruction as a table would show it, found independently of Ballast's cleaning: without the
// shell prefix, and only its start (tables shorten long commands).
QString recognizable(const json &createdBy)
{
    QString text = q(createdBy).trimmed();
    for (const char *prefix : { "/bin/sh -c #(nop) ", "/bin/sh -c " })
        if (text.startsWith(QLatin1String(prefix))) {
            text = text.mid(qsizetype(strlen(prefix))).trimmed();
            break;
        }
    return text.left(40);
}

} // namespace

class TestCliAnalyze : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void imageFields();
    void layers_data();
    void layers();
    void history_data();
    void history();
    void textFormat();
    void errors_data();
    void errors();
    void version();
    void debugLoggingOnRequest();

private:
    json m_expected; // resources/sample/expected.json
    json m_output; // ballast-cli analyze SAMPLE --format json
    QTemporaryDir m_tmp;
};

void TestCliAnalyze::initTestCase()
{
    QVERIFY2(QFile::exists(Cli), qPrintable(Cli));
    QFile file(QStringLiteral(BALLAST_SOURCE_DIR "/resources/sample/expected.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_expected = json::parse(file.readAll().toStdString());

    const Run run = runCli({ QStringLiteral("analyze"), Sample, QStringLiteral("--format"), QStringLiteral("json") });
    QVERIFY2(run.exitCode == 0, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    try {
        m_output = json::parse(run.out.toStdString());
    } catch (const json::exception &e) {
        QFAIL(qPrintable(QStringLiteral("stdout is not JSON: ") + e.what() + "\n" + run.out.left(500)));
    }
    QVERIFY(m_output.is_object());
    QVERIFY(m_tmp.isValid());
}

void TestCliAnalyze::imageFields()
{
    const json &image = m_output.at("image");
    const json &archive = m_expected["archives"][0];
    QVERIFY2(image.at("tags") == archive["tags"], image.at("tags").dump().c_str());
    QVERIFY(!archive["tags"].empty());
    QCOMPARE(q(image.at("os")), q(m_expected["os"]));
    QCOMPARE(q(image.at("architecture")), q(m_expected["architecture"]));

    int64_t layerBytes = 0, storedBytes = 0;
    for (const json &l : m_expected["layers"])
        layerBytes += l["sizeBytes"].get<int64_t>();
    for (const json &l : archive["layers"])
        storedBytes += l["size"].get<int64_t>();
    QCOMPARE(layerBytes, m_expected["totals"]["layerSizeBytes"].get<int64_t>());
    QCOMPARE(image.at("sizeBytes").get<int64_t>(), layerBytes); // the sum of the layers' sizes
    QCOMPARE(image.at("compressedSizeBytes").get<int64_t>(), storedBytes);

    const json &fin = m_expected["finalFilesystem"];
    QCOMPARE(image.at("entryCount").get<int64_t>(), fin["entryCount"].get<int64_t>());
    QCOMPARE(image.at("fileCount").get<int64_t>(), fin["fileCount"].get<int64_t>());
    QCOMPARE(image.at("finalSizeBytes").get<int64_t>(), fin["finalSizeBytes"].get<int64_t>());
    QCOMPARE(image.at("layerCount").get<int>(), m_expected["layerCount"].get<int>());
    QCOMPARE(q(image.at("configDigest")), q(archive["config"]["digest"]));
    QCOMPARE(m_output.at("layers").size(), m_expected["layers"].size());
    QCOMPARE(m_output.at("history").size(), m_expected["history"].size());
}

void TestCliAnalyze::layers_data()
{
    QTest::addColumn<int>("index");
    for (int k = 0; k < 7; ++k) // the sample's 7 layers (checked against expected.json in imageFields)
        QTest::addRow("layer %d", k) << k;
}

void TestCliAnalyze::layers()
{
    QFETCH(int, index);
    const json &layers = m_output.at("layers");
    QVERIFY(size_t(index) < layers.size());
    const json &got = layers[size_t(index)];
    const json &x = m_expected["layers"][size_t(index)];
    const json &blob = m_expected["archives"][0]["layers"][size_t(index)];
    QCOMPARE(got.at("index").get<int>(), index);
    QCOMPARE(q(got.at("digest")), q(blob["digest"]));
    QCOMPARE(q(got.at("diffId")), q(x["diffId"]));
    QCOMPARE(got.at("sizeBytes").get<int64_t>(), x["sizeBytes"].get<int64_t>());
    QCOMPARE(got.at("compressedSizeBytes").get<int64_t>(), blob["size"].get<int64_t>());
    QCOMPARE(got.at("entryCount").get<int64_t>(), x["entryCount"].get<int64_t>());
    QCOMPARE(got.at("fileCount").get<int64_t>(), x["regularFileCount"].get<int64_t>());
    QCOMPARE(q(got.at("createdBy")), q(x["createdBy"]));
    QCOMPARE(q(got.at("compression")), q(blob["compression"]));
    QCOMPARE(q(got.at("mediaType")), q(blob["mediaType"]));
}

void TestCliAnalyze::history_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<bool>("emptyLayer");
    QTest::addColumn<int>("layerIndex"); // -1: null
    // The sample's Dockerfile: LABEL, COPY, RUN, ENV, RUN, RUN, COPY, RUN, RUN, WORKDIR, USER, EXPOSE, CMD.
    const bool empty[] = { true, false, false, true, false, false, false, false, false, true, true, true, true };
    int layer = 0;
    for (int i = 0; i < 13; ++i)
        QTest::addRow("history %d", i) << i << empty[i] << (empty[i] ? -1 : layer++);
}

void TestCliAnalyze::history()
{
    QFETCH(int, index);
    QFETCH(bool, emptyLayer);
    QFETCH(int, layerIndex);
    const json &history = m_output.at("history");
    QVERIFY(size_t(index) < history.size());
    const json &got = history[size_t(index)];
    const json &x = m_expected["history"][size_t(index)];
    QCOMPARE(q(got.at("createdBy")), q(x["created_by"]));
    QCOMPARE(x.value("empty_layer", false), emptyLayer); // the table above agrees with the oracle
    QCOMPARE(got.at("emptyLayer").get<bool>(), emptyLayer);
    if (layerIndex < 0) {
        QVERIFY2(got.at("layerIndex").is_null(), got.at("layerIndex").dump().c_str());
    } else {
        QCOMPARE(got.at("layerIndex").get<int>(), layerIndex);
        QCOMPARE(q(m_output["layers"][size_t(layerIndex)].at("createdBy")), q(x["created_by"]));
    }
}

void TestCliAnalyze::textFormat()
{
    const Run run = runCli({ QStringLiteral("analyze"), Sample, QStringLiteral("--format"), QStringLiteral("text") });
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QVERIFY(run.out.contains(QLatin1String("ballast-sample:1")));
    QVERIFY(run.out.contains(QLatin1String("CREATED BY")));
    for (const json &layer : m_expected["layers"]) {
        const QString text = recognizable(layer["createdBy"]);
        QVERIFY(text.size() >= 20);
        QVERIFY2(run.out.contains(text), qPrintable("no \"" + text + "\" in:\n" + run.out));
    }
    for (const json &h : m_expected["history"]) { // empty steps are listed too
        const QString text = recognizable(h["created_by"]);
        QVERIFY2(run.out.contains(text), qPrintable("no \"" + text + "\" in:\n" + run.out));
    }
    // One table row per history step: a line per instruction, each starting with its layer number or "-".
    const QStringList lines = run.out.split(QLatin1Char('\n'));
    int rows = 0;
    static const QRegularExpression row(QStringLiteral("^\\s*(\\d+|-)\\s{2}"));
    for (const QString &line : lines)
        rows += row.match(line).hasMatch() ? 1 : 0;
    QCOMPARE(rows, int(m_expected["history"].size()));

    const Run byDefault = runCli({ QStringLiteral("analyze"), Sample });
    QCOMPARE(byDefault.exitCode, 0);
    QCOMPARE(byDefault.out, run.out); // text is the default
}

void TestCliAnalyze::errors_data()
{
    QTest::addColumn<QString>("file");
    QVERIFY(m_tmp.isValid());

    QTest::newRow("nonexistent") << m_tmp.filePath(QStringLiteral("no-such-image.tar"));

    QFile random(m_tmp.filePath(QStringLiteral("random-bytes.tar")));
    QVERIFY(random.open(QIODevice::WriteOnly));
    QRandomGenerator generator(20240601);
    QByteArray bytes(64 * 1024, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(generator.bounded(256));
    random.write(bytes);
    random.close();
    QTest::newRow("random bytes") << random.fileName();

    QFile empty(m_tmp.filePath(QStringLiteral("empty.tar")));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    QTest::newRow("empty file") << empty.fileName();

    QFile text(m_tmp.filePath(QStringLiteral("notes.txt")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("this is not an image\n");
    text.close();
    QTest::newRow("text file") << text.fileName();
}

void TestCliAnalyze::errors()
{
    QFETCH(QString, file);
    for (const char *format : { "json", "text" }) {
        const Run run = runCli({ QStringLiteral("analyze"), file, QStringLiteral("--format"), QLatin1String(format) });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
        const QString name = file.section(QLatin1Char('/'), -1);
        QVERIFY2(run.err.contains(name), qPrintable("stderr does not name the file: " + run.err));
        QVERIFY2(run.err.contains(QLatin1String("error")), qPrintable(run.err));
    }
}

void TestCliAnalyze::version()
{
    const Run run = runCli({ QStringLiteral("--version") });
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), QStringLiteral("ballast-cli " BALLAST_EXPECTED_VERSION));
    // The libraries it runs on, as CMake found them and as this test process's Qt reports itself.
    QVERIFY2(lines.contains(QStringLiteral("libarchive " BALLAST_EXPECTED_LIBARCHIVE)), qPrintable(run.out));
    QVERIFY2(lines.contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())), qPrintable(run.out));

    const Run bad = runCli({ QStringLiteral("analyze"), Sample, QStringLiteral("--format"), QStringLiteral("yaml") });
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains(QLatin1String("yaml")));
    QVERIFY(bad.out.isEmpty());
}

// Quiet by default (initTestCase asserts an empty stderr); a module's debug messages when asked for
// through QT_LOGGING_RULES, on stderr, named by their category, stdout unchanged.
void TestCliAnalyze::debugLoggingOnRequest()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("ballast.*.debug=true"));
    const Run run = runProgram(Cli,
        { QStringLiteral("analyze"), Sample, QStringLiteral("--format"), QStringLiteral("json") }, {}, environment);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(json::parse(run.out.toStdString()) == m_output);
    const int layers = m_expected["layerCount"].get<int>();
    const QRegularExpression decoded(
        QStringLiteral("^ballast\\.loader: \"%1\" decoded %2 layers, \\d+ bytes stored, in \\d+ ms$")
            .arg(QRegularExpression::escape(Sample))
            .arg(layers),
        QRegularExpression::MultilineOption);
    QVERIFY2(decoded.match(run.err).hasMatch(), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("\nballast.analysis: ")), qPrintable(run.err));

    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("ballast.source.debug=true"));
    const Run one = runProgram(Cli,
        { QStringLiteral("analyze"), Sample, QStringLiteral("--format"), QStringLiteral("json") }, {}, environment);
    QCOMPARE(one.exitCode, 0);
    QVERIFY2(one.err.isEmpty(), qPrintable(one.err)); // a local file runs no tool
}

QTEST_GUILESS_MAIN(TestCliAnalyze)
#include "test_cli_analyze.moc"
