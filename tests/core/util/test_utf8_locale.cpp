// A UTF-8 locale for ballast and ballast-cli when the environment selects none (no LANG in CI jobs,
// cron and containers): selectUtf8Locale() on given environments, then both programs run without
// LANG or LC_*, where their stderr must begin with their own message (Qt 6.8 would otherwise put a
// notice about the locale first) and the tools they run must see UTF-8 too.
#include "CliRun.h"
#include "util/Utf8Locale.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>
#include <langinfo.h>

using namespace ballast;

namespace {

const QString Cli = QStringLiteral(BALLAST_CLI_PATH);
const QString Gui = QStringLiteral(BALLAST_GUI_PATH);

bool isLocaleVariable(const QString &name)
{
    return name == QLatin1String("LANG") || name == QLatin1String("LANGUAGE") || name.startsWith(QLatin1String("LC_"));
}

// The locale variables of this process, "NAME=value", sorted.
QStringList localeVariables()
{
    QStringList variables;
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys())
        if (isLocaleVariable(name))
            variables << name + QLatin1Char('=') + environment.value(name);
    variables.sort();
    return variables;
}

void setLocaleVariables(const QStringList &variables)
{
    for (const QString &variable : localeVariables())
        qunsetenv(qPrintable(variable.section(QLatin1Char('='), 0, 0)));
    for (const QString &variable : variables)
        qputenv(qPrintable(variable.section(QLatin1Char('='), 0, 0)), variable.section(QLatin1Char('='), 1).toUtf8());
}

// What setlocale() makes of the environment: the LC_CTYPE and LC_NUMERIC locales and the encoding.
// The process's own locale is put back afterwards.
QStringList appliedLocale()
{
    const QByteArray before = std::setlocale(LC_ALL, nullptr);
    QStringList applied;
    if (std::setlocale(LC_ALL, "")) {
        applied << QString::fromLatin1(std::setlocale(LC_CTYPE, nullptr))
                << QString::fromLatin1(std::setlocale(LC_NUMERIC, nullptr))
                << QString::fromLatin1(nl_langinfo(CODESET));
    }
    std::setlocale(LC_ALL, before.constData());
    return applied;
}

// This process's environment without any locale variable, as cron or a container gives it.
QProcessEnvironment withoutLocale()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys())
        if (isLocaleVariable(name))
            environment.remove(name);
    return environment;
}

// Every locale category but LC_CTYPE set to `value`, "NAME=value", sorted.
QStringList otherCategoriesSetTo(const QString &value)
{
    QStringList variables;
    for (const char *name : { "LC_ADDRESS", "LC_COLLATE", "LC_IDENTIFICATION", "LC_MEASUREMENT", "LC_MESSAGES",
             "LC_MONETARY", "LC_NAME", "LC_NUMERIC", "LC_PAPER", "LC_TELEPHONE", "LC_TIME" })
        variables << QLatin1String(name) + QLatin1Char('=') + value;
    return variables;
}

} // namespace

class TestUtf8Locale : public QObject {
    Q_OBJECT
private slots:
    void init() { m_saved = localeVariables(); }
    void cleanup() { setLocaleVariables(m_saved); }

    void selectsUtf8WhenTheEnvironmentHasNone_data();
    void selectsUtf8WhenTheEnvironmentHasNone();
    void cliErrorBeginsWithTheMessage();
    void guiErrorBeginsWithTheMessage();

private:
    QStringList m_saved;
};

