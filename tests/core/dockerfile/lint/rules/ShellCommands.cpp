// The shell reading the RUN rules rely on: which simple commands a script runs, with which arguments,
// and whether it has a pipe (what hadolint takes from ShellCheck's parser).
#include "RuleTestSupport.h"
#include "dockerfile/shell/ShellScript.h"

class ShellCommandsTest : public QObject {
    Q_OBJECT
private slots:
    void commands_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("commands"); // name and arguments joined by '|'
        QTest::addColumn<bool>("pipes");
        QTest::newRow("one") << "apt-get install -y curl" << QStringList { "apt-get|install|-y|curl" } << false;
        QTest::newRow("and, or, semicolon") << "a && b || c; d" << QStringList { "a", "b", "c", "d" } << false;
        QTest::newRow("pipe") << "wget -O - x | wc -l" << QStringList { "wget|-O|-|x", "wc|-l" } << true;
        QTest::newRow("pipe stderr") << "a |& b" << QStringList { "a", "b" } << true;
        QTest::newRow("background") << "a & b" << QStringList { "a", "b" } << false;
        QTest::newRow("quotes removed") << "echo \"a b\" 'c d' e\\ f" << QStringList { "echo|a b|c d|e f" } << false;
        QTest::newRow("assignments before the name")
            << "FOO=1 BAR=\"x y\" pip install six" << QStringList { "pip|install|six" } << false;
        QTest::newRow("export is a command") << "export PIP_NO_CACHE_DIR=1 && pip install six"
                                             << QStringList { "export|PIP_NO_CACHE_DIR=1", "pip|install|six" } << false;
        QTest::newRow("redirections are not arguments")
            << "echo hi > /a 2>&1 < /b" << QStringList { "echo|hi" } << false;
        QTest::newRow("redirection before the name") << ">/dev/null cat x" << QStringList { "cat|x" } << false;
        QTest::newRow("subshell") << "(cd /x && make)" << QStringList { "cd|/x", "make" } << false;
        QTest::newRow("command substitution")
            << "echo $(ls /x | wc -l) done" << QStringList { "echo|$(ls /x | wc -l)|done", "ls|/x", "wc|-l" } << true;
        QTest::newRow("backticks") << "echo `uname -m`" << QStringList { "echo|`uname -m`", "uname|-m" } << false;
        QTest::newRow("if") << "if [ -f x ]; then rm x; else touch x; fi"
                            << QStringList { "[|-f|x|]", "rm|x", "touch|x" } << false;
        QTest::newRow("for") << "for f in a b c; do rm $f; done" << QStringList { "rm|$f" } << false;
        QTest::newRow("while") << "while read l; do echo $l; done < f" << QStringList { "read|l", "echo|$l" } << false;
        QTest::newRow("case") << "case $x in a|b) echo ab ;; *) echo other ;; esac"
                              << QStringList { "echo|ab", "echo|other" } << false;
        QTest::newRow("newlines and comments") << "set -e\n# comment | not a pipe\napt-get update\n"
                                               << QStringList { "set|-e", "apt-get|update" } << false;
        QTest::newRow("continuation") << "a \\\n b" << QStringList { "a|b" } << false;
        QTest::newRow("here-document body")
            << "cat <<EOF > /f\nrm -rf /\nEOF\necho done" << QStringList { "cat", "echo|done" } << false;
        QTest::newRow("arithmetic") << "i=$((i+1)); echo $i" << QStringList { "echo|$i" } << false;
        QTest::newRow("function definition") << "f() { echo in; }; f" << QStringList { "echo|in", "f" } << false;
        QTest::newRow("variable braces") << "echo ${A:-x y}" << QStringList { "echo|${A:-x y}" } << false;
        QTest::newRow("exec form joined")
            << "/bin/sh -c apt-get update" << QStringList { "/bin/sh|-c|apt-get|update" } << false;
    }

    void commands()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, commands);
        QFETCH(bool, pipes);
        const ballast::ShellScript parsed = ballast::parseShellScript(script);
        QStringList got;
        for (const auto &cmd : parsed.commands)
            got << (QStringList { cmd.name } + cmd.argTexts()).join(QLatin1Char('|'));
        QCOMPARE(got, commands);
        QCOMPARE(parsed.hasPipes, pipes);
    }

    void flags()
    {
        const auto cmd = ballast::parseShellScript(
            QStringLiteral("apt-get -yq --no-install-recommends -o x=1 install -t bk pkg -- -"))
                             .commands.at(0);
        QCOMPARE(cmd.flags(), (QStringList { "y", "q", "no-install-recommends", "o", "t" }));
        QVERIFY(cmd.hasFlag(QStringLiteral("no-install-recommends")));
        QCOMPARE(cmd.argsWithoutFlags({ QStringLiteral("t"), QStringLiteral("o") }),
            (QStringList { "install", "pkg", "--", "-" }));
    }
};

static ruletest::Register<ShellCommandsTest> registered;
#include "ShellCommands.moc"
