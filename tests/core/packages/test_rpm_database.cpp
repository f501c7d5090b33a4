// Reading rpm's rpmdb.sqlite. The fixture is the database Debian's rpm wrote when it installed two
// packages built for the test (tests/data/rpm/make-rpmdb.sh); expected.txt is what rpm itself printed
// about them, the oracle here. Damaged databases and headers give an error or nothing, never a crash.
#include "FormatTestSupport.h"

#include "analysis/ImageAnalysis.h"
#include "packages/PackageAttribution.h"
#include "packages/RpmDatabase.h"

#include <QFile>
#include <QTemporaryDir>

using namespace ballast::test;
using namespace fixture;

class TestRpmDatabase : public QObject {
    Q_OBJECT
private slots:
    void readsWhatRpmSays();
    void damagedDatabases();
    void damagedHeaders();
    void rpmImage();
    void berkeleyDatabaseIsNamed();
};

namespace {

std::string fixtureBytes()
{
    QFile file(QStringLiteral(BALLAST_TEST_DATA "/rpm/rpmdb.sqlite"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

// expected.txt: "NAME VERSION ARCH" per package, then its files indented by two spaces.
std::vector<ballast::RpmPackage> expectedPackages()
{
    std::vector<ballast::RpmPackage> out;
    QFile file(QStringLiteral(BALLAST_TEST_DATA "/rpm/expected.txt"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return out;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).chopped(1);
        if (line.startsWith(QLatin1String("  /"))) {
            out.back().files.push_back(line.mid(3).toStdString());
        } else {
            const QStringList words = line.split(u' ');
            out.push_back({ words[0].toStdString(), words[1].toStdString(), words[2].toStdString(), {} });
        }
    }
    return out;
}

} // namespace

void TestRpmDatabase::readsWhatRpmSays()
{
    const std::string bytes = fixtureBytes();
    QVERIFY(bytes.size() > 4096);
    QCOMPARE(int(bytes[18]), 2); // rpm left it in write-ahead-log mode
    const ballast::RpmDatabase database = ballast::readRpmSqlite(bytes);
    QCOMPARE(database.error, std::string());
    const std::vector<ballast::RpmPackage> expected = expectedPackages();
    QCOMPARE(expected.size(), size_t(2));
    QCOMPARE(database.packages.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(database.packages[i].name, expected[i].name);
        QCOMPARE(database.packages[i].version, expected[i].version);
        QCOMPARE(database.packages[i].architecture, expected[i].architecture);
        QCOMPARE(database.packages[i].files, expected[i].files);
    }
    QCOMPARE(database.packages[1].version, std::string("2:3.1-4")); // by construction: Epoch 2
}

void TestRpmDatabase::damagedDatabases()
{
    QVERIFY(!ballast::readRpmSqlite("").error.empty());
    QVERIFY(!ballast::readRpmSqlite(std::string(8192, 'x')).error.empty());
    const std::string bytes = fixtureBytes();
    QVERIFY(!ballast::readRpmSqlite(bytes.substr(0, 4096)).error.empty()); // the first page only
    // An SQLite database with no Packages table: every copy of its schema names another table.
    std::string other = bytes;
    const std::string_view created = "CREATE TABLE 'Packages'";
    int renamed = 0;
    for (size_t at; (at = other.find(created)) != std::string::npos; ++renamed)
        other.replace(at + 14, 8, "Pakkages");
    QVERIFY(renamed > 0);
    QVERIFY(!ballast::readRpmSqlite(other).error.empty());
}

void TestRpmDatabase::damagedHeaders()
{
    QVERIFY(!ballast::readRpmHeader(""));
    QVERIFY(!ballast::readRpmHeader(std::string_view("\0\0\0\1\xff\xff\xff\xff", 8))); // data past the blob
    // One entry, RPMTAG_NAME as a string at offset 100 of 4 data bytes: outside the data.
    const std::string outside("\0\0\0\1\0\0\0\4"
                              "\0\0\x03\xe8\0\0\0\6\0\0\0\x64\0\0\0\1"
                              "abc\0",
        28);
    QVERIFY(!ballast::readRpmHeader(outside));
    // The same name inside the data, without its terminating NUL: refused too.
    std::string unterminated = outside;
    unterminated[19] = 0;
    unterminated[27] = 'd';
    QVERIFY(!ballast::readRpmHeader(unterminated));
    unterminated[27] = '\0';
    const auto named = ballast::readRpmHeader(unterminated);
    QVERIFY(named);
    QCOMPARE(named->name, std::string("abc"));
    QCOMPARE(named->files.size(), size_t(0));
}

void TestRpmDatabase::rpmImage()
{
    QTemporaryDir dir;
    const std::string database = fixtureBytes();
    // The files as the packages' specs wrote them, and one no package owns.
    const ArchiveSpec spec = oneLayer({ fileEntry("usr/bin/hello", "#!/bin/sh\necho hello\n"),
        fileEntry("usr/share/doc/hello/README", "hello readme\n"), fileEntry("etc/greet.conf", "greeting=hi\n"),
        fileEntry("usr/lib/greet/data.bin", std::string(5000, '\0')), fileEntry("srv/app", std::string(70, 'a')),
        fileEntry("var/lib/rpm/rpmdb.sqlite", database) });
    const WrittenArchive written = writeArchive(spec, dir.path());

    LOAD_OR_FAIL(image, written.path);
    const ballast::PackageReport report = ballast::attributePackages(*image);
    QCOMPARE(report.skipped, QStringList());
    QCOMPARE(report.packages.size(), size_t(2));
    QCOMPARE(report.packages[0].ecosystem, QStringLiteral("rpm"));
    QCOMPARE(report.packages[0].name, std::string("hello"));
    QCOMPARE(report.packages[0].sizeBytes, int64_t(21 + 13));
    QCOMPARE(report.packages[0].fileCount(), int64_t(2));
    QCOMPARE(report.packages[0].installedInLayer, 0);
    QCOMPARE(report.packages[1].name, std::string("greet"));
    QCOMPARE(report.packages[1].sizeBytes, int64_t(12 + 5000));
    QCOMPARE(report.unpackagedBytes, int64_t(70 + database.size()));
}

void TestRpmDatabase::berkeleyDatabaseIsNamed()
{
    QTemporaryDir dir;
    const ArchiveSpec spec = oneLayer({ fileEntry("var/lib/rpm/Packages", std::string(4096, '\0')),
        fileEntry("usr/bin/bash", std::string(100, 'b')) });
    const WrittenArchive written = writeArchive(spec, dir.path());

    LOAD_OR_FAIL(image, written.path);
    const ballast::PackageReport report = ballast::attributePackages(*image);
    QCOMPARE(report.packages.size(), size_t(0));
    QCOMPARE(report.skipped,
        QStringList({ QStringLiteral("var/lib/rpm/Packages: an rpm database in Berkeley DB or ndb format, which "
                                     "Ballast does not read; the files of its packages count as no package's") }));
    QCOMPARE(report.unpackagedBytes, int64_t(4096 + 100));
    // The analysis names it as a finding and goes on.
    const ballast::ImageAnalysis analysis = ballast::analyzeImage(*image);
    QCOMPARE(analysis.findings.back().category, QStringLiteral("package-database-not-read"));
    QVERIFY(analysis.findings.back().advice.startsWith(report.skipped.front()));
    QCOMPARE(analysis.findings.back().bytes, int64_t(0));
}

QTEST_GUILESS_MAIN(TestRpmDatabase)
#include "test_rpm_database.moc"