void TestUtf8Locale::selectsUtf8WhenTheEnvironmentHasNone_data()
{
    QTest::addColumn<QStringList>("given");
    QTest::addColumn<bool>("changed");
    QTest::addColumn<QStringList>("expected"); // the locale variables afterwards, sorted
    QTest::addColumn<QStringList>("expectedApplied"); // LC_CTYPE, LC_NUMERIC, encoding; empty: setlocale fails

    const QStringList utf8 { QStringLiteral("C.UTF-8"), QStringLiteral("C.UTF-8"), QStringLiteral("UTF-8") };
    const QStringList cNumbers { QStringLiteral("C.UTF-8"), QStringLiteral("C"), QStringLiteral("UTF-8") };
    QTest::newRow("nothing set") << QStringList() << true << QStringList { QStringLiteral("LC_CTYPE=C.UTF-8") }
                                 << cNumbers;
    QTest::newRow("LANG=C") << QStringList { QStringLiteral("LANG=C") } << true
                            << QStringList { QStringLiteral("LANG=C"), QStringLiteral("LC_CTYPE=C.UTF-8") } << cNumbers;
    QTest::newRow("LC_CTYPE=POSIX over LANG=C.UTF-8")
        << QStringList { QStringLiteral("LANG=C.UTF-8"), QStringLiteral("LC_CTYPE=POSIX") } << true
        << QStringList { QStringLiteral("LANG=C.UTF-8"), QStringLiteral("LC_CTYPE=C.UTF-8") } << utf8;
    QTest::newRow("LC_ALL=C over LANG=C.UTF-8: only the encoding changes")
        << QStringList { QStringLiteral("LANG=C.UTF-8"), QStringLiteral("LC_ALL=C") } << true
        << QStringList { QStringLiteral("LANG=C.UTF-8") } + otherCategoriesSetTo(QStringLiteral("C"))
            + QStringList { QStringLiteral("LC_CTYPE=C.UTF-8") }
        << cNumbers;
    QTest::newRow("LANG=C.UTF-8: left alone") << QStringList { QStringLiteral("LANG=C.UTF-8") } << false
                                              << QStringList { QStringLiteral("LANG=C.UTF-8") } << utf8;
    QTest::newRow("LC_ALL=C.UTF-8 over LC_CTYPE=C: left alone")
        << QStringList { QStringLiteral("LC_ALL=C.UTF-8"), QStringLiteral("LC_CTYPE=C") } << false
        << QStringList { QStringLiteral("LC_ALL=C.UTF-8"), QStringLiteral("LC_CTYPE=C") } << utf8;
    // glibc then ignores the whole environment; Qt says so, and rightly.
    QTest::newRow("a locale that is not installed: left alone")
        << QStringList { QStringLiteral("LANG=xx_XX.UTF-8") } << false
        << QStringList { QStringLiteral("LANG=xx_XX.UTF-8") } << QStringList();
}

void TestUtf8Locale::selectsUtf8WhenTheEnvironmentHasNone()
{
    QFETCH(QStringList, given);
    QFETCH(bool, changed);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, expectedApplied);
    std::sort(expected.begin(), expected.end());
    setLocaleVariables(given);
    const QByteArray processLocale = std::setlocale(LC_ALL, nullptr);

    QCOMPARE(selectUtf8Locale(), changed);
    QCOMPARE(localeVariables(), expected);
    QCOMPARE(QByteArray(std::setlocale(LC_ALL, nullptr)), processLocale); // only the environment changes
    QCOMPARE(appliedLocale(), expectedApplied);
}

// An error without LANG: stderr begins with it. The docker that ballast-cli runs reports the
// encoding it was given, and ballast-cli quotes it in its error.
void TestUtf8Locale::cliErrorBeginsWithTheMessage()
{
    QTemporaryDir bin;
    QVERIFY(bin.isValid());
    QFile docker(bin.filePath(QStringLiteral("docker")));
    QVERIFY(docker.open(QIODevice::WriteOnly));
    docker.write(
        "#!/bin/sh\necho \"Error response from daemon: no such image, and my encoding is $(locale charmap)\" >&2\n"
        "exit 1\n");
    docker.close();
    QVERIFY(docker.setPermissions(docker.permissions() | QFileDevice::ExeOwner));
    QProcessEnvironment environment = withoutLocale();
    environment.insert(QStringLiteral("PATH"), bin.path() + QStringLiteral(":/usr/bin:/bin"));

    const CliRun run
        = runProgram(Cli, { QStringLiteral("analyze"), QStringLiteral("docker://nowhere/app:1") }, {}, environment);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith(QLatin1String("error: docker://nowhere/app:1: ")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("no such image, and my encoding is UTF-8")), qPrintable(run.err));
}

void TestUtf8Locale::guiErrorBeginsWithTheMessage()
{
    QTemporaryDir runtime; // else Qt says on stderr that XDG_RUNTIME_DIR is not set
    QVERIFY(runtime.isValid());
    QProcessEnvironment environment = withoutLocale();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
    const CliRun run = runProgram(Gui, { QStringLiteral("--no-such-option") }, {}, environment);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, QStringLiteral("Ballast: Unknown option 'no-such-option'.\n"));
}

QTEST_GUILESS_MAIN(TestUtf8Locale)
#include "test_utf8_locale.moc"
