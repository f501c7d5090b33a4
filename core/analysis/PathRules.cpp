#include "PathRules.h"

#include <algorithm>

namespace ballast {
namespace {

CacheCleanup removeFiles(QStringList programs)
{
    return { std::move(programs), {}, false, false };
}

// Package caches come first and in the order their findings used to be listed; within a rule, the
// patterns' order is the order of the finding's paths.
std::vector<PathRule> makeRules()
{
    const QStringList apt = { QStringLiteral("apt-get"), QStringLiteral("apt"), QStringLiteral("aptitude") };
    using K = PathRuleKind;
    return {
        { "apt-lists", K::PackageCache, "apt package lists left in the image", "apt package lists",
            "Delete them in the same RUN that ran apt-get update: `&& rm -rf /var/lib/apt/lists/*`.",
            { "var/lib/apt/lists" }, { apt, {}, true, true } },
        { "apt-archives", K::PackageCache, "apt package archives and caches left in the image", "apt package archives",
            "Run `apt-get clean` (or `rm -rf /var/cache/apt/*`) in the same RUN as apt-get install.",
            { "var/cache/apt" }, { apt, QStringLiteral("apt-get clean"), true, true } },
        { "apk-cache", K::PackageCache, "apk package cache left in the image", "apk package cache",
            "Use `apk add --no-cache`.", { "var/cache/apk", "etc/apk/cache" },
            { { QStringLiteral("apk") }, {}, true, true } },
        { "dnf-yum-cache", K::PackageCache, "dnf/yum caches left in the image", "dnf/yum cache",
            "Run `dnf clean all` / `yum clean all` (and `rm -rf /var/cache/dnf /var/cache/yum`) in the same RUN.",
            { "var/cache/dnf", "var/cache/yum", "var/lib/dnf/repos" },
            { { QStringLiteral("dnf"), QStringLiteral("yum"), QStringLiteral("microdnf") },
                QStringLiteral("%1 clean all"), true, true } },
        { "pip-cache", K::PackageCache, "pip cache left in the image", "pip cache", "Use `pip install --no-cache-dir`.",
            { "**/.cache/pip" }, removeFiles({ QStringLiteral("pip"), QStringLiteral("pip3") }) },
        { "npm-cache", K::PackageCache, "npm cache left in the image", "npm cache",
            "Run `npm ci && npm cache clean --force` in one RUN, or use a cache mount.", { "**/.npm" },
            { { QStringLiteral("npm") }, QStringLiteral("npm cache clean --force"), false, false } },
        { "yarn-cache", K::PackageCache, "yarn cache left in the image", "yarn cache",
            "Run `yarn cache clean` in the same RUN as `yarn install`.", { "**/.cache/yarn", "**/.yarn/berry/cache" },
            { { QStringLiteral("yarn") }, QStringLiteral("yarn cache clean"), false, false } },
        { "go-build-cache", K::PackageCache, "Go build and module caches left in the image",
            "Go build and module caches",
            "Build in a separate stage and copy only the binary, or use `RUN --mount=type=cache`.",
            { "**/.cache/go-build", "**/go/pkg/mod" },
            { { QStringLiteral("go") }, QStringLiteral("go clean -cache -modcache"), false, false } },
        { "maven-cache", K::PackageCache, "Maven repository cache left in the image", "Maven repository cache",
            "Build in a separate stage and copy only the artifact, or use "
            "`RUN --mount=type=cache,target=/root/.m2/repository`.",
            { "**/.m2/repository" }, removeFiles({ QStringLiteral("mvn"), QStringLiteral("mvnw") }) },
        { "gradle-cache", K::PackageCache, "Gradle caches left in the image", "Gradle caches",
            "Build in a separate stage and copy only the artifact, or use "
            "`RUN --mount=type=cache,target=/root/.gradle/caches`.",
            { "**/.gradle/caches", "**/.gradle/wrapper/dists" },
            removeFiles({ QStringLiteral("gradle"), QStringLiteral("gradlew") }) },
        { "nuget-cache", K::PackageCache, "NuGet package cache left in the image", "NuGet package cache",
            "Restore and publish in a build stage and copy only the published output, or run "
            "`dotnet nuget locals all --clear` in the same RUN.",
            { "**/.nuget/packages" }, removeFiles({ QStringLiteral("dotnet"), QStringLiteral("nuget") }) },
        { "cargo-cache", K::PackageCache, "Cargo registry and git caches left in the image",
            "Cargo registry and git caches",
            "Build in a separate stage and copy only the binary, or use "
            "`RUN --mount=type=cache,target=/usr/local/cargo/registry`.",
            { "**/.cargo/registry", "**/.cargo/git", "usr/local/cargo/registry", "usr/local/cargo/git" },
            removeFiles({ QStringLiteral("cargo") }) },
        { "composer-cache", K::PackageCache, "Composer cache left in the image", "Composer cache",
            "Run `composer install --no-cache` or `composer clear-cache` in the same RUN.",
            { "**/.composer/cache", "**/.cache/composer" },
            { { QStringLiteral("composer") }, QStringLiteral("composer clear-cache"), false, false } },
        { "docs", K::Documentation, "documentation and man pages", "documentation",
            "Runtime images rarely need them: remove /usr/share/doc, man and info, or use a slim base.",
            { "usr/share/doc", "usr/share/man", "usr/share/info" }, {} },
        { "toolchain", K::Toolchain, "build toolchain in a runtime image", "a compiler toolchain",
            "Compile in a build stage and copy only the result into a slim or scratch final stage (multi-stage "
            "build).",
            { "usr/lib/gcc", "usr/libexec/gcc", "usr/local/go", "usr/lib/go", "usr/lib/go-*", "usr/share/go-*",
                "root/.rustup", "root/.cargo", "usr/local/rustup", "usr/local/cargo", "usr/include",
                "usr/local/include" },
            {} },
    };
}

std::vector<std::string_view> components(std::string_view path)
{
    std::vector<std::string_view> out;
    size_t start = 0;
    while (start < path.size()) {
        size_t slash = path.find('/', start);
        if (slash == std::string_view::npos)
            slash = path.size();
        if (slash > start)
            out.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return out;
}

} // namespace

bool pathComponentMatches(std::string_view part, std::string_view name)
{
    const size_t star = part.find('*');
    return star == std::string_view::npos ? part == name : name.starts_with(part.substr(0, star));
}

const std::vector<PathRule> &pathRules()
{
    static const std::vector<PathRule> rules = makeRules();
    return rules;
}

const PathRule *pathRuleFor(const QString &category)
{
    for (const PathRule &rule : pathRules())
        if (category == QLatin1String(rule.category))
            return &rule;
    return nullptr;
}

bool pathPatternCovers(std::string_view pattern, std::string_view path)
{
    const bool anywhere = pattern.starts_with("**/");
    if (anywhere)
        pattern.remove_prefix(3);
    const std::vector<std::string_view> want = components(pattern), have = components(path);
    const size_t lastStart = anywhere && have.size() >= want.size() ? have.size() - want.size() : 0;
    for (size_t start = 0; start <= lastStart && start + want.size() <= have.size(); ++start)
        if (std::equal(want.begin(), want.end(), have.begin() + std::ptrdiff_t(start), pathComponentMatches))
            return true;
    return false;
}

bool isPackageCacheDirectory(std::string_view path)
{
    for (const PathRule &rule : pathRules())
        if (rule.kind == PathRuleKind::PackageCache)
            for (std::string_view pattern : rule.patterns)
                if (pathPatternCovers(pattern, path))
                    return true;
    return false;
}

const std::vector<std::string_view> &buildContextJunkNames()
{
    static const std::vector<std::string_view> names = {
        ".git",
        ".hg",
        ".svn",
        "__pycache__",
        ".pytest_cache",
        ".mypy_cache",
        ".ruff_cache",
        ".tox",
        ".cache",
        ".npm",
        ".nyc_output",
        ".parcel-cache",
        ".gradle",
        ".idea",
        ".vscode",
    };
    return names;
}

} // namespace ballast
