// diffFindings(): which findings of A are resolved in B, which are new in B, which both still have and
// by how many bytes they changed. Findings are written by hand, so the key (category plus paths in
// common) is all that decides.
#include "diff/FindingsDiff.h"

#include <QTest>

using ballast::Finding;
using Findings = std::vector<Finding>;
Q_DECLARE_METATYPE(Findings)

namespace {

Finding F(const char *category, std::vector<std::string> paths, int64_t bytes, const char *title = "")
{
    Finding f;
    f.category = QString::fromLatin1(category);
    f.title = QString::fromLatin1(title);
    f.paths = std::move(paths);
    f.bytes = bytes;
    return f;
}

QString describe(const Finding &f)
{
    QStringList paths;
    for (const std::string &p : f.paths)
        paths << QString::fromStdString(p);
    return QStringLiteral("%1 %2 [%3] %4").arg(f.category, f.title, paths.join(QLatin1Char(' '))).arg(f.bytes);
}

QStringList describeAll(const Findings &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out << describe(f);
    return out;
}

} // namespace

class TestFindingsDiff : public QObject {
    Q_OBJECT
private slots:
    void pairs_data();
    void pairs();
    void key();
};

void TestFindingsDiff::pairs_data()
{
    QTest::addColumn<Findings>("a");
    QTest::addColumn<Findings>("b");
    QTest::addColumn<QStringList>("resolved");
    QTest::addColumn<QStringList>("introduced");
    QTest::addColumn<QStringList>("stillPresent"); // "A's finding => B's finding: delta"
    const Finding lists = F("apt-lists", { "var/lib/apt/lists" }, 3000);
    const Finding env = F("secret-file", { "app/.env" }, 12);
    QTest::newRow("nothing") << Findings {} << Findings {} << QStringList {} << QStringList {} << QStringList {};
    QTest::newRow("resolved") << Findings { lists } << Findings {} << QStringList { describe(lists) } << QStringList {}
                              << QStringList {};
    QTest::newRow("new") << Findings {} << Findings { env } << QStringList {} << QStringList { describe(env) }
                         << QStringList {};
    QTest::newRow("still present, grown by 500 B")
        << Findings { F("docs", { "usr/share/doc" }, 1000) } << Findings { F("docs", { "usr/share/doc" }, 1500) }
        << QStringList {} << QStringList {}
        << QStringList { QStringLiteral("docs  [usr/share/doc] 1000 => docs  [usr/share/doc] 1500: 500") };
    QTest::newRow("same category, other paths: one resolved, one new")
        << Findings { F("setuid", { "usr/bin/su" }, 70) } << Findings { F("setuid", { "usr/bin/passwd" }, 60) }
        << QStringList { QStringLiteral("setuid  [usr/bin/su] 70") }
        << QStringList { QStringLiteral("setuid  [usr/bin/passwd] 60") } << QStringList {};
    QTest::newRow("one path in common is enough")
        << Findings { F("setuid", { "usr/bin/su", "usr/bin/passwd" }, 130) }
        << Findings { F("setuid", { "usr/bin/passwd" }, 60) } << QStringList {} << QStringList {}
        << QStringList { QStringLiteral(
               "setuid  [usr/bin/su usr/bin/passwd] 130 => setuid  [usr/bin/passwd] 60: -70") };
    QTest::newRow("no paths on either side: the same")
        << Findings { F("root-user", {}, 0) } << Findings { F("root-user", {}, 0) } << QStringList {} << QStringList {}
        << QStringList { QStringLiteral("root-user  [] 0 => root-user  [] 0: 0") };
    QTest::newRow("paths on one side only: not the same")
        << Findings { F("shell", {}, 0) } << Findings { F("shell", { "bin/sh" }, 0) }
        << QStringList { QStringLiteral("shell  [] 0") } << QStringList { QStringLiteral("shell  [bin/sh] 0") }
        << QStringList {};
    QTest::newRow("other category, same path: not the same")
        << Findings { F("apt-lists", { "var/lib/apt/lists" }, 5) } << Findings { F("docs", { "var/lib/apt/lists" }, 5) }
        << QStringList { QStringLiteral("apt-lists  [var/lib/apt/lists] 5") }
        << QStringList { QStringLiteral("docs  [var/lib/apt/lists] 5") } << QStringList {};
    // A step added before them renumbers the layers in the titles: still the same files.
    QTest::newRow("layer numbers in titles do not matter")
        << Findings { F("deleted-later", { "tmp/a" }, 9, "files written in layer 3 and deleted in layer 4") }
        << Findings { F("deleted-later", { "tmp/a" }, 9, "files written in layer 4 and deleted in layer 5") }
        << QStringList {} << QStringList {}
        << QStringList { QStringLiteral("deleted-later files written in layer 3 and deleted in layer 4 [tmp/a] 9 => "
                                        "deleted-later files written in layer 4 and deleted in layer 5 [tmp/a] 9: 0") };
    QTest::newRow("two of a category pair by their paths")
        << Findings { F("deleted-later", { "tmp/a", "tmp/b" }, 20), F("deleted-later", { "opt/c" }, 30) }
        << Findings { F("deleted-later", { "opt/c" }, 35), F("deleted-later", { "tmp/b", "tmp/a" }, 20) }
        << QStringList {} << QStringList {}
        << QStringList { QStringLiteral("deleted-later  [tmp/a tmp/b] 20 => deleted-later  [tmp/b tmp/a] 20: 0"),
               QStringLiteral("deleted-later  [opt/c] 30 => deleted-later  [opt/c] 35: 5") };
    QTest::newRow("the most paths in common wins")
        << Findings { F("duplicate-content", { "p", "q" }, 8) }
        << Findings { F("duplicate-content", { "p" }, 4), F("duplicate-content", { "q", "p" }, 8) } << QStringList {}
        << QStringList { QStringLiteral("duplicate-content  [p] 4") }
        << QStringList { QStringLiteral("duplicate-content  [p q] 8 => duplicate-content  [q p] 8: 0") };
    QTest::newRow("largest files are no problem to resolve")
        << Findings { F("largest-files", { "usr/lib/big" }, 900) }
        << Findings { F("largest-files", { "app/hello" }, 10) } << QStringList {} << QStringList {} << QStringList {};
}

