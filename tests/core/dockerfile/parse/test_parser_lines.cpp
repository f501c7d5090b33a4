// How the parser reads lines: parser directives, the escape character, line continuations with
// comments inside, here-documents and source positions. The cases are the Dockerfile reference's own
// examples (sections "Format", "Parser directives", "escape", "Here-Documents"), with the results the
// reference states for them.
#include "DockerfileTestSupport.h"

#include <QTest>

using dftest::lines;

class ParserLinesTest : public QObject {
    Q_OBJECT

private slots:
    void directives_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("directives"); // name=value
        QTest::addColumn<QString>("escape");
        QTest::addColumn<QList<int>>("errorLines");
        QTest::addColumn<int>("comments");

        QTest::newRow("syntax") << lines({ "# syntax=docker/dockerfile:1", "FROM x" })
                                << QStringList { "syntax=docker/dockerfile:1" } << "\\" << QList<int> {} << 0;
        QTest::newRow("escape backtick") << lines({ "# escape=`", "", "FROM microsoft/nanoserver" })
                                         << QStringList { "escape=`" } << "`" << QList<int> {} << 0;
        QTest::newRow("escape backslash")
            << lines({ "# escape=\\", "FROM x" }) << QStringList { "escape=\\" } << "\\" << QList<int> {} << 0;
        QTest::newRow("check") << lines({ "# check=skip=JSONArgsRecommended;error=true", "FROM x" })
                               << QStringList { "check=skip=JSONArgsRecommended;error=true" } << "\\" << QList<int> {}
                               << 0;
        // "Invalid due to appearing twice"
        QTest::newRow("twice") << lines({ "# syntax=value1", "# syntax=value2", "", "FROM ImageName" })
                               << QStringList { "syntax=value1" } << "\\" << QList<int> { 2 } << 0;
        // "Treated as a comment because it appears after a builder instruction"
        QTest::newRow("after instruction")
            << lines({ "FROM ImageName", "# escape=`" }) << QStringList {} << "\\" << QList<int> {} << 1;
        // "… after a comment that isn't a parser directive"
        QTest::newRow("after comment") << lines({ "# About my dockerfile", "# escape=`", "FROM ImageName" })
                                       << QStringList {} << "\\" << QList<int> {} << 2;
        // "The unknown directive is treated as a comment … the known one after it as well"
        QTest::newRow("unknown first") << lines({ "# unknowndirective=value", "# syntax=value", "FROM x" })
                                       << QStringList {} << "\\" << QList<int> {} << 2;
        QTest::newRow("after empty line")
            << lines({ "", "# escape=`", "FROM x" }) << QStringList {} << "\\" << QList<int> {} << 1;
        // "Non line-breaking whitespace is permitted": all the same directive.
        QTest::newRow("no space") << lines({ "#escape=`", "FROM x" }) << QStringList { "escape=`" } << "`"
                                  << QList<int> {} << 0;
        QTest::newRow("space before =") << lines({ "# escape =`", "FROM x" }) << QStringList { "escape=`" } << "`"
                                        << QList<int> {} << 0;
        QTest::newRow("tab, space after =")
            << lines({ "#\tescape= `", "FROM x" }) << QStringList { "escape=`" } << "`" << QList<int> {} << 0;
        QTest::newRow("spaces around =") << lines({ "# escape = `", "FROM x" }) << QStringList { "escape=`" } << "`"
                                         << QList<int> {} << 0;
        QTest::newRow("mixed case") << lines({ "#\t  eScApE=`", "FROM x" }) << QStringList { "escape=`" } << "`"
                                    << QList<int> {} << 0;
        // "Invalid due to line continuation": a comment, then an unknown instruction.
        QTest::newRow("continuation") << lines({ "# direc \\", "tive=value", "FROM x" }) << QStringList {} << "\\"
                                      << QList<int> { 2 } << 1;
        QTest::newRow("bad escape value")
            << lines({ "# escape=x", "FROM x" }) << QStringList {} << "\\" << QList<int> { 1 } << 0;
    }

    void directives()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, directives);
        QFETCH(QString, escape);
        QFETCH(QList<int>, errorLines);
        QFETCH(int, comments);
        const auto df = ballast::parseDockerfile(text);
        QStringList got;
        for (const auto &d : df.directives)
            got << d.name + QLatin1Char('=') + d.value;
        QCOMPARE(got, directives);
        QCOMPARE(QString(df.escape), escape);
        QList<int> errors;
        for (const auto &e : df.errors)
            errors << e.line;
        QCOMPARE(errors, errorLines);
        QCOMPARE(int(df.comments.size()), comments);
    }

    void continuations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("originals");
        QTest::addColumn<QList<int>>("starts");
        QTest::addColumn<QList<int>>("ends");

        // "Comment lines are removed before the instructions are executed"
        QTest::newRow("comment inside") << lines({ "FROM x", "RUN echo hello \\", "# comment", "world" })
                                        << QStringList { "FROM x", "RUN echo hello world" } << QList<int> { 1, 2 }
                                        << QList<int> { 1, 4 };
        QTest::newRow("plain") << lines({ "FROM x", "RUN echo hello \\", "world" })
                               << QStringList { "FROM x", "RUN echo hello world" } << QList<int> { 1, 2 }
                               << QList<int> { 1, 3 };
        // "Whitespace in instruction arguments isn't ignored": prints `    hello    world`.
        QTest::newRow("whitespace kept") << lines({ "FROM x", "RUN echo \"\\", "     hello\\", "     world\"" })
                                         << QStringList { "FROM x", "RUN echo \"     hello     world\"" }
                                         << QList<int> { 1, 2 } << QList<int> { 1, 4 };
        // "leading whitespace before comments and instructions is ignored"
        QTest::newRow("indented") << lines({ "        # this is a comment-line", "    FROM x", "    RUN echo hello",
            "RUN echo world" }) << QStringList { "FROM x", "RUN echo hello", "RUN echo world" }
                                  << QList<int> { 2, 3, 4 } << QList<int> { 2, 3, 4 };
        QTest::newRow("reference shell form") << lines({ "FROM x", "RUN source $HOME/.bashrc && \\", "echo $HOME" })
                                              << QStringList { "FROM x", "RUN source $HOME/.bashrc && echo $HOME" }
                                              << QList<int> { 1, 2 } << QList<int> { 1, 3 };
        QTest::newRow("blank continuation line")
            << lines({ "FROM x", "RUN a \\", "", "  b" }) << QStringList { "FROM x", "RUN a   b" }
            << QList<int> { 1, 2 } << QList<int> { 1, 4 };
        QTest::newRow("spaces after the escape")
            << lines({ "FROM x", "RUN a \\  ", "b" }) << QStringList { "FROM x", "RUN a b" } << QList<int> { 1, 2 }
            << QList<int> { 1, 3 };
        QTest::newRow("crlf") << QString("FROM x\r\nRUN a \\\r\n b\r\n") << QStringList { "FROM x", "RUN a  b" }
                              << QList<int> { 1, 2 } << QList<int> { 1, 3 };
        // The reference's Windows example: `c:\\` ends in the escape, so COPY swallows the next line.
        QTest::newRow("windows default escape")
            << lines({ "FROM microsoft/nanoserver", "COPY testfile.txt c:\\\\", "RUN dir c:\\" })
            << QStringList { "FROM microsoft/nanoserver", "COPY testfile.txt c:\\RUN dir c:" } << QList<int> { 1, 2 }
            << QList<int> { 1, 3 };
        QTest::newRow("windows backtick escape")
            << lines({ "# escape=`", "", "FROM microsoft/nanoserver", "COPY testfile.txt c:\\", "RUN dir c:\\" })
            << QStringList { "FROM microsoft/nanoserver", "COPY testfile.txt c:\\", "RUN dir c:\\" }
            << QList<int> { 3, 4, 5 } << QList<int> { 3, 4, 5 };
        QTest::newRow("backtick continuation")
            << lines({ "# escape=`", "FROM x", "RUN a `", "  b" }) << QStringList { "FROM x", "RUN a   b" }
            << QList<int> { 2, 3 } << QList<int> { 2, 4 };
        QTest::newRow("continuation at end of file")
            << QString("FROM x\nRUN a \\") << QStringList { "FROM x", "RUN a " } << QList<int> { 1, 2 }
            << QList<int> { 1, 2 };
    }

    void continuations()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, originals);
        QFETCH(QList<int>, starts);
        QFETCH(QList<int>, ends);
        const auto df = ballast::parseDockerfile(text);
        QStringList got;
        QList<int> gotStarts, gotEnds;
        for (const auto &in : df.instructions) {
            got << in.original;
            gotStarts << in.line;
            gotEnds << in.endLine;
        }
        QCOMPARE(got, originals);
        QCOMPARE(gotStarts, starts);
        QCOMPARE(gotEnds, ends);
    }

    void heredocs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("instruction");
        QTest::addColumn<QStringList>("delimiters");
        QTest::addColumn<QStringList>("contents");
        QTest::addColumn<QList<bool>>("expand");
        QTest::addColumn<int>("endLine");
        QTest::addColumn<int>("instructions");

        QTest::newRow("bash script") << lines({ "# syntax=docker/dockerfile:1", "FROM debian", "RUN <<EOT bash",
            "  set -ex", "  apt-get update", "  apt-get install -y vim", "EOT" })
                                     << 1 << QStringList { "EOT" }
                                     << QStringList { "  set -ex\n  apt-get update\n  apt-get install -y vim\n" }
                                     << QList<bool> { true } << 7 << 2;
        QTest::newRow("default shell") << lines({ "FROM debian", "RUN <<EOT", "  mkdir -p foo/bar", "EOT" }) << 1
                                       << QStringList { "EOT" } << QStringList { "  mkdir -p foo/bar\n" }
                                       << QList<bool> { true } << 4 << 2;
        QTest::newRow("shebang") << lines(
            { "FROM python:3.6", "RUN <<EOT", "#!/usr/bin/env python", "print(\"hello world\")", "EOT" })
                                 << 1 << QStringList { "EOT" }
                                 << QStringList { "#!/usr/bin/env python\nprint(\"hello world\")\n" }
                                 << QList<bool> { true } << 5 << 2;
        QTest::newRow("two heredocs") << lines({ "FROM alpine", "RUN <<FILE1 cat > file1 && <<FILE2 cat > file2",
            "I am", "first", "FILE1", "I am", "second", "FILE2" })
                                      << 1 << QStringList { "FILE1", "FILE2" }
                                      << QStringList { "I am\nfirst\n", "I am\nsecond\n" } << QList<bool> { true, true }
                                      << 8 << 2;
        QTest::newRow("copy inline file")
            << lines({ "FROM alpine", "COPY <<EOF greeting.txt", "hello world", "EOF" }) << 1 << QStringList { "EOF" }
            << QStringList { "hello world\n" } << QList<bool> { true } << 4 << 2;
        QTest::newRow("tabs stripped") << lines({ "FROM alpine", "ARG FOO=bar", "COPY <<-EOT /script.sh",
            "\t\techo \"hello ${FOO}\"", "\tEOT", "ENTRYPOINT ash /script.sh" })
                                       << 2 << QStringList { "EOT" } << QStringList { "echo \"hello ${FOO}\"\n" }
                                       << QList<bool> { true } << 5 << 4;
        QTest::newRow("quoted delimiter")
            << lines({ "FROM alpine", "COPY <<-\"EOT\" /script.sh", "  echo \"hello ${FOO}\"", "EOT" }) << 1
            << QStringList { "EOT" } << QStringList { "  echo \"hello ${FOO}\"\n" } << QList<bool> { false } << 4 << 2;
        QTest::newRow("single-quoted delimiter")
            << lines({ "FROM alpine", "RUN <<'END' sh", "echo $HOME", "END" }) << 1 << QStringList { "END" }
            << QStringList { "echo $HOME\n" } << QList<bool> { false } << 4 << 2;
        QTest::newRow("instructions inside are text")
            << lines({ "FROM x", "RUN <<EOF", "FROM y", "RUN z", "EOF", "USER a" }) << 1 << QStringList { "EOF" }
            << QStringList { "FROM y\nRUN z\n" } << QList<bool> { true } << 5 << 3;
        QTest::newRow("not for ENV") << lines({ "FROM x", "ENV A=<<EOF" }) << 1 << QStringList {} << QStringList {}
                                     << QList<bool> {} << 2 << 2;
        QTest::newRow("here-string is not a heredoc") << lines({ "FROM x", "RUN cat <<<word" }) << 1 << QStringList {}
                                                      << QStringList {} << QList<bool> {} << 2 << 2;
    }

    void heredocs()
    {
        QFETCH(QString, text);
        QFETCH(int, instruction);
        QFETCH(QStringList, delimiters);
        QFETCH(QStringList, contents);
        QFETCH(QList<bool>, expand);
        QFETCH(int, endLine);
        QFETCH(int, instructions);
        const auto df = ballast::parseDockerfile(text);
        QVERIFY2(df.errors.empty(), qPrintable(df.errors.empty() ? QString() : df.errors.front().message));
        QCOMPARE(int(df.instructions.size()), instructions);
        const auto &in = df.instructions[size_t(instruction)];
        QStringList gotDelimiters, gotContents;
        QList<bool> gotExpand;
        for (const auto &doc : in.heredocs) {
            gotDelimiters << doc.delimiter;
            gotContents << doc.content;
            gotExpand << doc.expand;
        }
        QCOMPARE(gotDelimiters, delimiters);
        QCOMPARE(gotContents, contents);
        QCOMPARE(gotExpand, expand);
        QCOMPARE(in.endLine, endLine);
    }

    void unterminatedHeredocRecovers()
    {
        const auto df = ballast::parseDockerfile(lines({ "FROM x", "RUN <<EOF cat", "USER app", "WORKDIR /srv" }));
        QCOMPARE(int(df.errors.size()), 1);
        QCOMPARE(df.errors.front().line, 2);
        QCOMPARE(df.errors.front().column, 5);
        QStringList keywords;
        for (const auto &in : df.instructions)
            keywords << in.keyword;
        QCOMPARE(keywords, (QStringList { "FROM", "RUN", "USER", "WORKDIR" }));
    }

    void positions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("instruction");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("endLine");
        QTest::addColumn<int>("argumentsLine");
        QTest::addColumn<int>("argumentsColumn");

        QTest::newRow("first") << lines({ "FROM x" }) << 0 << 1 << 1 << 1 << 1 << 6;
        QTest::newRow("indented") << lines({ "FROM x", "", "   run  echo hi" }) << 1 << 3 << 4 << 3 << 3 << 9;
        QTest::newRow("flags then arguments on the next line")
            << lines({ "FROM x", "RUN --mount=type=cache,target=/c \\", "    make" }) << 1 << 2 << 1 << 3 << 3 << 5;
        QTest::newRow("heredoc body") << lines({ "FROM x", "COPY <<EOF /a", "x", "EOF", "USER u" }) << 2 << 5 << 1 << 5
                                      << 5 << 6;
    }

    void positions()
    {
        QFETCH(QString, text);
        QFETCH(int, instruction);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(int, endLine);
        QFETCH(int, argumentsLine);
        QFETCH(int, argumentsColumn);
        const auto df = ballast::parseDockerfile(text);
        const auto &in = df.instructions[size_t(instruction)];
        QCOMPARE(in.line, line);
        QCOMPARE(in.column, column);
        QCOMPARE(in.endLine, endLine);
        QCOMPARE(in.argumentsLine, argumentsLine);
        QCOMPARE(in.argumentsColumn, argumentsColumn);
        QCOMPARE(df.instructionAt(line), &in);
    }
};

QTEST_GUILESS_MAIN(ParserLinesTest)
#include "test_parser_lines.moc"
