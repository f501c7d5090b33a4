// The editor's highlighter marks exactly the Dockerfile reference's instructions as keywords, in
// any case, and nothing else at the start of a line.
#include "editor/DockerfileHighlighter.h"

#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

class TestDockerfileHighlighter : public QObject {
    Q_OBJECT
private slots:
    void keywords_data();
    void keywords();
};

void TestDockerfileHighlighter::keywords_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("boldLength"); // characters from the keyword's start drawn bold, 0 for none
    // The eighteen instructions of the Dockerfile reference.
    for (const char *keyword : { "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK",
             "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR" })
        QTest::newRow(keyword) << QStringLiteral("%1 x").arg(QLatin1String(keyword)) << int(qstrlen(keyword));
    QTest::newRow("lower case") << QStringLiteral("  run x") << 3;
    QTest::newRow("misspelt") << QStringLiteral("FORM x") << 0;
    QTest::newRow("prefix of a word") << QStringLiteral("RUNNER x") << 0;
}

void TestDockerfileHighlighter::keywords()
{
    QFETCH(QString, line);
    QFETCH(int, boldLength);
    QPlainTextEdit editor;
    ballast::DockerfileHighlighter highlighter(&editor);
    editor.setPlainText(line);
    const QTextBlock block = editor.document()->firstBlock();
    const int start = int(line.size() - line.trimmed().size());
    int bold = 0;
    for (const QTextLayout::FormatRange &range : block.layout()->formats())
        if (range.start == start && range.format.fontWeight() == QFont::Bold)
            bold = range.length;
    QCOMPARE(bold, boldLength);
}

QTEST_MAIN(TestDockerfileHighlighter)
#include "test_dockerfile_highlighter.moc"
