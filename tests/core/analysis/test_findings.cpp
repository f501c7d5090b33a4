// Findings (waste and security), hidden files, reclaimable bytes and the per-layer figures, on small
// images built in memory. Every category has a positive row and a negative row; bytes, layer and paths
// are the values worked out by hand in the comments (the rules are in WasteFindings.cpp,
// ContentWaste.cpp and SecurityFindings.cpp).
#include "AnalysisTestSupport.h"

#include <QTest>

using namespace treetest;
using analysistest::ImageOptions;
using analysistest::makeImage;

namespace {

const QStringList NoPaths;
const QStringList App = { QStringLiteral("/app") };

QStringList pathsOf(const ballast::Finding &finding)
{
    QStringList out;
    for (const auto &p : finding.paths)
        out << QString::fromStdString(p);
    return out;
}

bool isSecurityCategory(const QString &category)
{
    static const QStringList security = { "setuid", "world-writable", "private-key", "certificate", "secret-file",
        "shell", "package-manager", "root-user" };
    return security.contains(category);
}

} // namespace

class TestFindings : public QObject {
    Q_OBJECT

private slots:
    void findings_data();
    void findings();
    void hiddenFilesAndLayerFigures();
    void directoryWhiteoutHidesEveryFile();
    void typeChangeCountsAsDeleted();
    void findingsAreSortedLargestFirst();
};

