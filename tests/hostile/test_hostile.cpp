// Hostile inputs: every case runs through the real ballast-cli in a sandbox (see
// HostileRunner.h) and must end as its row says: exit 2 with a message that names the file, the member
// and the problem, or exit 0 with figures known from how the input was built. Never a crash, never over
// 60 s or 400 MiB, never a file left behind or a byte of the input changed.
#include "HostileCase.h"
#include "HostileRunner.h"
#include "HostileStreams.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstring>

using namespace hostile;

namespace {

const QString Cli = QStringLiteral(BALLAST_CLI_PATH);
const QString CorpusDir = QStringLiteral(BALLAST_HOSTILE_CORPUS);
constexpr int TimeLimitSeconds = 60;
#if defined(__has_feature) // clang's spelling of gcc's __SANITIZE_ADDRESS__
#if __has_feature(address_sanitizer)
#define BALLAST_HOSTILE_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(BALLAST_HOSTILE_ASAN)
constexpr long RssLimitKiB = 3 * 400 * 1024; // ASan's shadow memory and quarantine count as resident
#else
constexpr long RssLimitKiB = 400 * 1024;
#endif

std::vector<HostileCase> committedCases()
{
    QFile file(QDir(CorpusDir).filePath(QStringLiteral("cases.json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    std::vector<HostileCase> out;
    for (const auto &item : nlohmann::json::parse(file.readAll().toStdString()))
        out.push_back(fromJson(item));
    return out;
}

QString sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("(unreadable)");
    ballast::test::Sha256Stream hash;
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(1 << 20);
        hash.update(chunk.constData(), size_t(chunk.size()));
    }
    return hash.finishDigest();
}

QStringList namesIn(const QString &directory)
{
    return QDir(directory).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
}

// The "path" members of the objects in `node`, sorted.
nlohmann::json sortedPaths(const nlohmann::json &node)
{
    std::vector<std::string> paths;
    if (node.is_array())
        for (const auto &item : node)
            if (item.is_object() && item.contains("path") && item["path"].is_string())
                paths.push_back(item["path"].get<std::string>());
    std::sort(paths.begin(), paths.end());
    return paths;
}

struct Outcome {
    QString name;
    int exitCode;
    double seconds;
    long rssKiB;
    bool passed;
};

} // namespace

class TestHostile : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void corpusIsAsDocumented();
    void hostile_data();
    void hostile();
    void cleanupTestCase();

private:
    std::vector<HostileCase> m_committed;
    std::vector<GeneratedCase> m_generated;
    std::vector<Outcome> m_outcomes;
};

void TestHostile::initTestCase()
{
    QVERIFY2(QFileInfo(Cli).isExecutable(), qPrintable(Cli + QStringLiteral(" is not built")));
    m_committed = committedCases();
    QVERIFY2(!m_committed.empty(), qPrintable(QStringLiteral("no cases in %1/cases.json").arg(CorpusDir)));
    m_generated = generatedCases();
}

// Every corpus file belongs to a case, and stays small: the big inputs are generated.
void TestHostile::corpusIsAsDocumented()
{
    QStringList listed;
    for (const HostileCase &c : m_committed) {
        QVERIFY2(QFileInfo::exists(QDir(CorpusDir).filePath(c.file)),
            qPrintable(c.name + QStringLiteral(": missing ") + c.file));
        listed << c.file;
    }
    int64_t total = 0;
    for (const QString &name : namesIn(CorpusDir)) {
        if (name == QLatin1String("cases.json") || name == QLatin1String("README.md"))
            continue;
        QVERIFY2(listed.contains(name), qPrintable(name + QStringLiteral(" is in corpus/ but in no case")));
        const int64_t size = QFileInfo(QDir(CorpusDir).filePath(name)).size();
        QVERIFY2(size <= 64 * 1024, qPrintable(QStringLiteral("%1 is %2 bytes, over 64 KiB").arg(name).arg(size)));
        total += size;
    }
    QVERIFY2(total <= 1536 * 1024, qPrintable(QStringLiteral("the corpus is %1 bytes").arg(total)));
}

void TestHostile::hostile_data()
{
    QTest::addColumn<int>("committed"); // index into m_committed, or -1
    QTest::addColumn<int>("generated"); // index into m_generated, or -1
    for (size_t i = 0; i < m_committed.size(); ++i)
        QTest::newRow(qPrintable(m_committed[i].name)) << int(i) << -1;
    for (size_t i = 0; i < m_generated.size(); ++i)
        QTest::newRow(qPrintable(m_generated[i].name)) << -1 << int(i);
}

