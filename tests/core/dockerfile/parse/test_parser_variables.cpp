// Variable substitution and ARG/ENV scoping, from the Dockerfile reference: "Environment replacement"
// (its examples and modifiers), "ARG" ("Scope", "Using ARG variables", "Predefined ARGs"), "Understand
// how ARG and FROM interact" and "ENV".
#include "DockerfileTestSupport.h"
#include "dockerfile/shell/WordExpander.h"

#include <QTest>

using dftest::lines;

class ParserVariablesTest : public QObject {
    Q_OBJECT

private slots:
    // The modifiers on a variable that is set, set but empty, or unset.
    void modifiers_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("expected");
        QTest::newRow("$name") << "$set"
                               << "value";
        QTest::newRow("${name}") << "${set}_bar"
                                 << "value_bar";
        QTest::newRow("$name then text") << "$set/x"
                                         << "value/x";
        QTest::newRow("unset") << "[$unset]"
                               << "[]";
        QTest::newRow(":- set") << "${set:-word}"
                                << "value";
        QTest::newRow(":- empty") << "${empty:-word}"
                                  << "word";
        QTest::newRow(":- unset") << "${unset:-word}"
                                  << "word";
        QTest::newRow("- set") << "${set-word}"
                               << "value";
        QTest::newRow("- empty") << "${empty-word}"
                                 << "";
        QTest::newRow("- unset") << "${unset-word}"
                                 << "word";
        QTest::newRow(":+ set") << "${set:+word}"
                                << "word";
        QTest::newRow(":+ empty") << "${empty:+word}"
                                  << "";
        QTest::newRow(":+ unset") << "${unset:+word}"
                                  << "";
        QTest::newRow("+ set") << "${set+word}"
                               << "word";
        QTest::newRow("+ empty") << "${empty+word}"
                                 << "word";
        QTest::newRow("+ unset") << "${unset+word}"
                                 << "";
        QTest::newRow("word with a variable") << "${unset:-$set/x}"
                                              << "value/x";
        QTest::newRow("nested default") << "${unset:-${set}}"
                                        << "value";
        // The reference's pattern examples, all on foobarbaz.
        QTest::newRow("# shortest prefix") << "${str#f*b}"
                                           << "arbaz";
        QTest::newRow("## longest prefix") << "${str##f*b}"
                                           << "az";
        QTest::newRow("% shortest suffix") << "${string%b*}"
                                           << "foobar";
        QTest::newRow("%% longest suffix") << "${string%%b*}"
                                           << "foo";
        QTest::newRow("/ first") << "${string/ba/fo}"
                                 << "fooforbaz";
        QTest::newRow("// all") << "${string//ba/fo}"
                                << "fooforfoz";
        QTest::newRow("escaped $") << "\\$set"
                                   << "$set";
        QTest::newRow("escaped ${}") << "\\${set}"
                                     << "${set}";
        QTest::newRow("single quotes") << "'$set'"
                                       << "$set";
        QTest::newRow("double quotes") << "\"$set x\""
                                       << "value x";
        QTest::newRow("escaped quote in double quotes") << "\"a\\\"b\""
                                                        << "a\"b";
        QTest::newRow("lone $") << "a$ b"
                                << "a$ b";
    }

    void modifiers()
    {
        QFETCH(QString, word);
        QFETCH(QString, expected);
        const QMap<QString, QString> vars
            = { { "set", "value" }, { "empty", "" }, { "str", "foobarbaz" }, { "string", "foobarbaz" } };
        const ballast::WordExpander expander(QLatin1Char('\\'), [&](const QString &name) -> std::optional<QString> {
            if (vars.contains(name))
                return vars.value(name);
            return std::nullopt;
        });
        QCOMPARE(expander.word(word), expected);
    }

    void backtickEscape()
    {
        const ballast::WordExpander expander(QLatin1Char('`'), [](const QString &) { return QStringLiteral("v"); });
        QCOMPARE(expander.word(QStringLiteral("`$A c:\\dir")), QStringLiteral("$A c:\\dir"));
        QCOMPARE(expander.words(QStringLiteral("a` b c")), (QStringList { "a b", "c" }));
    }

    // What an instruction's arguments become in a Dockerfile.
    void substitution_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("buildArgs"); // K=V;K=V
        QTest::addColumn<int>("instruction");
        QTest::addColumn<QStringList>("words");

        // "Example (parsed representation is displayed after the #)": the instructions without the
        // annotations (a `#` inside an instruction is not a comment).
        const QString reference
            = lines({ "FROM busybox", "ENV FOO=/bar", "WORKDIR ${FOO}", "ADD . $FOO", "COPY \\$FOO /quux" });
        QTest::newRow("WORKDIR ${FOO}") << reference << "" << 2 << QStringList { "/bar" };
        QTest::newRow("ADD . $FOO") << reference << "" << 3 << QStringList { ".", "/bar" };
        QTest::newRow("COPY \\$FOO") << reference << "" << 4 << QStringList { "$FOO", "/quux" };
        QTest::newRow("# is an argument") << lines({ "FROM x", "ENV FOO=/bar", "WORKDIR ${FOO}   # WORKDIR /bar" })
                                          << "" << 2 << QStringList { "/bar", "#", "WORKDIR", "/bar" };
        // The same value for each variable throughout one instruction.
        const QString sameValue = lines({ "FROM x", "ENV abc=hello", "ENV abc=bye def=$abc", "ENV ghi=$abc" });
        QTest::newRow("def=$abc in the same ENV") << sameValue << "" << 2 << QStringList { "abc=bye", "def=hello" };
        QTest::newRow("ghi=$abc after") << sameValue << "" << 3 << QStringList { "ghi=bye" };
        // ARG scope: "USER at line 2 evaluates to some_user …; the USER at line 4 evaluates to what_user".
        const QString scope
            = lines({ "FROM busybox", "USER ${username:-some_user}", "ARG username", "USER $username" });
        QTest::newRow("before the ARG") << scope << "username=what_user" << 1 << QStringList { "some_user" };
        QTest::newRow("after the ARG") << scope << "username=what_user" << 3 << QStringList { "what_user" };
        QTest::newRow("ARG without value or build arg") << scope << "" << 3 << QStringList {};
        // "ENV variables always override an ARG of the same name"
        const QString envWins
            = lines({ "FROM ubuntu", "ARG CONT_IMG_VER", "ENV CONT_IMG_VER=v1.0.0", "WORKDIR /$CONT_IMG_VER" });
        QTest::newRow("ENV overrides ARG") << envWins << "CONT_IMG_VER=v2.0.1" << 3 << QStringList { "/v1.0.0" };
        const QString defaulted = lines({ "FROM ubuntu", "ARG CONT_IMG_VER", "ENV CONT_IMG_VER=${CONT_IMG_VER:-v1.0.0}",
            "WORKDIR /$CONT_IMG_VER" });
        QTest::newRow("ENV from ARG, build arg given")
            << defaulted << "CONT_IMG_VER=v2.0.1" << 3 << QStringList { "/v2.0.1" };
        QTest::newRow("ENV from ARG, default") << defaulted << "" << 3 << QStringList { "/v1.0.0" };
        // "An ARG declared before a FROM is outside of a build stage … use it inside after ARG without a value"
        const QString meta = lines({ "ARG VERSION=latest", "FROM busybox:$VERSION", "WORKDIR /a$VERSION", "ARG VERSION",
            "WORKDIR /b$VERSION" });
        QTest::newRow("meta ARG not in the stage") << meta << "" << 2 << QStringList { "/a" };
        QTest::newRow("meta ARG redeclared") << meta << "" << 4 << QStringList { "/blatest" };
        QTest::newRow("meta ARG from build arg") << meta << "VERSION=1.36" << 4 << QStringList { "/b1.36" };
        QTest::newRow("stage ARG default")
            << lines({ "FROM x", "ARG user1=someuser", "USER $user1" }) << "" << 2 << QStringList { "someuser" };
        QTest::newRow("stage ARG ends with the stage")
            << lines({ "FROM x", "ARG A=1", "FROM y", "WORKDIR /$A" }) << "" << 3 << QStringList { "/" };
        QTest::newRow("ENV inherited through FROM <stage>")
            << lines({ "FROM x AS base", "ENV HOME_DIR=/srv", "FROM base", "WORKDIR $HOME_DIR/app" }) << "" << 3
            << QStringList { "/srv/app" };
        QTest::newRow("ENV not inherited from an unrelated stage")
            << lines({ "FROM x AS base", "ENV HOME_DIR=/srv", "FROM y", "WORKDIR $HOME_DIR/app" }) << "" << 3
            << QStringList { "/app" };
        QTest::newRow("automatic platform ARG") << lines({ "FROM x", "ARG TARGETARCH", "WORKDIR /out/$TARGETARCH" })
                                                << "" << 2 << QStringList { "/out/amd64" };
        QTest::newRow("legacy ENV form") << lines({ "FROM x", "ENV MY_NAME John Doe", "WORKDIR /$MY_NAME" }) << "" << 2
                                         << QStringList { "/John", "Doe" };
        QTest::newRow("quoted ENV value") << lines({ "FROM x", "ENV MY_NAME=\"John Doe\" MY_DOG=Rex\\ The\\ Dog" })
                                          << "" << 1 << QStringList { "MY_NAME=John Doe", "MY_DOG=Rex The Dog" };
        QTest::newRow("RUN is not substituted")
            << lines({ "FROM x", "ENV A=1", "RUN echo $A" }) << "" << 2 << QStringList {};
        QTest::newRow("EXPOSE substituted")
            << lines({ "FROM x", "ARG PORT=8080", "EXPOSE $PORT/tcp" }) << "" << 2 << QStringList { "8080/tcp" };
        QTest::newRow("LABEL substituted")
            << lines({ "FROM x", "ARG V=2", "LABEL version=\"$V\"" }) << "" << 2 << QStringList { "version=2" };
        QTest::newRow("ARG default from ENV")
            << lines({ "FROM x", "ENV BASE=/opt", "ARG DIR=$BASE/app", "WORKDIR $DIR" }) << "" << 3
            << QStringList { "/opt/app" };
    }

    void substitution()
    {
        QFETCH(QString, text);
        QFETCH(QString, buildArgs);
        QFETCH(int, instruction);
        QFETCH(QStringList, words);
        ballast::ParseOptions options;
        for (const QString &kv : buildArgs.split(QLatin1Char(';'), Qt::SkipEmptyParts))
            options.buildArgs.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
        const auto df = ballast::parseDockerfile(text, options);
        QVERIFY2(df.errors.empty(), qPrintable(df.errors.empty() ? QString() : df.errors.front().message));
        const auto &in = df.instructions.at(size_t(instruction));
        if (in.keyword == QLatin1String("RUN")) {
            QCOMPARE(in.expanded, in.arguments);
            return;
        }
        QCOMPARE(in.words, words);
    }

    void keyValues()
    {
        const auto df = ballast::parseDockerfile(lines({ "FROM x", "ARG A B=2", "ENV C=$B D='$B'" }));
        const auto &arg = df.instructions.at(1);
        QCOMPARE(int(arg.keyValues.size()), 2);
        QCOMPARE(arg.keyValues[0].key, QStringLiteral("A"));
        QVERIFY(!arg.keyValues[0].hasValue);
        QCOMPARE(arg.keyValues[1].value, QStringLiteral("2"));
        const auto &env = df.instructions.at(2);
        QCOMPARE(env.keyValues[0].value, QStringLiteral("2"));
        QCOMPARE(env.keyValues[0].rawValue, QStringLiteral("$B"));
        QCOMPARE(env.keyValues[1].value, QStringLiteral("$B"));
        QCOMPARE(env.expanded, QStringLiteral("C=2 D='$B'"));
    }
};

QTEST_GUILESS_MAIN(ParserVariablesTest)
#include "test_parser_variables.moc"