void TestFindings::findings_data()
{
    QTest::addColumn<ImageSpec>("image");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("entrypoint");
    QTest::addColumn<QString>("category");
    QTest::addColumn<bool>("present");
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<int>("layer");
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<bool>("ordered"); // false: the paths are compared as a set (their order is node order)

    const QString user = QStringLiteral("1000");
    auto none = [&](const char *name, const ImageSpec &spec, const char *category, const QStringList &entrypoint = App,
                    const QString &u = QStringLiteral("1000")) {
        QTest::newRow(name) << spec << u << entrypoint << QString::fromLatin1(category) << false << qint64(0) << -1
                            << NoPaths << true;
    };

    // --- package-manager caches and indexes (directory rules: bytes = final bytes below the directory,
    // layer = the layer that wrote most of them, paths = the matched directories in rule order) ---
    // lists 1000 + 24 = 1024, all from layer 1.
    QTest::newRow("apt-lists present") << ImageSpec { { F("bin/app", 10, 1) },
        { D("var/lib/apt/lists"), F("var/lib/apt/lists/deb_Packages", 1000, 2),
            F("var/lib/apt/lists/deb_Release", 24, 3) } }
                                       << user << App << "apt-lists" << true << qint64(1024) << 1
                                       << QStringList { "var/lib/apt/lists" } << true;
    // `rm -rf /var/lib/apt/lists/*` in the same RUN: only the empty directories reach the layer.
    none("apt-lists deleted in the same layer",
        { { F("bin/app", 10, 1) }, { D("var/lib/apt/lists"), D("var/lib/apt/lists/partial") } }, "apt-lists");
    // 500 + 300 under var/cache/apt.
    QTest::newRow("apt-archives present")
        << ImageSpec { { F("var/cache/apt/archives/x.deb", 500, 1), F("var/cache/apt/pkgcache.bin", 300, 2) } } << user
        << App << "apt-archives" << true << qint64(800) << 0 << QStringList { "var/cache/apt" } << true;
    none("apt-archives cleaned", { { D("var/cache/apt/archives/partial"), F("etc/apt/sources.list", 100, 1) } },
        "apt-archives");
    // var/cache/apk 200 (layer 1) + etc/apk/cache 50 (layer 2); the heavier one's writer is layer 1.
    QTest::newRow("apk-cache present") << ImageSpec { { F("bin/app", 1, 1) },
        { F("var/cache/apk/APKINDEX.tar.gz", 200, 2) }, { F("etc/apk/cache/x.apk", 50, 3) } }
                                       << user << App << "apk-cache" << true << qint64(250) << 1
                                       << QStringList { "var/cache/apk", "etc/apk/cache" } << true;
    none("apk-cache absent (--no-cache)", { { F("etc/apk/repositories", 40, 1), D("var/cache/apk") } }, "apk-cache");
    QTest::newRow("dnf-yum-cache present")
        << ImageSpec { { F("var/cache/dnf/repo.solv", 700, 1), F("var/cache/yum/x", 5, 2) } } << user << App
        << "dnf-yum-cache" << true << qint64(705) << 0 << QStringList { "var/cache/dnf", "var/cache/yum" } << true;
    none("dnf-yum-cache: dnf history is no cache", { { F("var/lib/dnf/history.sqlite", 100, 1) } }, "dnf-yum-cache");
    QTest::newRow("pip-cache present (home/*)")
        << ImageSpec { { F("home/app/.cache/pip/http/x", 64, 1) } } << user << App << "pip-cache" << true << qint64(64)
        << 0 << QStringList { "home/app/.cache/pip" } << true;
    none("pip-cache: other caches and pip itself",
        { { F("home/app/.cache/other/x", 64, 1), F("usr/lib/python3/dist-packages/pip/__init__.py", 10, 2) } },
        "pip-cache");
    QTest::newRow("npm-cache present") << ImageSpec { { F("root/.npm/_cacache/x", 90, 1) } } << user << App
                                       << "npm-cache" << true << qint64(90) << 0 << QStringList { "root/.npm" } << true;
    none("npm-cache: npm itself", { { F("usr/lib/node_modules/npm/package.json", 10, 1) } }, "npm-cache");
    QTest::newRow("yarn-cache present") << ImageSpec { { F("usr/local/share/.cache/yarn/v6/x", 77, 1) } } << user << App
                                        << "yarn-cache" << true << qint64(77) << 0
                                        << QStringList { "usr/local/share/.cache/yarn" } << true;
    none("yarn-cache: yarn itself", { { F("usr/local/share/yarn/x", 7, 1) } }, "yarn-cache");
    // 33 + 11, rule order: root/.cache/go-build before go/pkg/mod.
    QTest::newRow("go-build-cache present")
        << ImageSpec { { F("go/pkg/mod/cache/y", 11, 2), F("root/.cache/go-build/ab/x", 33, 1) } } << user << App
        << "go-build-cache" << true << qint64(44) << 0 << QStringList { "root/.cache/go-build", "go/pkg/mod" } << true;
    none("go-build-cache: installed tools", { { F("root/go/bin/tool", 33, 1) } }, "go-build-cache");
    // The caches of Java, .NET, Rust and PHP tools, wherever HOME is; beside them, their configuration
    // is no cache. A cache inside a cache of the same kind is counted once: 40 + 2.
    QTest::newRow("pip-cache anywhere, nested counted once")
        << ImageSpec { { F("app/.cache/pip/a", 40, 1), F("app/.cache/pip/vendor/.cache/pip/b", 2, 2) } } << user << App
        << "pip-cache" << true << qint64(42) << 0 << QStringList { "app/.cache/pip" } << true;
    QTest::newRow("maven-cache present") << ImageSpec { { F("root/.m2/settings.xml", 5, 1) },
        { F("root/.m2/repository/org/a.jar", 900, 2) } }
                                         << user << App << "maven-cache" << true << qint64(900) << 1
                                         << QStringList { "root/.m2/repository" } << true;
    none("maven-cache: settings only", { { F("root/.m2/settings.xml", 5, 1) } }, "maven-cache");
    QTest::newRow("nuget-cache present") << ImageSpec { { F("home/app/.nuget/packages/n/1.0/n.nupkg", 300, 1),
        F("home/app/.nuget/NuGet/NuGet.Config", 9, 2) } }
                                         << user << App << "nuget-cache" << true << qint64(300) << 0
                                         << QStringList { "home/app/.nuget/packages" } << true;
    // 120 in ~/.cargo (also the toolchain's), 30 in the official Rust image's CARGO_HOME.
    QTest::newRow("cargo-cache present") << ImageSpec { { F("root/.cargo/registry/cache/c.crate", 120, 1),
        F("usr/local/cargo/git/db/d.pack", 30, 2) } }
                                         << user << App << "cargo-cache" << true << qint64(150) << 0
                                         << QStringList { "root/.cargo/registry", "usr/local/cargo/git" } << true;
    none("cargo-cache: installed binaries", { { F("root/.cargo/bin/cargo", 70, 1) } }, "cargo-cache");
    QTest::newRow("gradle-cache present")
        << ImageSpec { { F("root/.gradle/caches/g.jar", 60, 1), F("root/.gradle/wrapper/dists/w.zip", 6, 2) } } << user
        << App << "gradle-cache" << true << qint64(66) << 0
        << QStringList { "root/.gradle/caches", "root/.gradle/wrapper/dists" } << true;
    QTest::newRow("composer-cache present")
        << ImageSpec { { F("root/.composer/cache/files/p.zip", 80, 1) } } << user << App << "composer-cache" << true
        << qint64(80) << 0 << QStringList { "root/.composer/cache" } << true;
    none("composer-cache: global packages", { { F("root/.composer/vendor/bin/phpunit", 80, 1) } }, "composer-cache");
    // doc 30 (layer 1) + man 70 (layer 2): layer 2 wrote the heavier one.
    QTest::newRow("docs present") << ImageSpec { { F("bin/app", 1, 1) }, { F("usr/share/doc/pkg/copyright", 30, 2) },
        { F("usr/share/man/man1/x.1.gz", 70, 3) } }
                                  << user << App << "docs" << true << qint64(100) << 2
                                  << QStringList { "usr/share/doc", "usr/share/man" } << true;
    none("docs: empty doc directory", { { D("usr/share/doc"), F("usr/share/misc/magic", 10, 1) } }, "docs");
    // gcc 5000 + go-1.19 300 + include 100 in rule order (gcc, …, usr/lib/go-*, …, usr/include).
    QTest::newRow("toolchain present") << ImageSpec { { F("usr/lib/gcc/x86_64-linux-gnu/12/cc1", 5000, 1),
        F("usr/include/stdio.h", 100, 2), F("usr/lib/go-1.19/bin/go", 300, 3) } }
                                       << user << App << "toolchain" << true << qint64(5400) << 0
                                       << QStringList { "usr/lib/gcc", "usr/lib/go-1.19", "usr/include" } << true;
    none("toolchain: runtime libraries only",
        { { F("usr/lib/x86_64-linux-gnu/libc.so.6", 2000, 1), F("usr/lib/gopher/x", 5, 2),
            F("usr/share/gocode/y", 5, 3) } },
        "toolchain");

    // --- named directories ---
    // The outer app/__pycache__ holds 120 + 5 (its nested __pycache__ is not counted again), lib's 30.
    QTest::newRow("pycache present") << ImageSpec { { F("app/__pycache__/m.pyc", 120, 1),
        F("app/__pycache__/sub/__pycache__/x.pyc", 5, 2), F("lib/__pycache__/y.pyc", 30, 3) } }
                                     << user << App << "pycache" << true << qint64(155) << -1
                                     << QStringList { "app/__pycache__", "lib/__pycache__" } << false;
    none("pycache: .pyc outside __pycache__", { { F("app/m.pyc", 10, 1) } }, "pycache");
    QTest::newRow("vcs-metadata present")
        << ImageSpec { { F("src/.git/objects/pack/p.pack", 4000, 1), F("src/.git/HEAD", 23, 2) } } << user << App
        << "vcs-metadata" << true << qint64(4023) << -1 << QStringList { "src/.git" } << true;
    none("vcs-metadata: .gitignore and .github",
        { { F("src/.gitignore", 10, 1), F("src/.github/workflows/ci.yml", 50, 2) } }, "vcs-metadata");
    // Two -dev packages recorded by dpkg (no bytes of their own), libc6 is none.
    QTest::newRow("dev-packages present")
        << ImageSpec { { F("var/lib/dpkg/info/libssl-dev:amd64.list", 100, 1),
               F("var/lib/dpkg/info/zlib1g-dev.list", 50, 2), F("var/lib/dpkg/info/libc6:amd64.list", 10, 3) } }
        << user << App << "dev-packages" << true << qint64(0) << -1
        << QStringList { "var/lib/dpkg/info/libssl-dev:amd64.list", "var/lib/dpkg/info/zlib1g-dev.list" } << false;
    none("dev-packages: devmapper and lists elsewhere",
        { { F("var/lib/dpkg/info/libdevmapper1.02.1:amd64.list", 10, 1), F("usr/share/foo-dev.list", 10, 2) } },
        "dev-packages");

    // --- content ---
    // Three copies of 1000 bytes (2 extra) and two of 10 (1 extra): 2000 + 10. The hardlink shares data.
    QTest::newRow("duplicate-content present") << ImageSpec { { F("a/lib.so", 1000, 7), F("b/lib.so", 1000, 7),
        F("c/lib.so", 1000, 7), F("x", 10, 9), F("y", 10, 9), H("h", "x") } }
                                               << user << App << "duplicate-content" << true << qint64(2010) << -1
                                               << QStringList { "a/lib.so", "b/lib.so", "c/lib.so", "x", "y" } << false;
    none("duplicate-content: same size, different hash; empty files; hardlink",
        { { F("a", 1000, 1), F("b", 1000, 2), F("e1", 0, 0), F("e2", 0, 0), H("h", "a") } }, "duplicate-content");
    // 4000 + 300 written in layer 1, the directory deleted in layer 2; largest first.
    QTest::newRow("deleted-later present") << ImageSpec { { F("bin/app", 1, 1) },
        { F("tmp/build/app.o", 4000, 2), F("tmp/build/ver.o", 300, 3) }, { WH("tmp/.wh.build") } }
                                           << user << App << "deleted-later" << true << qint64(4300) << 1
                                           << QStringList { "tmp/build/app.o", "tmp/build/ver.o" } << true;
    // Deleted in the same layer: nothing was stored; and deleting an empty file costs nothing.
    none("deleted-later: deleted in the same layer",
        { { F("bin/app", 1, 1) }, { D("tmp"), F("tmp/empty", 0, 0) }, { WH("tmp/.wh.empty"), F("z", 1, 2) } },
        "deleted-later");
    QTest::newRow("overwritten-later present")
        << ImageSpec { { F("etc/conf", 100, 1) }, { F("etc/conf", 120, 2) } } << user << App << "overwritten-later"
        << true << qint64(100) << 0 << QStringList { "etc/conf" } << true;
    // A chmod-only copy is reported as metadata-only-copy, not as an overwrite.
    none("overwritten-later: chmod-only copy", { { F("etc/conf", 100, 1) }, { F("etc/conf", 100, 1).mode(0600) } },
        "overwritten-later");
    // Same 5000 bytes stored again by layer 1 with another mode.
    QTest::newRow("metadata-only-copy present")
        << ImageSpec { { F("app/data.bin", 5000, 42), F("app/other", 1, 1) },
               { F("app/data.bin", 5000, 42).mode(0755) } }
        << user << App << "metadata-only-copy" << true << qint64(5000) << 1 << QStringList { "app/data.bin" } << true;
    none("metadata-only-copy: content changed", { { F("app/data.bin", 5000, 42) }, { F("app/data.bin", 5000, 43) } },
        "metadata-only-copy");
    // 300 + 200 + 100, largest first; empty files, directories and links are no files to list.
    QTest::newRow("largest-files present")
        << ImageSpec { { F("small", 100, 3), F("big", 300, 1), F("mid", 200, 2), F("zero", 0, 0), D("dir"),
               L("ln", "big") } }
        << user << App << "largest-files" << true << qint64(600) << -1 << QStringList { "big", "mid", "small" } << true;
    none("largest-files: no non-empty file", { { D("dir"), F("zero", 0, 0), L("ln", "zero") } }, "largest-files");

    // --- security ---
    QTest::newRow("setuid present") << ImageSpec { { F("usr/bin/su", 50, 1).mode(04755),
        F("usr/bin/wall", 20, 2).mode(02755), F("usr/bin/ls", 30, 3).mode(0755) } }
                                    << user << App << "setuid" << true << qint64(70) << -1
                                    << QStringList { "usr/bin/su", "usr/bin/wall" } << false;
    none("setuid: plain file, setuid directory", { { F("usr/bin/ls", 50, 1).mode(0755), D("srv").mode(04755) } },
        "setuid");
    none("setuid: bit removed in a later layer",
        { { F("usr/bin/x", 50, 1).mode(04755) }, { F("usr/bin/x", 50, 1).mode(0755) } }, "setuid");
    QTest::newRow("world-writable present")
        << ImageSpec { { D("data").mode(0777), D("tmp").mode(01777) } } << user << App << "world-writable" << true
        << qint64(0) << -1 << QStringList { "data" } << true;
    none("world-writable: /tmp 1777 and a 0666 file",
        { { D("tmp").mode(01777), D("var/tmp").mode(01777), F("file", 1, 1).mode(0666) } }, "world-writable");
    // id_rsa 1679 + server.key 200 + a .pem under "private" 300.
    QTest::newRow("private-key present") << ImageSpec { { F("root/.ssh/id_rsa", 1679, 1),
        F("etc/app/tls/server.key", 200, 2), F("etc/app/private/app.pem", 300, 3) } }
                                         << user << App << "private-key" << true << qint64(2179) << -1
                                         << QStringList { "etc/app/private/app.pem", "etc/app/tls/server.key",
                                                "root/.ssh/id_rsa" }
                                         << false;
    none("private-key: id_rsa.pub, known_hosts, system store",
        { { F("root/.ssh/id_rsa.pub", 400, 1), F("root/.ssh/known_hosts", 100, 2),
            F("etc/ssl/certs/ca.pem", 200, 3) } },
        "private-key");
    QTest::newRow("certificate present") << ImageSpec { { F("app/certs/server.crt", 1200, 1),
        F("app/ca.pem", 800, 2) } } << user
                                         << App << "certificate" << true << qint64(2000) << -1
                                         << QStringList { "app/ca.pem", "app/certs/server.crt" } << false;
    none("certificate: system store",
        { { F("etc/ssl/certs/ca-certificates.crt", 200000, 1),
            F("usr/share/ca-certificates/mozilla/x.crt", 1000, 2) } },
        "certificate");
    QTest::newRow("secret-file present") << ImageSpec { { F("app/.env", 120, 1), F("root/.aws/credentials", 90, 2),
        F("root/.docker/config.json", 60, 3) } }
                                         << user << App << "secret-file" << true << qint64(270) << -1
                                         << QStringList { "app/.env", "root/.aws/credentials",
                                                "root/.docker/config.json" }
                                         << false;
    none("secret-file: env.txt, config.json elsewhere",
        { { F("app/env.txt", 10, 1), F("app/config.json", 10, 3), F("etc/credentials", 5, 4) } }, "secret-file");
    const ImageSpec shells { { L("bin/sh", "busybox"), F("bin/busybox", 1000, 1), F("bin/bash", 1000, 2) } };
    QTest::newRow("shell present, entrypoint [/app]")
        << shells << user << App << "shell" << true << qint64(0) << -1 << QStringList { "bin/sh", "bin/bash" } << true;
    none("shell: entrypoint runs /bin/sh -c", shells, "shell", { "/bin/sh", "-c", "x" });
    none("shell: none in the image", { { F("app", 100, 1) } }, "shell");
    const ImageSpec managers { { F("usr/bin/apt-get", 10, 1), F("usr/bin/dpkg", 10, 2) } };
    QTest::newRow("package-manager present") << managers << user << App << "package-manager" << true << qint64(0) << -1
                                             << QStringList { "usr/bin/apt-get", "usr/bin/dpkg" } << true;
    none("package-manager: entrypoint uses apt-get", managers, "package-manager", { "apt-get", "update" });
    for (const char *root : { "", "root", "0", "root:root", "0:0" })
        QTest::addRow("root-user present (\"%s\")", root)
            << ImageSpec { { F("app", 1, 1) } } << QString::fromLatin1(root) << App << "root-user" << true << qint64(0)
            << -1 << NoPaths << true;
    for (const char *other : { "1000", "app", "1000:1000" })
        QTest::addRow("root-user absent (\"%s\")", other)
            << ImageSpec { { F("app", 1, 1) } } << QString::fromLatin1(other) << App << "root-user" << false
            << qint64(0) << -1 << NoPaths << true;
}