void TestHostile::hostile()
{
    QFETCH(int, committed);
    QFETCH(int, generated);
    QTemporaryDir caseDir; // a generated input lives alone in it
    HostileCase c;
    QString input;
    if (committed >= 0) {
        c = m_committed[size_t(committed)];
        input = QDir(CorpusDir).filePath(c.file);
    } else {
        try {
            c = m_generated[size_t(generated)].build(caseDir.path());
        } catch (const std::exception &error) {
            QFAIL(qPrintable(QStringLiteral("building the input failed: ") + QString::fromUtf8(error.what())));
        }
        input = caseDir.filePath(c.file);
    }
    const QString inputDir = QFileInfo(input).absolutePath();
    const QStringList neighboursBefore = namesIn(inputDir);
    const QString hashBefore = sha256OfFile(input);

    QStringList arguments { QStringLiteral("analyze"), input, QStringLiteral("--format"), c.format };
    arguments << c.options;
    const SandboxRun run = runSandboxed(Cli, arguments, TimeLimitSeconds);
    m_outcomes.push_back({ c.name, run.signal ? -run.signal : run.exitCode, run.seconds, run.maxRssKiB, false });
    qInfo().noquote() << QStringLiteral("%1 | exit %2 | %3 s | peak RSS %4 MiB")
                             .arg(c.name)
                             .arg(run.signal ? QStringLiteral("signal %1").arg(run.signal)
                                             : QString::number(run.exitCode))
                             .arg(run.seconds, 0, 'f', 2)
                             .arg(double(run.maxRssKiB) / 1024, 0, 'f', 1);
    const QString err = QString::fromUtf8(run.err);
    const QString context
        = QStringLiteral("\n  ballast-cli %1\n  stderr: %2").arg(arguments.join(QLatin1Char(' ')), err.left(2000));

    QVERIFY2(run.startError.isEmpty(), qPrintable(run.startError));
    QVERIFY2(!run.timedOut, qPrintable(QStringLiteral("killed after %1 s").arg(TimeLimitSeconds) + context));
    QVERIFY2(run.signal == 0,
        qPrintable(
            QStringLiteral("crashed: signal %1 (%2)").arg(run.signal).arg(QString::fromLatin1(strsignal(run.signal)))
            + context));
    QVERIFY2(run.maxRssKiB <= RssLimitKiB,
        qPrintable(
            QStringLiteral("peak RSS %1 KiB over the %2 KiB limit").arg(run.maxRssKiB).arg(RssLimitKiB) + context));
    QVERIFY2(run.exitCode == c.exitCode,
        qPrintable(QStringLiteral("exit code %1, expected %2").arg(run.exitCode).arg(c.exitCode) + context));
    for (QString expected : c.stderrHas) {
        expected.replace(QStringLiteral("{path}"), input);
        QVERIFY2(err.contains(expected), qPrintable(QStringLiteral("stderr lacks \"%1\"").arg(expected) + context));
    }
    if (c.exitCode == 0 && !run.err.isEmpty())
        qInfo().noquote() << "  stderr of a successful run:" << err.left(500);
    if (c.format == QLatin1String("json") || c.format == QLatin1String("dive-json")) {
        if (c.exitCode == 0) {
            nlohmann::json output;
            try {
                output = nlohmann::json::parse(run.out.toStdString());
            } catch (const std::exception &error) {
                QFAIL(qPrintable(QStringLiteral("stdout is not JSON: ") + QString::fromUtf8(error.what())));
            }
            for (const JsonCheck &check : c.checks) {
                const nlohmann::json::json_pointer pointer(check.pointer);
                QVERIFY2(output.contains(pointer),
                    qPrintable(QStringLiteral("no %1 in the output").arg(QString::fromStdString(check.pointer))));
                const nlohmann::json actual = check.pathsOf ? sortedPaths(output[pointer]) : output[pointer];
                QVERIFY2(actual == check.value,
                    qPrintable(
                        QStringLiteral("%1%2 is %3, expected %4")
                            .arg(check.pathsOf ? QStringLiteral("paths of ") : QString(),
                                QString::fromStdString(check.pointer), QString::fromStdString(actual.dump()).left(300),
                                QString::fromStdString(check.value.dump()).left(300))));
            }
        } else {
            QVERIFY2(run.out.isEmpty(),
                qPrintable(QStringLiteral("a failed run wrote to stdout: ") + QString::fromUtf8(run.out.left(300))));
        }
    }
    QVERIFY2(run.leftovers.isEmpty(),
        qPrintable(QStringLiteral("left behind: ") + run.leftovers.join(QStringLiteral(", "))));
    QCOMPARE(sha256OfFile(input), hashBefore);
    QCOMPARE(namesIn(inputDir), neighboursBefore);
    m_outcomes.back().passed = true;
}

void TestHostile::cleanupTestCase()
{
    int passed = 0;
    for (const Outcome &o : m_outcomes)
        passed += o.passed ? 1 : 0;
    qInfo().noquote() << QStringLiteral("%1 hostile cases run (%2 committed, %3 generated), %4 passed")
                             .arg(m_outcomes.size())
                             .arg(m_committed.size())
                             .arg(m_generated.size())
                             .arg(passed);
}

QTEST_GUILESS_MAIN(TestHostile)
#include "test_hostile.moc"
