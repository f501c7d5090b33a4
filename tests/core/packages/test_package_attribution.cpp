// Bytes per package on a small Debian-like image written for the test: merged /usr (lib is a symlink
// to usr/lib, as on Debian 12, while dpkg lists /lib/…), an upgrade in a later layer, a deleted file,
// a file two packages claim, apt's cache, and distroless's status.d. Every expected figure is the
// length of a fixture string, summed by hand below.
#include "FormatTestSupport.h"

#include "packages/PackageAttribution.h"

#include <QTemporaryDir>

using namespace ballast::test;
using namespace fixture;

class TestPackageAttribution : public QObject {
    Q_OBJECT
private slots:
    void debianImage();
    void distrolessStatusDirectory();
    void databaseOverTheBudgetIsNamed();
    void noDatabase();
};

namespace {

std::string status(const std::vector<std::pair<std::string, std::string>> &packages)
{
    std::string out;
    for (const auto &[name, version] : packages)
        out += "Package: " + name + "\nStatus: install ok installed\nArchitecture: amd64\nVersion: " + version
            + (name == "libc6" ? "\nMulti-Arch: same\n\n" : "\n\n");
    return out;
}

const ballast::InstalledPackage *find(const ballast::PackageReport &report, const std::string &name)
{
    for (const auto &package : report.packages)
        if (package.name == name)
            return &package;
    return nullptr;
}

} // namespace

void TestPackageAttribution::debianImage()
{
    QTemporaryDir dir;
    const std::string base = status({ { "libc6", "2.36-9" }, { "bash", "5.2.15-2" } });
    const std::string withCurl = status({ { "libc6", "2.36-9" }, { "bash", "5.2.15-3" }, { "curl", "7.88.1-10" } });
    const std::string libcList = "/.\n/lib\n/lib/x86_64-linux-gnu\n/lib/x86_64-linux-gnu/libc.so.6\n"
                                 "/usr/share/doc/libc6/copyright\n";
    const std::string bashList = "/.\n/usr/bin/bash\n/etc/shared.conf\n";
    const std::string curlList = "/.\n/usr/bin/curl\n/etc/shared.conf\n/usr/bin/missing\n";
    ArchiveSpec spec = oneLayer({ dirEntry("usr/"), dirEntry("usr/lib/"), symlinkEntry("lib", "usr/lib"),
        fileEntry("usr/lib/x86_64-linux-gnu/libc.so.6", std::string(1000, 'c')),
        fileEntry("usr/share/doc/libc6/copyright", std::string(100, 'd')),
        fileEntry("usr/bin/bash", std::string(500, 'b')), fileEntry("etc/shared.conf", std::string(7, 's')),
        fileEntry("etc/hostname", std::string(10, 'h')), fileEntry("var/lib/dpkg/status", base),
        fileEntry("var/lib/dpkg/info/libc6:amd64.list", libcList),
        fileEntry("var/lib/dpkg/info/bash.list", bashList) });
    LayerSpec install;
    install.createdBy = "RUN apt-get install -y curl";
    install.entries = { fileEntry("usr/bin/curl", std::string(300, 'u')),
        fileEntry("usr/bin/bash", std::string(600, 'B')), // upgraded
        fileEntry("var/cache/apt/archives/curl.deb", std::string(2000, 'a')),
        fileEntry("var/lib/dpkg/status", withCurl), fileEntry("var/lib/dpkg/info/curl.list", curlList),
        fileEntry("var/lib/dpkg/info/bash.list", bashList) };
    LayerSpec slim;
    slim.createdBy = "RUN rm -rf /usr/share/doc";
    slim.entries = { whiteoutEntry("usr/share", "doc") };
    spec.images[0].layers.push_back(install);
    spec.images[0].layers.push_back(slim);
    const WrittenArchive written = writeArchive(spec, dir.path());

    LOAD_OR_FAIL(image, written.path);
    const ballast::PackageReport report = ballast::attributePackages(*image);
    QCOMPARE(report.packages.size(), size_t(3));
    QCOMPARE(report.skipped, QStringList());

    const auto *libc = find(report, "libc6");
    QVERIFY(libc);
    QCOMPARE(libc->ecosystem, QStringLiteral("deb"));
    QCOMPARE(libc->version, std::string("2.36-9"));
    QCOMPARE(libc->sizeBytes, int64_t(1000)); // libc.so.6, reached through the lib symlink
    QCOMPARE(libc->fileCount(), int64_t(1));
    QCOMPARE(libc->installedInLayer, 0);
    // The deleted copyright still counts where it was written.
    QCOMPARE(libc->layers, std::vector<ballast::PackageLayerBytes>({ { 0, 1100 } }));
    QCOMPARE(libc->files,
        std::vector<ballast::MergedTree::NodeId>({ image->tree.find("usr/lib/x86_64-linux-gnu/libc.so.6") }));

    const auto *bash = find(report, "bash");
    QVERIFY(bash);
    QCOMPARE(bash->version, std::string("5.2.15-3")); // the final database's version
    QCOMPARE(bash->sizeBytes, int64_t(600 + 7)); // bash as upgraded, and shared.conf (bash is listed first)
    QCOMPARE(bash->fileCount(), int64_t(2));
    QCOMPARE(bash->installedInLayer, 0);
    QCOMPARE(bash->layers, std::vector<ballast::PackageLayerBytes>({ { 0, 500 + 7 }, { 1, 600 } }));
    QCOMPARE(bash->files,
        std::vector<ballast::MergedTree::NodeId>(
            { image->tree.find("usr/bin/bash"), image->tree.find("etc/shared.conf") }));

    const auto *curl = find(report, "curl");
    QVERIFY(curl);
    QCOMPARE(curl->sizeBytes, int64_t(300)); // shared.conf went to bash; usr/bin/missing is not there
    QCOMPARE(curl->fileCount(), int64_t(1));
    QCOMPARE(curl->installedInLayer, 1);
    QCOMPARE(curl->layers, std::vector<ballast::PackageLayerBytes>({ { 1, 300 } }));

    // The final files no package owns: hostname, apt's cache and dpkg's own database.
    const int64_t unpackaged
        = 10 + 2000 + int64_t(withCurl.size() + libcList.size() + bashList.size() + curlList.size());
    QCOMPARE(report.unpackagedBytes, unpackaged);
    QCOMPARE(image->tree.finalFileBytes(), unpackaged + 1000 + 607 + 300);
}