void TestFindings::findings()
{
    QFETCH(ImageSpec, image);
    QFETCH(QString, user);
    QFETCH(QStringList, entrypoint);
    QFETCH(QString, category);
    QFETCH(bool, present);
    QFETCH(qint64, bytes);
    QFETCH(int, layer);
    QFETCH(QStringList, paths);
    QFETCH(bool, ordered);

    ImageOptions options;
    options.user = user;
    options.entrypoint = entrypoint;
    auto img = makeImage(image, options);
    const ballast::ImageAnalysis analysis = ballast::analyzeImage(*img);
    std::vector<const ballast::Finding *> matching;
    QStringList all;
    for (const auto &f : analysis.findings) {
        all << f.category;
        if (f.category == category)
            matching.push_back(&f);
    }
    if (!present) {
        if (!matching.empty())
            QFAIL(qPrintable(
                QStringLiteral("unexpected %1: %2").arg(category, pathsOf(*matching.front()).join(QLatin1Char(' ')))));
        return;
    }
    QVERIFY2(matching.size() == 1,
        qPrintable(QStringLiteral("%1 found %2 times among: %3")
                       .arg(category)
                       .arg(matching.size())
                       .arg(all.join(QLatin1Char(' ')))));
    const ballast::Finding &f = *matching.front();
    QCOMPARE(qint64(f.bytes), bytes);
    QCOMPARE(f.layer, layer);
    QStringList got = pathsOf(f);
    if (!ordered) {
        got.sort();
        paths.sort();
    }
    QCOMPARE(got, paths);
    QCOMPARE(f.security, isSecurityCategory(category));
    QVERIFY(!f.title.isEmpty());
    QVERIFY(!f.advice.isEmpty());
}

