// diffWords() on pairs of instructions whose differing words are counted by hand: each expected span
// is the character offset and length of the words one side has and the other lacks.
#include "diff/WordDiff.h"

#include <QTest>

using ballast::TextSpan;
using Spans = std::vector<TextSpan>;
Q_DECLARE_METATYPE(Spans)

namespace {

QString describe(const QString &text, const Spans &spans)
{
    QStringList parts;
    for (const TextSpan &span : spans)
        parts << QStringLiteral("%1+%2 '%3'").arg(span.start).arg(span.length).arg(text.mid(span.start, span.length));
    return parts.join(QStringLiteral(", "));
}

} // namespace

class TestWordDiff : public QObject {
    Q_OBJECT
private slots:
    void spans_data();
    void spans();
    void longTextsFallBackToTheWholeMiddle();
    void similarity();
};

void TestWordDiff::spans_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<Spans>("onlyInA");
    QTest::addColumn<Spans>("onlyInB");
    QTest::newRow("identical") << QStringLiteral("RUN make all") << QStringLiteral("RUN make all") << Spans {}
                               << Spans {};
    QTest::newRow("both empty") << QString() << QString() << Spans {} << Spans {};
    // "apt-get install -y " is 19 characters; "--no-install-recommends" is 23.
    QTest::newRow("word inserted") << QStringLiteral("apt-get install -y curl")
                                   << QStringLiteral("apt-get install -y --no-install-recommends curl") << Spans {}
                                   << Spans { { 19, 23 } };
    QTest::newRow("word replaced") << QStringLiteral("COPY file:aaa in /x") << QStringLiteral("COPY file:bbb in /x")
                                   << Spans { { 5, 8 } } << Spans { { 5, 8 } };
    QTest::newRow("neighbours form one span")
        << QStringLiteral("a b c") << QStringLiteral("a x  y c") << Spans { { 2, 1 } } << Spans { { 2, 4 } };
    QTest::newRow("separate changes stay apart") << QStringLiteral("a b c d e") << QStringLiteral("a B c D e")
                                                 << Spans { { 2, 1 }, { 6, 1 } } << Spans { { 2, 1 }, { 6, 1 } };
    QTest::newRow("nothing in common") << QStringLiteral("x y") << QStringLiteral("p q r") << Spans { { 0, 3 } }
                                       << Spans { { 0, 5 } };
    QTest::newRow("from nothing") << QString() << QStringLiteral("a b") << Spans {} << Spans { { 0, 3 } };
    QTest::newRow("to nothing") << QStringLiteral("  a b ") << QString() << Spans { { 2, 3 } } << Spans {};
    QTest::newRow("whitespace is no word")
        << QStringLiteral("make  all\t-j4") << QStringLiteral("make all -j4") << Spans {} << Spans {};
    // The longest common subsequence of "a b c" and "c a b" is "a b": "c" moved.
    QTest::newRow("moved word") << QStringLiteral("a b c") << QStringLiteral("c a b") << Spans { { 4, 1 } }
                                << Spans { { 0, 1 } };
    QTest::newRow("word removed between repeats")
        << QStringLiteral("rm -rf /a /b") << QStringLiteral("rm -rf /b") << Spans { { 7, 2 } } << Spans {};
    QTest::newRow("case matters") << QStringLiteral("RUN Make") << QStringLiteral("RUN make") << Spans { { 4, 4 } }
                                  << Spans { { 4, 4 } };
}

void TestWordDiff::spans()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(Spans, onlyInA);
    QFETCH(Spans, onlyInB);
    const ballast::WordDiff diff = ballast::diffWords(a, b);
    QCOMPARE(describe(a, diff.onlyInA), describe(a, onlyInA));
    QCOMPARE(describe(b, diff.onlyInB), describe(b, onlyInB));
}

// 2 502 words a side, differing at both ends: past the table's limit, the whole middle is one change.
void TestWordDiff::longTextsFallBackToTheWholeMiddle()
{
    QStringList common;
    for (int i = 0; i < 2500; ++i)
        common << QStringLiteral("w%1").arg(i);
    const QString a = QStringLiteral("x ") + common.join(QLatin1Char(' ')) + QStringLiteral(" x");
    const QString b = QStringLiteral("y ") + common.join(QLatin1Char(' ')) + QStringLiteral(" y");
    const ballast::WordDiff diff = ballast::diffWords(a, b);
    QCOMPARE(describe(a, diff.onlyInA), describe(a, Spans { { 0, a.size() } }));
    QCOMPARE(describe(b, diff.onlyInB), describe(b, Spans { { 0, b.size() } }));
}

// 2 × common words / (words of A + words of B).
void TestWordDiff::similarity()
{
    const auto of = [](const char *a, const char *b) {
        return ballast::diffWords(QString::fromLatin1(a), QString::fromLatin1(b));
    };
    QCOMPARE(of("make", "make install").commonWords, size_t(1));
    QCOMPARE(of("make", "make install").similarity(), 2.0 / 3.0);
    QCOMPARE(of("a b c", "c a b").commonWords, size_t(2));
    QCOMPARE(of("a b c", "c a b").similarity(), 4.0 / 6.0);
    QCOMPARE(of("x y", "p q r").similarity(), 0.0);
    QCOMPARE(of("make  all", "make all").similarity(), 1.0);
    QCOMPARE(of("", "").similarity(), 1.0);
    QCOMPARE(of("", "a").similarity(), 0.0);
    const ballast::WordDiff counted = of("apt-get install -y curl", "apt-get install -y --no-install-recommends curl");
    QCOMPARE(counted.wordsA, size_t(4));
    QCOMPARE(counted.wordsB, size_t(5));
    QCOMPARE(counted.commonWords, size_t(4));
}

QTEST_GUILESS_MAIN(TestWordDiff)
#include "test_word_diff.moc"
