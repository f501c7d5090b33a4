// Package databases that are damaged or hostile: the image loads, the database is named in a
// `package-database-not-read` finding or read as far as it parses, and the rest of the analysis goes
// on. Figures are counted by hand from the fixture strings.
#include "CaseSupport.h"

namespace hostile {
namespace {

// One uncompressed layer (or gzip), written as an OCI archive directory/file.
void writeOneLayer(const QString &directory, const QString &file, std::vector<EntrySpec> entries,
    LayerCompression compression = LayerCompression::None)
{
    ImageSpec image;
    image.tags = { "hostile/packages:1" };
    LayerSpec layer;
    layer.entries = std::move(entries);
    layer.compression = compression;
    layer.createdBy = "RUN install";
    image.layers = { layer };
    QTemporaryDir scratch;
    const WrittenArchive written
        = writeArchive(singleImage(Format::OciArchive, image), scratch.path(), QStringLiteral("x"));
    writeFileBytes(QDir(directory).filePath(file), readFileBytes(written.path));
}

} // namespace

void addPackageDatabaseCases(const QString &directory, std::vector<HostileCase> &cases)
{
    // A package name in Latin-1: read, and written with \x escapes.
    const std::string status = "Package: caf\xe9\nStatus: install ok installed\nVersion: 1\xff\n\n";
    writeOneLayer(directory, QStringLiteral("packages-not-utf8.tar"),
        { fileEntry("usr/bin/cafe", filler(700, 'c')), fileEntry("var/lib/dpkg/status", status),
            fileEntry("var/lib/dpkg/info/caf\xe9.list", "/usr/bin/cafe\n") });
    cases.push_back(
        loads(QStringLiteral("packages/dpkg names that are not UTF-8"), QStringLiteral("packages-not-utf8.tar"),
            QStringLiteral("dpkg status and list of a package named caf\\xe9 (Latin-1), version 1\\xff"),
            { at("/packages/0/name", "caf\\xe9"), at("/packages/0/version", "1\\xff"), at("/packages/0/sizeBytes", 700),
                at("/image/unpackagedBytes", int64_t(status.size() + 14)) }));

    // rpm's database that is not SQLite: named, and every file is no package's.
    const std::string notSqlite = filler(8192, 'x');
    writeOneLayer(directory, QStringLiteral("packages-rpmdb-not-sqlite.tar"),
        { fileEntry("usr/bin/tool", filler(300, 't')), fileEntry("var/lib/rpm/rpmdb.sqlite", notSqlite) });
    cases.push_back(loads(QStringLiteral("packages/rpmdb.sqlite that is not SQLite"),
        QStringLiteral("packages-rpmdb-not-sqlite.tar"), QStringLiteral("var/lib/rpm/rpmdb.sqlite: 8192 × 'x'"),
        { at("/packages", nlohmann::json::array()), at("/image/unpackagedBytes", 300 + 8192),
            // After the waste finding (the largest files) and the security one (no USER: root).
            at("/findings/2/category", "package-database-not-read"),
            at("/findings/2/advice",
                "var/lib/rpm/rpmdb.sqlite: not read, SQLite says: file is not a database. Bytes per package leave "
                "its packages out: their files count as no package's.") }));

    // pip's RECORD naming a file outside its prefix: not read.
    const std::string site = "usr/local/lib/python3.11/site-packages/";
    const std::string record = "evil/__init__.py,,\n../../../../../etc/passwd,,\n";
    writeOneLayer(directory, QStringLiteral("packages-record-escapes.tar"),
        { fileEntry("etc/passwd", "root:x:0:0::/root:/bin/sh\n"), fileEntry(site + "evil/__init__.py", filler(10, 'e')),
            fileEntry(site + "evil-1.0.dist-info/RECORD", record) });
    cases.push_back(loads(QStringLiteral("packages/RECORD naming ../../etc/passwd"),
        QStringLiteral("packages-record-escapes.tar"),
        QStringLiteral("evil-1.0.dist-info/RECORD lists ../../../../../etc/passwd"),
        { at("/packages", nlohmann::json::array()), at("/image/unpackagedBytes", int64_t(26 + 10 + record.size())) }));

    // A 2 MiB dpkg status (one paragraph again and again, which gzip makes small) over a 1 MiB budget:
    // named, the load goes on.
    std::string bigStatus;
    while (bigStatus.size() < (size_t(2) << 20))
        bigStatus += "Package: p\nStatus: install ok installed\nVersion: 1\n\n";
    writeOneLayer(directory, QStringLiteral("packages-over-budget.tar"),
        { fileEntry("var/lib/dpkg/status", bigStatus), fileEntry("usr/bin/tool", filler(300, 't')) },
        LayerCompression::Gzip);
    HostileCase overBudget = loads(QStringLiteral("packages/a 2 MiB status over --max-package-databases 1MiB"),
        QStringLiteral("packages-over-budget.tar"),
        QStringLiteral("var/lib/dpkg/status of 2 MiB in a gzip layer, --max-package-databases 1MiB"),
        { at("/packages", nlohmann::json::array()), at("/image/unpackagedBytes", int64_t(bigStatus.size() + 300)) });
    overBudget.options = { QStringLiteral("--max-package-databases"), QStringLiteral("1MiB") };
    cases.push_back(overBudget);
}

} // namespace hostile