void TestFindings::hiddenFilesAndLayerFigures()
{
    // L0: a 100, b 50, dup 7 then dup 9 (the second entry wins). L1: a → 80, deletes b, adds c 30.
    // L2: deletes c.
    // Hidden, largest first: a 100 (0 → 1, overwritten), b 50 (0 → 1, deleted), c 30 (1 → 2, deleted),
    // dup 7 (0 → 0, an earlier duplicate). Reclaimable 187.
    // Contributions: L0 100+50+9 = 159; L1 (80-100) - 50 + 30 = -40; L2 -30. Cumulative 159, 119, 89
    // (= the final a 80 + dup 9). Hidden later: L0 100+50+7 = 157, L1 30, L2 0.
    auto img = makeImage({ { F("a", 100, 1), F("b", 50, 2), F("dup", 7, 3), F("dup", 9, 4) },
        { F("a", 80, 5), WH(".wh.b"), F("c", 30, 6) }, { WH(".wh.c") } });
    const auto hidden = ballast::findHiddenFiles(*img);
    QStringList got;
    for (const auto &h : hidden)
        got << QStringLiteral("%1 %2 %3->%4 %5")
                   .arg(QString::fromStdString(img->tree.path(h.node)))
                   .arg(h.bytes)
                   .arg(h.storedIn)
                   .arg(h.hiddenIn)
                   .arg(h.deleted ? "deleted" : "overwritten");
    QCOMPARE(got,
        (QStringList { "a 100 0->1 overwritten", "b 50 0->1 deleted", "c 30 1->2 deleted", "dup 7 0->0 overwritten" }));
    const auto analysis = ballast::analyzeImage(*img);
    QCOMPARE(analysis.reclaimableBytes, int64_t(187));
    const auto figures = ballast::computeLayerFigures(*img, hidden);
    QCOMPARE(figures.size(), size_t(3));
    QCOMPARE(figures[0].contribution, int64_t(159));
    QCOMPARE(figures[1].contribution, int64_t(-40));
    QCOMPARE(figures[2].contribution, int64_t(-30));
    QCOMPARE(figures[0].cumulative, int64_t(159));
    QCOMPARE(figures[1].cumulative, int64_t(119));
    QCOMPARE(figures[2].cumulative, int64_t(89));
    QCOMPARE(figures[2].cumulative, img->tree.finalFileBytes());
    QCOMPARE(figures[0].hiddenLater, int64_t(157));
    QCOMPARE(figures[1].hiddenLater, int64_t(30));
    QCOMPARE(figures[2].hiddenLater, int64_t(0));
    QVERIFY(figures[0].holdsWaste);
    QVERIFY(figures[1].holdsWaste);
    QVERIFY(!figures[2].holdsWaste);
    // The same figures reach `analyze`'s per-layer numbers.
    QCOMPARE(analysis.layers[1].contribution, int64_t(-40));
}

