// Reading apk's lib/apk/db/installed, and bytes per apk package on an Alpine-like image written for
// the test (an upgrade in a later layer, a symlink apk lists, a file no package owns). Expected
// figures are lengths of the fixture strings.
#include "FormatTestSupport.h"

#include "packages/ApkDatabase.h"
#include "packages/PackageAttribution.h"

#include <QTemporaryDir>

using namespace ballast::test;
using namespace fixture;

class TestApkDatabase : public QObject {
    Q_OBJECT
private slots:
    void records();
    void damagedText();
    void alpineImage();
};

void TestApkDatabase::records()
{
    const auto packages
        = ballast::readApkInstalled("C:Q1abc=\nP:musl\nV:1.2.4-r2\nA:x86_64\nS:383152\nI:622592\n"
                                    "F:lib\nR:ld-musl-x86_64.so.1\na:0:0:755\nZ:Q1xyz=\nR:libc.musl-x86_64.so.1\n"
                                    "\n"
                                    "P:busybox\nV:1.36.1-r15\nA:x86_64\nF:bin\nR:busybox\nR:sh\nF:etc\n"
                                    "R:securetty\nF:\nR:.profile\n");
    QCOMPARE(packages.size(), size_t(2));
    QCOMPARE(packages[0].name, std::string("musl"));
    QCOMPARE(packages[0].version, std::string("1.2.4-r2"));
    QCOMPARE(packages[0].architecture, std::string("x86_64"));
    QCOMPARE(packages[0].files, std::vector<std::string>({ "lib/ld-musl-x86_64.so.1", "lib/libc.musl-x86_64.so.1" }));
    QCOMPARE(packages[1].files, std::vector<std::string>({ "bin/busybox", "bin/sh", "etc/securetty", ".profile" }));
}

void TestApkDatabase::damagedText()
{
    QCOMPARE(ballast::readApkInstalled("").size(), size_t(0));
    QCOMPARE(ballast::readApkInstalled(std::string_view("\0\xff\n\n::\nPP\n", 10)).size(), size_t(0));
    // R: before any F: names a file at the top; a name that climbs stays inside the image.
    const auto packages = ballast::readApkInstalled("P:x\nR:top\nF:a/../../..\nR:passwd\n");
    QCOMPARE(packages.size(), size_t(1));
    QCOMPARE(packages[0].files, std::vector<std::string>({ "top", "passwd" }));
}

void TestApkDatabase::alpineImage()
{
    QTemporaryDir dir;
    const std::string base = "P:musl\nV:1.2.4-r2\nA:x86_64\nF:lib\nR:ld-musl-x86_64.so.1\n\n"
                             "P:busybox\nV:1.36.1-r15\nA:x86_64\nF:bin\nR:busybox\nR:sh\n";
    const std::string upgraded = "P:musl\nV:1.2.4-r3\nA:x86_64\nF:lib\nR:ld-musl-x86_64.so.1\n\n"
                                 "P:busybox\nV:1.36.1-r15\nA:x86_64\nF:bin\nR:busybox\nR:sh\n\n"
                                 "P:curl\nV:8.5.0-r0\nA:x86_64\nF:usr/bin\nR:curl\n";
    ArchiveSpec spec = oneLayer({ fileEntry("lib/ld-musl-x86_64.so.1", std::string(600, 'm')),
        fileEntry("bin/busybox", std::string(900, 'b')), symlinkEntry("bin/sh", "/bin/busybox"),
        fileEntry("etc/motd", std::string(20, 'x')), fileEntry("lib/apk/db/installed", base) });
    LayerSpec add;
    add.createdBy = "RUN apk add curl";
    add.entries = { fileEntry("lib/ld-musl-x86_64.so.1", std::string(650, 'M')),
        fileEntry("usr/bin/curl", std::string(250, 'c')), fileEntry("lib/apk/db/installed", upgraded) };
    spec.images[0].layers.push_back(add);
    const WrittenArchive written = writeArchive(spec, dir.path());

    LOAD_OR_FAIL(image, written.path);
    const ballast::PackageReport report = ballast::attributePackages(*image);
    QCOMPARE(report.packages.size(), size_t(3));
    const ballast::InstalledPackage &musl = report.packages[0];
    QCOMPARE(musl.ecosystem, QStringLiteral("apk"));
    QCOMPARE(musl.name, std::string("musl"));
    QCOMPARE(musl.version, std::string("1.2.4-r3"));
    QCOMPARE(musl.sizeBytes, int64_t(650));
    QCOMPARE(musl.installedInLayer, 0);
    QCOMPARE(musl.layers, std::vector<ballast::PackageLayerBytes>({ { 0, 600 }, { 1, 650 } }));
    const ballast::InstalledPackage &busybox = report.packages[1];
    QCOMPARE(busybox.sizeBytes, int64_t(900)); // bin/sh is a symlink: no bytes of its own
    QCOMPARE(busybox.fileCount(), int64_t(1));
    const ballast::InstalledPackage &curl = report.packages[2];
    QCOMPARE(curl.sizeBytes, int64_t(250));
    QCOMPARE(curl.installedInLayer, 1);
    QCOMPARE(report.unpackagedBytes, int64_t(20 + upgraded.size()));
}

QTEST_GUILESS_MAIN(TestApkDatabase)
#include "test_apk_database.moc"
