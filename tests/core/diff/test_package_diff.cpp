// Package changes between two images, on package reports written for the test, and the version
// order, from the cases Debian policy (5.6.12) gives for dpkg's comparison.
#include "diff/PackageDiff.h"

#include <QTest>

class TestPackageDiff : public QObject {
    Q_OBJECT
private slots:
    void versionOrder_data();
    void versionOrder();
    void changes();
    void nestedNpmCopiesPairByVersion();
};

namespace {

ballast::InstalledPackage package(const char *ecosystem, const char *name, const char *version, int64_t bytes)
{
    ballast::InstalledPackage p;
    p.ecosystem = QLatin1String(ecosystem);
    p.name = name;
    p.version = version;
    p.sizeBytes = bytes;
    return p;
}

} // namespace

void TestPackageDiff::versionOrder_data()
{
    QTest::addColumn<QString>("lower");
    QTest::addColumn<QString>("higher");
    QTest::newRow("tilde before release") << "1.0~rc1"
                                          << "1.0";
    QTest::newRow("tilde before tilde-tilde-less") << "1.0~~"
                                                   << "1.0~";
    QTest::newRow("epoch wins") << "2.0"
                                << "1:0.9";
    QTest::newRow("revision numeric") << "2.36-9"
                                      << "2.36-10";
    QTest::newRow("security update") << "7.88.1-10"
                                     << "7.88.1-10+deb12u5";
    QTest::newRow("apk release") << "1.2.4-r2"
                                 << "1.2.4-r10";
    QTest::newRow("rpm epoch") << "3.1-4"
                               << "2:3.1-4";
    QTest::newRow("letters before other characters") << "1.0a"
                                                     << "1.0+";
    QTest::newRow("semver minor") << "4.3.4"
                                  << "4.18.2";
}

void TestPackageDiff::versionOrder()
{
    QFETCH(QString, lower);
    QFETCH(QString, higher);
    const std::string a = lower.toStdString(), b = higher.toStdString();
    QVERIFY(ballast::compareVersions(a, b) < 0);
    QVERIFY(ballast::compareVersions(b, a) > 0);
    QCOMPARE(ballast::compareVersions(a, a), 0);
    QCOMPARE(ballast::compareVersions("1.0", "1.00"), 0); // leading zeros do not count
}

void TestPackageDiff::changes()
{
    ballast::PackageReport a, b;
    a.packages = { package("deb", "libc6", "2.36-9", 12000), package("deb", "bash", "5.2.15-3", 7000),
        package("deb", "perl", "5.36.0-7", 40000), package("deb", "python3", "3.11.2-1", 500),
        package("deb", "tzdata", "2024a-1", 3000) };
    b.packages = { package("deb", "libc6", "2.36-9", 12000), package("deb", "bash", "5.2.15-2", 6900),
        package("deb", "python3", "3.11.2-6", 800), package("deb", "tzdata", "2024a-1", 1000),
        package("deb", "curl", "7.88.1-10", 300), package("pypi", "perl", "1.0", 10) };
    a.unpackagedBytes = 100;
    b.unpackagedBytes = 250;
    const ballast::PackageDiff diff = ballast::diffPackages(a, b);
    QCOMPARE(diff.unpackagedBytesA, int64_t(100));
    QCOMPARE(diff.unpackagedBytesB, int64_t(250));
    // libc6 did not change; the rest, largest |delta| first.
    QCOMPARE(diff.changes.size(), size_t(6));
    using Kind = ballast::PackageChange::Kind;
    const std::vector<std::tuple<Kind, std::string, std::string, std::string, int64_t>> expected = {
        { Kind::Removed, "perl", "5.36.0-7", "", -40000 }, // the pypi perl is another package
        { Kind::Resized, "tzdata", "2024a-1", "2024a-1", -2000 },
        { Kind::Upgraded, "python3", "3.11.2-1", "3.11.2-6", 300 },
        { Kind::Added, "curl", "", "7.88.1-10", 300 },
        { Kind::Downgraded, "bash", "5.2.15-3", "5.2.15-2", -100 },
        { Kind::Added, "perl", "", "1.0", 10 },
    };
    for (size_t i = 0; i < expected.size(); ++i) {
        const ballast::PackageChange &change = diff.changes[i];
        const auto &[kind, name, versionA, versionB, delta] = expected[i];
        QCOMPARE(int(change.kind), int(kind));
        QCOMPARE(change.name, name);
        QCOMPARE(change.versionA, versionA);
        QCOMPARE(change.versionB, versionB);
        QCOMPARE(change.deltaBytes(), delta);
    }
    QCOMPARE(diff.changes[5].ecosystem, QStringLiteral("pypi"));
}

void TestPackageDiff::nestedNpmCopiesPairByVersion()
{
    ballast::PackageReport a, b;
    a.packages = { package("npm", "debug", "2.6.9", 50), package("npm", "debug", "4.3.4", 60) };
    b.packages = { package("npm", "debug", "4.3.4", 60), package("npm", "debug", "4.3.5", 61) };
    const ballast::PackageDiff diff = ballast::diffPackages(a, b);
    // 4.3.4 is in both; 2.6.9 became 4.3.5.
    QCOMPARE(diff.changes.size(), size_t(1));
    QCOMPARE(int(diff.changes[0].kind), int(ballast::PackageChange::Kind::Upgraded));
    QCOMPARE(diff.changes[0].versionA, std::string("2.6.9"));
    QCOMPARE(diff.changes[0].versionB, std::string("4.3.5"));
}

QTEST_GUILESS_MAIN(TestPackageDiff)
#include "test_package_diff.moc"
