// Instructions: keywords in any case, exec and shell forms (invalid JSON is shell form), FROM and
// stages, flags, ONBUILD, and errors with line and column after which parsing goes on. Cases from
// the Dockerfile reference ("Shell and exec form", "FROM", "ONBUILD", "COPY --from", "RUN --mount").
#include "DockerfileTestSupport.h"

#include <QTest>

using dftest::lines;

class ParserInstructionsTest : public QObject {
    Q_OBJECT

private slots:
    void keywords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("keywords");
        QTest::newRow("upper") << lines({ "FROM x", "RUN a" }) << QStringList { "FROM", "RUN" };
        QTest::newRow("lower") << lines({ "from x", "run a", "copy a b" }) << QStringList { "FROM", "RUN", "COPY" };
        QTest::newRow("mixed") << lines({ "FrOm x", "wOrKdIr /a", "Env A=1" })
                               << QStringList { "FROM", "WORKDIR", "ENV" };
        QTest::newRow("all instructions")
            << lines({ "ARG V=1", "FROM x", "ADD a b", "CMD c", "COPY a b", "ENTRYPOINT e", "ENV A=1", "EXPOSE 80",
                   "HEALTHCHECK NONE", "LABEL a=b", "MAINTAINER me", "ONBUILD RUN x", "RUN r", "SHELL [\"sh\", \"-c\"]",
                   "STOPSIGNAL SIGTERM", "USER u", "VOLUME /v", "WORKDIR /w" })
            << QStringList { "ARG", "FROM", "ADD", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "HEALTHCHECK", "LABEL",
                   "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR" };
    }

    void keywords()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, keywords);
        const auto df = ballast::parseDockerfile(text);
        QVERIFY(df.errors.empty());
        QStringList got;
        for (const auto &in : df.instructions)
            got << in.keyword;
        QCOMPARE(got, keywords);
    }

    void forms_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("exec");
        QTest::addColumn<QStringList>("execArgs");
        QTest::addColumn<QString>("arguments");

        QTest::newRow("exec entrypoint") << "ENTRYPOINT [\"/bin/bash\", \"-c\", \"echo hello\"]" << true
                                         << QStringList { "/bin/bash", "-c", "echo hello" }
                                         << "[\"/bin/bash\", \"-c\", \"echo hello\"]";
        // "the following would be treated as shell form due to not being valid JSON"
        QTest::newRow("unescaped backslashes") << "RUN [\"c:\\windows\\system32\\tasklist.exe\"]" << false
                                               << QStringList {} << "[\"c:\\windows\\system32\\tasklist.exe\"]";
        QTest::newRow("escaped backslashes") << "RUN [\"c:\\\\windows\\\\system32\\\\tasklist.exe\"]" << true
                                             << QStringList { "c:\\windows\\system32\\tasklist.exe" }
                                             << "[\"c:\\\\windows\\\\system32\\\\tasklist.exe\"]";
        // "RUN [ "echo", "$HOME" ] won't handle variable substitution"
        QTest::newRow("no substitution in exec")
            << "RUN [ \"echo\", \"$HOME\" ]" << true << QStringList { "echo", "$HOME" } << "[ \"echo\", \"$HOME\" ]";
        QTest::newRow("single quotes are not JSON") << "CMD ['a', 'b']" << false << QStringList {} << "['a', 'b']";
        QTest::newRow("numbers are not strings") << "CMD [\"a\", 1]" << false << QStringList {} << "[\"a\", 1]";
        QTest::newRow("trailing text") << "CMD [\"a\"] b" << false << QStringList {} << "[\"a\"] b";
        QTest::newRow("shell") << "RUN source $HOME/.bashrc && echo $HOME" << false << QStringList {}
                               << "source $HOME/.bashrc && echo $HOME";
        QTest::newRow("shell form of SHELL example")
            << "RUN powershell -command Execute-MyCmdlet -param1 \"c:\\foo.txt\"" << false << QStringList {}
            << "powershell -command Execute-MyCmdlet -param1 \"c:\\foo.txt\"";
        QTest::newRow("exec with spaces")
            << "CMD [ \"foo\", \"bar\" ]" << true << QStringList { "foo", "bar" } << "[ \"foo\", \"bar\" ]";
        QTest::newRow("healthcheck cmd")
            << "HEALTHCHECK --interval=5m --timeout=3s CMD curl -f http://localhost/ || exit 1" << false
            << QStringList {} << "CMD curl -f http://localhost/ || exit 1";
    }

    void forms()
    {
        QFETCH(QString, line);
        QFETCH(bool, exec);
        QFETCH(QStringList, execArgs);
        QFETCH(QString, arguments);
        const auto df = ballast::parseDockerfile(lines({ "FROM x", line }));
        QVERIFY(df.errors.empty());
        const auto &in = df.instructions.at(1);
        QCOMPARE(in.form == ballast::InstructionForm::Exec, exec);
        QCOMPARE(in.execArgs, execArgs);
        QCOMPARE(in.arguments, arguments);
    }

    void stages_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("stages"); // name|image|tag|digest|platform|parent
        QTest::addColumn<int>("finalStage");

        QTest::newRow("plain") << lines({ "FROM ubuntu" }) << QStringList { "|ubuntu|||| -1" } << 0;
        QTest::newRow("tag and name") << lines({ "FROM ubuntu:22.04 AS base" })
                                      << QStringList { "base|ubuntu|22.04|||-1" } << 0;
        QTest::newRow("as in lower case")
            << lines({ "FROM ubuntu as Base" }) << QStringList { "base|ubuntu||||-1" } << 0;
        QTest::newRow("digest") << lines({ "FROM hub.docker.io/debian@sha256:7959ed6f7e35" })
                                << QStringList { "|hub.docker.io/debian||sha256:7959ed6f7e35||-1" } << 0;
        QTest::newRow("registry port") << lines({ "FROM localhost:5000/app:1.2" })
                                       << QStringList { "|localhost:5000/app|1.2|||-1" } << 0;
        QTest::newRow("platform") << lines({ "FROM --platform=linux/arm64 alpine:3 AS a" })
                                  << QStringList { "a|alpine|3||linux/arm64|-1" } << 0;
        QTest::newRow("platform from automatic arg") << lines({ "FROM --platform=$BUILDPLATFORM golang AS build" })
                                                     << QStringList { "build|golang|||linux/amd64|-1" } << 0;
        // The reference's multi-stage example: base, dev and prod build on base.
        QTest::newRow("stages built on a stage")
            << lines({ "FROM ubuntu AS base", "RUN apt-get update && apt-get install -y shared-tooling", "",
                   "FROM base AS dev", "RUN apt-get install -y dev-tooling", "", "FROM base AS prod",
                   "COPY --from=build /app /app" })
            << QStringList { "base|ubuntu||||-1", "dev|base||||0", "prod|base||||0" } << 2;
        QTest::newRow("arg in FROM") << lines({ "ARG CODE_VERSION=latest", "FROM base:${CODE_VERSION}",
            "CMD  /code/run-app", "", "FROM extras:${CODE_VERSION}", "CMD  /code/run-extras" })
                                     << QStringList { "|base|latest|||-1", "|extras|latest|||-1" } << 1;
    }

    void stages()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, stages);
        QFETCH(int, finalStage);
        const auto df = ballast::parseDockerfile(text);
        QVERIFY(df.errors.empty());
        QStringList got;
        for (const auto &s : df.stages)
            got << QStringLiteral("%1|%2|%3|%4|%5|%6")
                       .arg(s.name, s.image, s.tag, s.digest, s.platform)
                       .arg(s.parentStage);
        for (QString &s : stages)
            s.replace(QLatin1String(" "), QString());
        QCOMPARE(got, stages);
        QCOMPARE(df.finalStage, finalStage);
    }

    void target()
    {
        ballast::ParseOptions options;
        options.target = QStringLiteral("Build");
        const auto df = ballast::parseDockerfile(
            lines({ "FROM golang AS build", "RUN go build", "FROM scratch", "COPY --from=build /a /a" }), options);
        QCOMPARE(df.finalStage, 0);
        QCOMPARE(df.final()->first, 0);
        QCOMPARE(df.final()->last, 1);
    }

    void flags_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("flags"); // name=value, or name for booleans
        QTest::addColumn<QString>("arguments");

        QTest::newRow("copy from") << "COPY --from=build /app /app" << QStringList { "from=build" } << "/app /app";
        QTest::newRow("copy chown link") << "COPY --chown=1000:1000 --link app/ /opt/app/"
                                         << QStringList { "chown=1000:1000", "link" } << "app/ /opt/app/";
        QTest::newRow("run mounts")
            << "RUN --mount=type=cache,target=/var/cache/apt --mount=type=secret,id=npmrc npm ci"
            << QStringList { "mount=type=cache,target=/var/cache/apt", "mount=type=secret,id=npmrc" } << "npm ci";
        QTest::newRow("run network") << "RUN --network=none make" << QStringList { "network=none" } << "make";
        QTest::newRow("quoted value") << "ADD --checksum=\"sha256:24454f83\" https://x/a.tar /a"
                                      << QStringList { "checksum=sha256:24454f83" } << "https://x/a.tar /a";
        // A flag is one raw word: whitespace inside quotes or after the escape character belongs to it.
        QTest::newRow("quoted value with a space")
            << "COPY --chown=\"app user\" a /b" << QStringList { "chown=app user" } << "a /b";
        QTest::newRow("escaped space in a value")
            << "COPY --chown=app\\ user a /b" << QStringList { "chown=app user" } << "a /b";
        QTest::newRow("not a flag after arguments") << "RUN ls --all" << QStringList {} << "ls --all";
    }

    void flags()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, flags);
        QFETCH(QString, arguments);
        const auto df = ballast::parseDockerfile(lines({ "FROM x", line }));
        QVERIFY2(df.errors.empty(), qPrintable(df.errors.empty() ? QString() : df.errors.front().message));
        QStringList got;
        for (const auto &f : df.instructions.at(1).flags)
            got << (f.hasValue ? f.name + QLatin1Char('=') + f.value : f.name);
        QCOMPARE(got, flags);
        QCOMPARE(df.instructions.at(1).arguments, arguments);
    }

    void onbuild_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("trigger");
        QTest::addColumn<QString>("arguments");
        QTest::addColumn<int>("errors");
        QTest::newRow("add") << "ONBUILD ADD . /app/src"
                             << "ADD"
                             << ". /app/src" << 0;
        QTest::newRow("run") << "ONBUILD RUN /usr/local/bin/python-build --dir /app/src"
                             << "RUN"
                             << "/usr/local/bin/python-build --dir /app/src" << 0;
        QTest::newRow("copy from") << "ONBUILD COPY --from=build /usr/bin/app /app"
                                   << "COPY"
                                   << "/usr/bin/app /app" << 0;
        // "Chaining ONBUILD instructions using ONBUILD ONBUILD isn't allowed" and no FROM or MAINTAINER.
        QTest::newRow("onbuild onbuild") << "ONBUILD ONBUILD RUN x"
                                         << ""
                                         << "" << 1;
        QTest::newRow("onbuild from") << "ONBUILD FROM x"
                                      << ""
                                      << "" << 1;
        QTest::newRow("onbuild maintainer") << "ONBUILD MAINTAINER me"
                                            << ""
                                            << "" << 1;
    }

    void onbuild()
    {
        QFETCH(QString, line);
        QFETCH(QString, trigger);
        QFETCH(QString, arguments);
        QFETCH(int, errors);
        const auto df = ballast::parseDockerfile(lines({ "FROM x", line }));
        QCOMPARE(int(df.errors.size()), errors);
        const auto &in = df.instructions.at(1);
        QCOMPARE(in.keyword, QStringLiteral("ONBUILD"));
        QCOMPARE(in.onbuild ? in.onbuild->keyword : QString(), trigger);
        QCOMPARE(in.onbuild ? in.onbuild->arguments : QString(), arguments);
        if (errors)
            QCOMPARE(df.errors.front().column, 9);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("errorLines");
        QTest::addColumn<QList<int>>("errorColumns");
        QTest::addColumn<QStringList>("keywords"); // what still parses

        QTest::newRow("unknown instruction") << lines({ "FROM x", "  FORM y", "RUN a" }) << QList<int> { 2 }
                                             << QList<int> { 3 } << QStringList { "FROM", "RUN" };
        QTest::newRow("unknown flag") << lines({ "FROM x", "COPY --form=a b c", "RUN a" }) << QList<int> { 2 }
                                      << QList<int> { 6 } << QStringList { "FROM", "COPY", "RUN" };
        QTest::newRow("flag not for this instruction") << lines({ "FROM x", "RUN --from=a b" }) << QList<int> { 2 }
                                                       << QList<int> { 5 } << QStringList { "FROM", "RUN" };
        QTest::newRow("FROM missing") << lines({ "ARG A=1", "RUN a", "FROM x" }) << QList<int> { 2 } << QList<int> { 1 }
                                      << QStringList { "ARG", "RUN", "FROM" };
        QTest::newRow("no FROM at all") << lines({ "RUN a", "RUN b" }) << QList<int> { 1 } << QList<int> { 1 }
                                        << QStringList { "RUN", "RUN" };
        QTest::newRow("empty file") << QString("# only a comment\n") << QList<int> { 1 } << QList<int> { 1 }
                                    << QStringList {};
        QTest::newRow("no arguments") << lines({ "FROM x", "RUN", "USER u" }) << QList<int> { 2 } << QList<int> { 1 }
                                      << QStringList { "FROM", "RUN", "USER" };
        QTest::newRow("COPY needs two") << lines({ "FROM x", "COPY a", "USER u" }) << QList<int> { 2 }
                                        << QList<int> { 6 } << QStringList { "FROM", "COPY", "USER" };
        QTest::newRow("ENV without value") << lines({ "FROM x", "ENV A", "USER u" }) << QList<int> { 2 }
                                           << QList<int> { 5 } << QStringList { "FROM", "ENV", "USER" };
        QTest::newRow("ENV pair without =") << lines({ "FROM x", "ENV A=1 B", "USER u" }) << QList<int> { 2 }
                                            << QList<int> { 9 } << QStringList { "FROM", "ENV", "USER" };
        QTest::newRow("SHELL needs JSON") << lines({ "FROM x", "SHELL /bin/bash -c" }) << QList<int> { 2 }
                                          << QList<int> { 7 } << QStringList { "FROM", "SHELL" };
        QTest::newRow("FROM with two words")
            << lines({ "FROM x y", "RUN a" }) << QList<int> { 1 } << QList<int> { 6 } << QStringList { "FROM", "RUN" };
        QTest::newRow("several, in order")
            << lines({ "FROM x", "BOGUS", "RUN <<EOF", "COPY a", "USER u" }) << QList<int> { 2, 3, 4 }
            << QList<int> { 1, 5, 6 } << QStringList { "FROM", "RUN", "COPY", "USER" };
        QTest::newRow("error on a continuation line")
            << lines({ "FROM x", "COPY \\", "  --chmod=644 --bad=1 a b" }) << QList<int> { 3 } << QList<int> { 15 }
            << QStringList { "FROM", "COPY" };
    }

    void errors()
    {
        QFETCH(QString, text);
        QFETCH(QList<int>, errorLines);
        QFETCH(QList<int>, errorColumns);
        QFETCH(QStringList, keywords);
        const auto df = ballast::parseDockerfile(text);
        QList<int> lines, columns;
        for (const auto &e : df.errors) {
            lines << e.line;
            columns << e.column;
            QVERIFY(!e.message.isEmpty());
        }
        QCOMPARE(lines, errorLines);
        QCOMPARE(columns, errorColumns);
        QStringList got;
        for (const auto &in : df.instructions)
            got << in.keyword;
        QCOMPARE(got, keywords);
    }
};

QTEST_GUILESS_MAIN(ParserInstructionsTest)
#include "test_parser_instructions.moc"
