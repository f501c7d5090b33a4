// Reading dpkg's status file, its .list files and distroless's status.d. The expected packages and
// paths are written out from the fixture text itself.
#include "packages/DpkgDatabase.h"

#include <QTest>

using namespace ballast;

class TestDpkgDatabase : public QObject {
    Q_OBJECT
private slots:
    void installedPackagesOnly();
    void multiArchListNames();
    void distrolessStatusFiles();
    void damagedText();
    void listFiles();
    void md5sums();
};

namespace {

// "name version architecture" per package, for one-line comparisons.
QStringList described(const std::vector<DpkgPackage> &packages)
{
    QStringList out;
    for (const DpkgPackage &p : packages)
        out << QString::fromStdString(p.name + ' ' + p.version + ' ' + p.architecture);
    return out;
}

} // namespace

void TestDpkgDatabase::installedPackagesOnly()
{
    const char *status = "Package: base-files\n"
                         "Essential: yes\n"
                         "Status: install ok installed\n"
                         "Priority: required\n"
                         "Architecture: amd64\n"
                         "Version: 12.4+deb12u5\n"
                         "Description: Debian base system miscellaneous files\n"
                         " This package contains the basic filesystem hierarchy.\n"
                         " .\n"
                         " Package: not-a-field\n"
                         "\n"
                         "Package: old-lib\n"
                         "Status: deinstall ok config-files\n"
                         "Architecture: amd64\n"
                         "Version: 1.0\n"
                         "\n"
                         "Package: broken\n"
                         "Status: install reinstreq half-installed\n"
                         "Version: 2.0\n"
                         "\n"
                         "Package: gone\n"
                         "Status: purge ok not-installed\n"
                         "\n"
                         "Package: pinned\n"
                         "Status: hold ok installed\n"
                         "Architecture: all\n"
                         "Version: 3.1-2\n"
                         "\n\n\n"
                         "Package: last\n"
                         "Version: 1:2.36-9+deb12u4\n"
                         "Architecture: arm64\n"
                         "Status: install ok installed"; // no final newline
    QCOMPARE(described(readDpkgStatus(status)),
        QStringList({ "base-files 12.4+deb12u5 amd64", "pinned 3.1-2 all", "last 1:2.36-9+deb12u4 arm64" }));
}

void TestDpkgDatabase::multiArchListNames()
{
    const auto packages = readDpkgStatus("Package: libc6\r\nStatus: install ok installed\r\nMulti-Arch: same\r\n"
                                         "Architecture: amd64\r\nVersion: 2.36-9\r\n\r\n"
                                         "Package: bash\nStatus: install ok installed\nMulti-Arch: foreign\n"
                                         "Architecture: amd64\nVersion: 5.2.15-2+b2\n");
    QCOMPARE(packages.size(), size_t(2));
    QCOMPARE(packages[0].version, std::string("2.36-9")); // CRLF lines read like LF ones
    QCOMPARE(dpkgListName(packages[0]), std::string("libc6:amd64"));
    QCOMPARE(dpkgListName(packages[1]), std::string("bash"));
}

void TestDpkgDatabase::distrolessStatusFiles()
{
    const char *status = "Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n";
    QCOMPARE(readDpkgStatus(status).size(), size_t(0)); // no Status: nothing is known installed
    QCOMPARE(described(readDpkgStatus(status, false)), QStringList({ "tzdata 2024a-0+deb12u1 all" }));
}

void TestDpkgDatabase::damagedText()
{
    QCOMPARE(readDpkgStatus("").size(), size_t(0));
    QCOMPARE(readDpkgStatus(std::string_view("\0\0\xff\xfe binary", 12)).size(), size_t(0));
    // A paragraph without Package: is skipped; invalid UTF-8 in a value is kept byte for byte.
    const auto packages = readDpkgStatus("Status: install ok installed\nVersion: 1\n\n"
                                         "Package: caf\xe9\nStatus: install ok installed\nVersion: 1\n");
    QCOMPARE(packages.size(), size_t(1));
    QCOMPARE(packages[0].name, std::string("caf\xe9"));
}

void TestDpkgDatabase::listFiles()
{
    const auto paths = readDpkgList("/.\n/bin\n/bin/bash\n/usr/share/doc/bash/README\n\n/etc/../../etc/passwd\n");
    QCOMPARE(paths, std::vector<std::string>({ "bin", "bin/bash", "usr/share/doc/bash/README", "etc/passwd" }));
}

void TestDpkgDatabase::md5sums()
{
    const auto paths = readDpkgMd5sums("4f3c2b1a0e9d8c7b6a5f4e3d2c1b0a99  usr/share/zoneinfo/UTC\n"
                                       "0123456789abcdef0123456789abcdef  ./etc/timezone\nnot-a-line\n");
    QCOMPARE(paths, std::vector<std::string>({ "usr/share/zoneinfo/UTC", "etc/timezone" }));
}

QTEST_GUILESS_MAIN(TestDpkgDatabase)
#include "test_dpkg_database.moc"
