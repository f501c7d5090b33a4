// The loader keeps the bytes of package databases and file lists as it decodes each layer, in every
// layer compression, and nothing else; past the image's budget a database is named, not kept, and the
// load goes on. Expected bytes are the fixture's own content.
#include "FormatTestSupport.h"

#include "packages/PackageDatabaseFiles.h"

#include <QTemporaryDir>

using namespace ballast::test;
using namespace fixture;

class TestKeptFiles : public QObject {
    Q_OBJECT
private slots:
    void packageDatabaseFiles_data();
    void packageDatabaseFiles();
    void keptInEveryCompression_data();
    void keptInEveryCompression();
    void everyLayerKeepsItsOwnCopy();
    void overTheBudgetIsNamedNotKept();
};

namespace {

// Path → kept bytes of one layer.
std::map<std::string, std::string> keptOf(const ballast::Layer &layer)
{
    std::map<std::string, std::string> out;
    for (const ballast::KeptFile &file : layer.kept)
        out[std::string(layer.path(layer.entries[file.entry]))] = file.overBudget ? "<over budget>" : file.bytes;
    return out;
}

} // namespace

void TestKeptFiles::packageDatabaseFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("kept");
    const std::pair<const char *, bool> rows[] = {
        { "var/lib/dpkg/status", true },
        { "var/lib/dpkg/status-old", false },
        { "var/lib/dpkg/status.d/libc6", true },
        { "var/lib/dpkg/status.d/libc6.md5sums", true }, // distroless's only list of a package's files
        { "var/lib/dpkg/info/libc6:amd64.list", true },
        { "var/lib/dpkg/info/bash.list", true },
        { "var/lib/dpkg/info/bash.md5sums", false },
        { "var/lib/dpkg/info/sub/bash.list", false },
        { "var/lib/apt/extended_states", true },
        { "etc/apt/sources.list", false },
        { "lib/apk/db/installed", true },
        { "lib/apk/db/triggers", false },
        { "var/lib/rpm/rpmdb.sqlite", true },
        { "usr/lib/sysimage/rpm/rpmdb.sqlite", true },
        { "var/lib/rpm/Packages", false }, // Berkeley DB: named as unsupported from the tree, never read
        { "usr/lib/python3/dist-packages/six-1.16.0.dist-info/RECORD", true },
        { "usr/local/lib/python3.11/site-packages/pip-23.0.1.dist-info/RECORD", true },
        { "usr/local/lib/python3.11/site-packages/pip-23.0.1.dist-info/METADATA", false },
        { "app/venv/lib/python3.11/site-packages/requests.egg-info/installed-files.txt", true },
        { "app/build/foo.dist-info/RECORD", false }, // not in a site-packages folder
        { "app/node_modules/express/package.json", true },
        { "app/node_modules/@types/node/package.json", true },
        { "app/node_modules/a/node_modules/b/package.json", true },
        { "app/node_modules/express/lib/package.json", false },
        { "app/node_modules/.bin/package.json", false },
        { "app/node_modules/@types/package.json", false },
        { "app/package.json", false },
        { "package.json", false },
    };
    for (const auto &[path, kept] : rows)
        QTest::newRow(path) << QString::fromLatin1(path) << kept;
}

void TestKeptFiles::packageDatabaseFiles()
{
    QFETCH(QString, path);
    QFETCH(bool, kept);
    QCOMPARE(ballast::isPackageDatabaseFile(path.toStdString()), kept);
}

void TestKeptFiles::keptInEveryCompression_data()
{
    QTest::addColumn<LayerCompression>("compression");
    for (LayerCompression c :
        { LayerCompression::None, LayerCompression::Gzip, LayerCompression::Zstd, LayerCompression::EStargz })
        QTest::newRow(compressionName(c)) << c;
}

