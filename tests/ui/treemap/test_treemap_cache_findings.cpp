// What the treemap colours as a package cache, the waste findings report, and the other way round:
// an image with files in every kind of cache directory (sizes chosen so that each finding's bytes are
// known by construction), and files beside them that are no cache.
#include "TreemapTestSupport.h"
#include "analysis/PathRules.h"
#include "treemap/TreemapColors.h"

#include <QTest>
#include <map>
#include <set>

using namespace treemaptest;

namespace {

struct CacheFile {
    const char *category;
    const char *path;
    int64_t bytes;
};

// One file per pattern of every package-cache rule, some in the places only a pattern that matches
// anywhere finds (HOME=/app, a user's home).
const std::vector<CacheFile> &cacheFiles()
{
    static const std::vector<CacheFile> files = {
        { "apt-lists", "var/lib/apt/lists/deb_Packages", 41000 },
        { "apt-archives", "var/cache/apt/archives/a.deb", 42000 },
        { "apk-cache", "var/cache/apk/APKINDEX.tar.gz", 43000 },
        { "apk-cache", "etc/apk/cache/b.apk", 1100 },
        { "dnf-yum-cache", "var/cache/dnf/repo.solv", 44000 },
        { "dnf-yum-cache", "var/cache/yum/primary.db", 1200 },
        { "dnf-yum-cache", "var/lib/dnf/repos/r.xml", 1300 },
        { "pip-cache", "root/.cache/pip/http/w", 45000 },
        { "pip-cache", "app/.cache/pip/http/v", 1400 },
        { "npm-cache", "home/node/.npm/_cacache/c", 46000 },
        { "yarn-cache", "usr/local/share/.cache/yarn/v6/y", 47000 },
        { "yarn-cache", "root/.yarn/berry/cache/z.zip", 1500 },
        { "go-build-cache", "root/.cache/go-build/ab/o", 48000 },
        { "go-build-cache", "go/pkg/mod/cache/download/m.zip", 1600 },
        { "maven-cache", "root/.m2/repository/org/a.jar", 49000 },
        { "gradle-cache", "home/app/.gradle/caches/modules-2/g.jar", 50000 },
        { "gradle-cache", "home/app/.gradle/wrapper/dists/gradle.zip", 1700 },
        { "nuget-cache", "root/.nuget/packages/n/n.nupkg", 51000 },
        { "cargo-cache", "home/app/.cargo/registry/cache/c.crate", 52000 },
        { "cargo-cache", "home/app/.cargo/git/db/d.pack", 1800 },
        { "cargo-cache", "usr/local/cargo/registry/cache/e.crate", 1900 },
        { "cargo-cache", "usr/local/cargo/git/db/f.pack", 2000 },
        { "composer-cache", "root/.composer/cache/files/p.zip", 53000 },
        { "composer-cache", "home/app/.cache/composer/repo/q.json", 2100 },
    };
    return files;
}

// Beside the caches, and no cache themselves: configuration next to a cache, debconf's database,
// a project's own Yarn release.
const std::vector<const char *> &otherFiles()
{
    static const std::vector<const char *> files = { "root/.m2/settings.xml", "root/.nuget/NuGet/NuGet.Config",
        "var/cache/debconf/config.dat", "app/.yarn/releases/yarn.cjs" };
    return files;
}

std::shared_ptr<ballast::Image> cacheImage()
{
    treetest::LayerSpec layer;
    uint64_t hash = 1;
    for (const CacheFile &file : cacheFiles())
        layer.push_back(F(file.path, file.bytes, hash++));
    for (const char *path : otherFiles())
        layer.push_back(F(path, 30000, hash++));
    return analysistest::makeImage({ layer });
}

} // namespace

class TestTreemapCacheFindings : public QObject {
    Q_OBJECT
private slots:
    void everyCacheRuleHasAFixture();
    void findingsReportEveryCache();
    void treemapColoursExactlyTheFindingsCaches();
};

void TestTreemapCacheFindings::everyCacheRuleHasAFixture()
{
    std::set<std::string> rules, fixtures;
    for (const ballast::PathRule &rule : ballast::pathRules())
        if (rule.kind == ballast::PathRuleKind::PackageCache)
            rules.insert(rule.category);
    for (const CacheFile &file : cacheFiles())
        fixtures.insert(file.category);
    QCOMPARE(fixtures, rules);
}

void TestTreemapCacheFindings::findingsReportEveryCache()
{
    const auto image = cacheImage();
    std::map<QString, int64_t> reported;
    for (const ballast::Finding &finding : ballast::findWaste(*image, {}))
        reported[finding.category] = finding.bytes;
    // Sums of the fixture's sizes, by hand.
    const std::map<QString, int64_t> expected = {
        { QStringLiteral("apt-lists"), 41000 },
        { QStringLiteral("apt-archives"), 42000 },
        { QStringLiteral("apk-cache"), 43000 + 1100 },
        { QStringLiteral("dnf-yum-cache"), 44000 + 1200 + 1300 },
        { QStringLiteral("pip-cache"), 45000 + 1400 },
        { QStringLiteral("npm-cache"), 46000 },
        { QStringLiteral("yarn-cache"), 47000 + 1500 },
        { QStringLiteral("go-build-cache"), 48000 + 1600 },
        { QStringLiteral("maven-cache"), 49000 },
        { QStringLiteral("gradle-cache"), 50000 + 1700 },
        { QStringLiteral("nuget-cache"), 51000 },
        { QStringLiteral("cargo-cache"), 52000 + 1800 + 1900 + 2000 },
        { QStringLiteral("composer-cache"), 53000 + 2100 },
    };
    for (const auto &[category, bytes] : expected) {
        QVERIFY2(reported.count(category), qPrintable(category));
        QCOMPARE(reported.at(category), bytes);
    }
    // The toolchain rule also names /usr/local/cargo (the Rust toolchain's home): its two cache files.
    QCOMPARE(reported.at(QStringLiteral("toolchain")), 1900 + 2000);
    // Context, not waste: the ten largest files, 44 000 to 53 000 bytes in steps of 1 000.
    QCOMPARE(reported.at(QStringLiteral("largest-files")), 485000);
    // Nothing else: no finding for the configuration or debconf's database.
    QCOMPARE(reported.size(), expected.size() + 2);
}

void TestTreemapCacheFindings::treemapColoursExactlyTheFindingsCaches()
{
    const auto image = cacheImage();
    auto layout = ballast::TreemapLayout::build(scopeOf(image, 0), MergedTree::Root, 1600, 1200);
    const std::vector<QRgb> colors = ballast::tileColors(*layout, ballast::TreemapColoring::FileType);
    const QRgb cache = ballast::fileCategoryColor(ballast::FileCategory::PackageCache).rgb();
    for (const CacheFile &file : cacheFiles()) {
        const uint32_t tile = tileOf(*layout, node(*image, file.path));
        QVERIFY2(tile != ballast::Tile::NoTile, file.path);
        QVERIFY2(colors[tile] == cache, file.path);
    }
    for (const char *path : otherFiles()) {
        const uint32_t tile = tileOf(*layout, node(*image, path));
        QVERIFY2(tile != ballast::Tile::NoTile, path);
        QVERIFY2(colors[tile] != cache, path);
    }
}

QTEST_MAIN(TestTreemapCacheFindings)
#include "test_treemap_cache_findings.moc"