void TestFindingsDiff::pairs()
{
    QFETCH(Findings, a);
    QFETCH(Findings, b);
    QFETCH(QStringList, resolved);
    QFETCH(QStringList, introduced);
    QFETCH(QStringList, stillPresent);
    const ballast::FindingsDiff diff = ballast::diffFindings(a, b);
    QCOMPARE(describeAll(diff.resolved), resolved);
    QCOMPARE(describeAll(diff.introduced), introduced);
    QStringList kept;
    for (const auto &k : diff.stillPresent)
        kept << QStringLiteral("%1 => %2: %3").arg(describe(k.a), describe(k.b)).arg(k.deltaBytes());
    QCOMPARE(kept, stillPresent);
}

void TestFindingsDiff::key()
{
    QVERIFY(
        ballast::sameFinding(F("docs", { "usr/share/doc", "usr/share/man" }, 1), F("docs", { "usr/share/man" }, 2)));
    QVERIFY(!ballast::sameFinding(F("docs", { "usr/share/doc" }, 1), F("docs", { "usr/share/man" }, 1)));
    QVERIFY(!ballast::sameFinding(F("docs", { "usr/share/doc" }, 1), F("toolchain", { "usr/share/doc" }, 1)));
    QVERIFY(ballast::sameFinding(F("root-user", {}, 0), F("root-user", {}, 0)));
    QVERIFY(!ballast::sameFinding(F("root-user", {}, 0), F("shell", {}, 0)));
}

QTEST_GUILESS_MAIN(TestFindingsDiff)
#include "test_findings_diff.moc"