void TestKeptFiles::keptInEveryCompression()
{
    QFETCH(LayerCompression, compression);
    QTemporaryDir dir;
    const std::string status = "Package: bash\nStatus: install ok installed\nVersion: 5.2.15-2+b2\n\n";
    const std::string bigList = filler(3 << 20, 'l'); // spans several read blocks
    const std::string manifest = R"({"name":"@types/node","version":"20.1.0"})";
    const ArchiveSpec spec = oneLayer(
        { dirEntry("var/"), fileEntry("var/lib/dpkg/status", status), fileEntry("var/lib/dpkg/info/bash.list", bigList),
            fileEntry("var/lib/dpkg/info/bash.md5sums", "0123 usr/bin/bash\n"),
            fileEntry("usr/bin/bash", filler(5000, 'b'), 0755),
            fileEntry("app/node_modules/@types/node/package.json", manifest),
            fileEntry("var/lib/dpkg/info/empty.list", "") },
        compression);
    const WrittenArchive written = writeArchive(spec, dir.path());

    LOAD_OR_FAIL(image, written.path);
    const std::map<std::string, std::string> expected { { "var/lib/dpkg/status", status },
        { "var/lib/dpkg/info/bash.list", bigList }, { "app/node_modules/@types/node/package.json", manifest },
        { "var/lib/dpkg/info/empty.list", "" } };
    QVERIFY(keptOf(image->layers[0]) == expected);
    // Kept in archive order, each naming its own entry.
    const ballast::Layer &layer = image->layers[0];
    QCOMPARE(layer.kept.size(), size_t(4));
    QCOMPARE(layer.path(layer.entries[layer.kept[0].entry]), std::string_view("var/lib/dpkg/status"));
    QCOMPARE(layer.path(layer.entries[layer.kept[3].entry]), std::string_view("var/lib/dpkg/info/empty.list"));
}

void TestKeptFiles::everyLayerKeepsItsOwnCopy()
{
    QTemporaryDir dir;
    ArchiveSpec spec = oneLayer({ fileEntry("lib/apk/db/installed", "P:musl\nV:1.2.4-r2\n\n") });
    LayerSpec upgrade;
    upgrade.createdBy = "RUN apk add curl";
    upgrade.entries = { fileEntry("lib/apk/db/installed", "P:musl\nV:1.2.4-r2\n\nP:curl\nV:8.5.0-r0\n\n"),
        fileEntry("usr/bin/curl", "x") };
    spec.images[0].layers.push_back(upgrade);
    const WrittenArchive written = writeArchive(spec, dir.path());

    LOAD_OR_FAIL(image, written.path);
    QVERIFY(keptOf(image->layers[0])
        == (std::map<std::string, std::string> { { "lib/apk/db/installed", "P:musl\nV:1.2.4-r2\n\n" } }));
    QVERIFY(keptOf(image->layers[1])
        == (std::map<std::string, std::string> {
            { "lib/apk/db/installed", "P:musl\nV:1.2.4-r2\n\nP:curl\nV:8.5.0-r0\n\n" } }));
}

void TestKeptFiles::overTheBudgetIsNamedNotKept()
{
    QTemporaryDir dir;
    const ArchiveSpec spec = oneLayer({ fileEntry("var/lib/dpkg/status", std::string(20, 's')),
        fileEntry("var/lib/dpkg/info/a.list", std::string(6, 'a')),
        fileEntry("var/lib/dpkg/info/b.list", std::string(5, 'b')), fileEntry("etc/hostname", "h\n") });
    const WrittenArchive written = writeArchive(spec, dir.path());
    ballast::LoadOptions options;
    options.limits.maxPackageDatabaseBytes = 10;

    LOAD_OR_FAIL(image, written.path, options);
    // 20 bytes do not fit in 10; then 6 do, and the 5 after them no longer do.
    const std::map<std::string, std::string> expected { { "var/lib/dpkg/status", "<over budget>" },
        { "var/lib/dpkg/info/a.list", "aaaaaa" }, { "var/lib/dpkg/info/b.list", "<over budget>" } };
    QVERIFY(keptOf(image->layers[0]) == expected);
    QCOMPARE(image->layers[0].entries.size(), size_t(4)); // the load itself is whole
}

QTEST_GUILESS_MAIN(TestKeptFiles)
#include "test_kept_files.moc"