void TestPackageAttribution::distrolessStatusDirectory()
{
    QTemporaryDir dir;
    const std::string tzdata = "Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n";
    const std::string sums = "0123456789abcdef0123456789abcdef  usr/share/zoneinfo/UTC\n"
                             "fedcba9876543210fedcba9876543210  usr/share/zoneinfo/Europe/Paris\n";
    const ArchiveSpec spec = oneLayer({ fileEntry("usr/share/zoneinfo/UTC", std::string(118, 'z')),
        fileEntry("usr/share/zoneinfo/Europe/Paris", std::string(2962, 'p')),
        fileEntry("var/lib/dpkg/status.d/tzdata", tzdata), fileEntry("var/lib/dpkg/status.d/tzdata.md5sums", sums) });
    const WrittenArchive written = writeArchive(spec, dir.path());

    LOAD_OR_FAIL(image, written.path);
    const ballast::PackageReport report = ballast::attributePackages(*image);
    QCOMPARE(report.packages.size(), size_t(1));
    QCOMPARE(report.packages[0].name, std::string("tzdata"));
    QCOMPARE(report.packages[0].version, std::string("2024a-0+deb12u1"));
    QCOMPARE(report.packages[0].sizeBytes, int64_t(118 + 2962));
    QCOMPARE(report.packages[0].fileCount(), int64_t(2));
    QCOMPARE(report.packages[0].installedInLayer, 0);
    QCOMPARE(report.unpackagedBytes, int64_t(tzdata.size() + sums.size()));
}

void TestPackageAttribution::databaseOverTheBudgetIsNamed()
{
    QTemporaryDir dir;
    const std::string base = status({ { "bash", "5.2.15-2" } });
    const ArchiveSpec spec = oneLayer({ fileEntry("usr/bin/bash", std::string(500, 'b')),
        fileEntry("var/lib/dpkg/status", base), fileEntry("var/lib/dpkg/info/bash.list", "/usr/bin/bash\n") });
    const WrittenArchive written = writeArchive(spec, dir.path());
    ballast::LoadOptions options;
    options.limits.maxPackageDatabaseBytes = 16; // less than the status file

    LOAD_OR_FAIL(image, written.path, options);
    const ballast::PackageReport report = ballast::attributePackages(*image);
    QCOMPARE(report.packages.size(), size_t(0));
    QCOMPARE(report.skipped,
        QStringList({ QStringLiteral("var/lib/dpkg/status (%1 B): not read, it would take the package databases "
                                     "kept in memory over their limit (--max-package-databases)")
                          .arg(base.size()) }));
    QCOMPARE(report.unpackagedBytes, image->tree.finalFileBytes());
}

void TestPackageAttribution::noDatabase()
{
    QTemporaryDir dir;
    const ArchiveSpec spec = oneLayer({ fileEntry("app/server", std::string(4096, 'x')) });
    const WrittenArchive written = writeArchive(spec, dir.path());

    LOAD_OR_FAIL(image, written.path);
    const ballast::PackageReport report = ballast::attributePackages(*image);
    QCOMPARE(report.packages.size(), size_t(0));
    QCOMPARE(report.unpackagedBytes, int64_t(4096));
}

QTEST_GUILESS_MAIN(TestPackageAttribution)
#include "test_package_attribution.moc"
