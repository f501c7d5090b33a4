// Bytes per Python and npm package, on images written for the test: pip's RECORD (with a quoted
// name, a script outside site-packages and the RECORD itself), an egg's installed-files.txt, and
// node_modules with a scoped package, a nested copy of another version and a package.json that is
// not JSON. Expected figures are lengths of the fixture strings, summed by hand below.
#include "FormatTestSupport.h"

#include "packages/PackageAttribution.h"
#include "packages/PythonRecords.h"

#include <QTemporaryDir>

using namespace ballast::test;
using namespace fixture;

class TestLanguagePackages : public QObject {
    Q_OBJECT
private slots:
    void distributionNames();
    void recordColumns();
    void pythonImage();
    void recordOutsideItsPrefixIsNotRead();
    void npmImage();
};

namespace {

const ballast::InstalledPackage *find(
    const ballast::PackageReport &report, const std::string &name, const std::string &version)
{
    for (const auto &package : report.packages)
        if (package.name == name && package.version == version)
            return &package;
    return nullptr;
}

} // namespace

void TestLanguagePackages::distributionNames()
{
    const auto requests = ballast::pythonDistributionOf("requests-2.31.0.dist-info");
    QCOMPARE(requests.name, std::string("requests"));
    QCOMPARE(requests.version, std::string("2.31.0"));
    const auto yaml = ballast::pythonDistributionOf("PyYAML-6.0.1-py3.11.egg-info");
    QCOMPARE(yaml.name, std::string("PyYAML"));
    QCOMPARE(yaml.version, std::string("6.0.1"));
    const auto develop = ballast::pythonDistributionOf("mypkg.egg-info");
    QCOMPARE(develop.name, std::string("mypkg"));
    QCOMPARE(develop.version, std::string());
}

void TestLanguagePackages::recordColumns()
{
    QCOMPARE(ballast::readPythonRecord("a/b.py,sha256=x,10\n\"c,d.py\",sha256=y,2\n\"e\"\"f\",,\r\n,,\n"),
        std::vector<std::string>({ "a/b.py", "c,d.py", "e\"f" }));
    QCOMPARE(ballast::readEggInstalledFiles("../yaml/__init__.py\n\nPKG-INFO\n"),
        std::vector<std::string>({ "../yaml/__init__.py", "PKG-INFO" }));
}

void TestLanguagePackages::pythonImage()
{
    QTemporaryDir dir;
    const std::string site = "usr/local/lib/python3.11/site-packages/";
    const std::string record = "requests/__init__.py,sha256=a,100\nrequests/api.py,sha256=b,200\n"
                               "\"requests/we,ird.py\",sha256=c,7\n../../../bin/requests-cli,sha256=d,50\n"
                               "requests-2.31.0.dist-info/RECORD,,\n";
    const std::string eggFiles = "../yaml/__init__.py\n../yaml/loader.py\nPKG-INFO\ninstalled-files.txt\n";
    ArchiveSpec spec = oneLayer({ fileEntry("usr/bin/python3.11", std::string(400, 'p')) });
    LayerSpec pip;
    pip.createdBy = "RUN pip install requests pyyaml";
    pip.entries = { fileEntry(site + "requests/__init__.py", std::string(100, 'i')),
        fileEntry(site + "requests/api.py", std::string(200, 'a')),
        fileEntry(site + "requests/we,ird.py", std::string(7, 'w')),
        fileEntry("usr/local/bin/requests-cli", std::string(50, 'c')),
        fileEntry(site + "requests-2.31.0.dist-info/RECORD", record),
        fileEntry(site + "yaml/__init__.py", std::string(30, 'y')),
        fileEntry(site + "yaml/loader.py", std::string(40, 'l')),
        fileEntry(site + "PyYAML-6.0.1-py3.11.egg-info/PKG-INFO", std::string(9, 'k')),
        fileEntry(site + "PyYAML-6.0.1-py3.11.egg-info/installed-files.txt", eggFiles),
        fileEntry(site + "mine.py", std::string(11, 'm')) };
    spec.images[0].layers.push_back(pip);
    const WrittenArchive written = writeArchive(spec, dir.path());

    LOAD_OR_FAIL(image, written.path);
    const ballast::PackageReport report = ballast::attributePackages(*image);
    QCOMPARE(report.packages.size(), size_t(2));
    // Sorted by path: PyYAML's egg-info before requests' dist-info.
    const auto *yaml = find(report, "PyYAML", "6.0.1");
    QVERIFY(yaml);
    QCOMPARE(yaml->ecosystem, QStringLiteral("pypi"));
    QCOMPARE(yaml->sizeBytes, int64_t(30 + 40 + 9 + eggFiles.size()));
    QCOMPARE(yaml->fileCount(), int64_t(4));
    QCOMPARE(yaml->installedInLayer, 1);
    const auto *requests = find(report, "requests", "2.31.0");
    QVERIFY(requests);
    QCOMPARE(requests->sizeBytes, int64_t(100 + 200 + 7 + 50 + record.size()));
    QCOMPARE(requests->fileCount(), int64_t(5));
    QCOMPARE(requests->layers, std::vector<ballast::PackageLayerBytes>({ { 1, int64_t(357 + record.size()) } }));
    QCOMPARE(report.unpackagedBytes, int64_t(400 + 11)); // the interpreter (no database here) and mine.py
}