void TestFindings::directoryWhiteoutHidesEveryFile()
{
    // L1 deletes directory d (x 10, y 20 from L0) and adds k 5: both files are hidden by L1, deleted.
    // Contributions 30 and -30 + 5 = -25; reclaimable 30.
    auto img = makeImage({ { D("d"), F("d/x", 10, 1), F("d/y", 20, 2) }, { WH(".wh.d"), F("k", 5, 3) } });
    const auto hidden = ballast::findHiddenFiles(*img);
    QStringList got;
    for (const auto &h : hidden)
        got << QStringLiteral("%1 %2 %3->%4 %5")
                   .arg(QString::fromStdString(img->tree.path(h.node)))
                   .arg(h.bytes)
                   .arg(h.storedIn)
                   .arg(h.hiddenIn)
                   .arg(h.deleted);
    QCOMPARE(got, (QStringList { "d/y 20 0->1 1", "d/x 10 0->1 1" }));
    const auto figures = ballast::computeLayerFigures(*img, hidden);
    QCOMPARE(figures[0].contribution, int64_t(30));
    QCOMPARE(figures[1].contribution, int64_t(-25));
    QCOMPARE(figures[1].cumulative, int64_t(5));
    QCOMPARE(ballast::analyzeImage(*img).reclaimableBytes, int64_t(30));
}