void TestLanguagePackages::recordOutsideItsPrefixIsNotRead()
{
    QTemporaryDir dir;
    const std::string site = "usr/local/lib/python3.11/site-packages/";
    const std::string record = "evil/__init__.py,,\n../../../../../etc/passwd,,\n";
    const ArchiveSpec spec = oneLayer(
        { fileEntry("etc/passwd", std::string(40, 'p')), fileEntry(site + "evil/__init__.py", std::string(10, 'e')),
            fileEntry(site + "evil-1.0.dist-info/RECORD", record) });
    const WrittenArchive written = writeArchive(spec, dir.path());

    LOAD_OR_FAIL(image, written.path);
    const ballast::PackageReport report = ballast::attributePackages(*image);
    QCOMPARE(report.packages.size(), size_t(0));
    QCOMPARE(report.skipped,
        QStringList({ QStringLiteral("usr/local/lib/python3.11/site-packages/evil-1.0.dist-info/RECORD: names "
                                     "../../../../../etc/passwd, outside the Python prefix /usr/local; not read") }));
    QCOMPARE(report.unpackagedBytes, int64_t(40 + 10 + record.size()));
}

void TestLanguagePackages::npmImage()
{
    QTemporaryDir dir;
    const std::string modules = "app/node_modules/";
    const std::string express = R"({"name": "express", "version": "4.18.2"})";
    const std::string oldDebug = R"({"name": "debug", "version": "2.6.9"})";
    const std::string newDebug = R"({"name": "debug", "version": "4.3.4"})";
    const std::string types = R"({"name": "@types/node", "version": "20.1.0"})";
    const std::string broken = "{ not json";
    const std::string app = R"({"name": "app", "dependencies": {"express": "^4"}})";
    const ArchiveSpec spec = oneLayer({ fileEntry("app/package.json", app),
        fileEntry("app/server.js", std::string(80, 's')), fileEntry(modules + "express/package.json", express),
        fileEntry(modules + "express/index.js", std::string(300, 'e')),
        fileEntry(modules + "express/lib/router.js", std::string(400, 'r')),
        fileEntry(modules + "express/node_modules/debug/package.json", oldDebug),
        fileEntry(modules + "express/node_modules/debug/src/index.js", std::string(50, 'o')),
        fileEntry(modules + "debug/package.json", newDebug),
        fileEntry(modules + "debug/src/index.js", std::string(60, 'd')),
        fileEntry(modules + "@types/node/package.json", types),
        fileEntry(modules + "@types/node/index.d.ts", std::string(1000, 't')),
        fileEntry(modules + "broken/package.json", broken), fileEntry(modules + "broken/x.js", std::string(5, 'x')),
        symlinkEntry(modules + ".bin/express", "../express/index.js"),
        fileEntry(modules + ".package-lock.json", std::string(25, 'l')) });
    const WrittenArchive written = writeArchive(spec, dir.path());

    LOAD_OR_FAIL(image, written.path);
    const ballast::PackageReport report = ballast::attributePackages(*image);
    QCOMPARE(report.packages.size(), size_t(5));
    for (const auto &package : report.packages)
        QCOMPARE(package.ecosystem, QStringLiteral("npm"));
    const auto *expressPackage = find(report, "express", "4.18.2");
    QVERIFY(expressPackage);
    QCOMPARE(expressPackage->sizeBytes, int64_t(express.size() + 300 + 400)); // not its nested debug
    QCOMPARE(expressPackage->fileCount(), int64_t(3));
    const auto *nested = find(report, "debug", "2.6.9");
    QVERIFY(nested);
    QCOMPARE(nested->sizeBytes, int64_t(oldDebug.size() + 50));
    const auto *top = find(report, "debug", "4.3.4");
    QVERIFY(top);
    QCOMPARE(top->sizeBytes, int64_t(newDebug.size() + 60));
    const auto *typesPackage = find(report, "@types/node", "20.1.0");
    QVERIFY(typesPackage);
    QCOMPARE(typesPackage->sizeBytes, int64_t(types.size() + 1000));
    const auto *brokenPackage = find(report, "broken", ""); // named after its folder
    QVERIFY(brokenPackage);
    QCOMPARE(brokenPackage->sizeBytes, int64_t(broken.size() + 5));
    QCOMPARE(report.unpackagedBytes, int64_t(app.size() + 80 + 25));
}

QTEST_GUILESS_MAIN(TestLanguagePackages)
#include "test_language_packages.moc"