void TestFindings::typeChangeCountsAsDeleted()
{
    // L0 file t (40) becomes a directory holding t/x (5) in L1: the 40 bytes are hidden by L1, as a
    // deletion (a type change, not an overwrite). L1's contribution -40 + 5 = -35.
    auto img = makeImage({ { F("t", 40, 1) }, { D("t"), F("t/x", 5, 2) } });
    const auto hidden = ballast::findHiddenFiles(*img);
    QCOMPARE(hidden.size(), size_t(1));
    QCOMPARE(QString::fromStdString(img->tree.path(hidden[0].node)), QStringLiteral("t"));
    QCOMPARE(hidden[0].bytes, int64_t(40));
    QCOMPARE(hidden[0].storedIn, 0);
    QCOMPARE(hidden[0].hiddenIn, 1);
    QVERIFY(hidden[0].deleted);
    const auto figures = ballast::computeLayerFigures(*img, hidden);
    QCOMPARE(figures[1].contribution, int64_t(-35));
    QCOMPARE(figures[1].cumulative, int64_t(5));
}

void TestFindings::findingsAreSortedLargestFirst()
{
    // Waste findings largest first, largest-files last among them, then security findings.
    // deleted-later 4000 (layer 1), apt-lists 300, overwritten-later 10; root-user (user "").
    ImageOptions options;
    options.user = QString();
    auto img = makeImage(
        { { F("etc/c", 10, 1) }, { F("tmp/big", 4000, 2), F("var/lib/apt/lists/p", 300, 3), F("etc/c", 11, 4) },
            { WH("tmp/.wh.big") } },
        options);
    const auto analysis = ballast::analyzeImage(*img);
    QStringList order;
    for (const auto &f : analysis.findings)
        order << f.category;
    QCOMPARE(order, (QStringList { "deleted-later", "apt-lists", "overwritten-later", "largest-files", "root-user" }));
}

QTEST_GUILESS_MAIN(TestFindings)
#include "test_findings.moc"
