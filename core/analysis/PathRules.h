#pragma once
// Directories a runtime image does not need, one row per kind: package caches, documentation,
// toolchains. The waste findings report them, the Dockerfile image rules tie their bytes to a line
// and offer the cleanup, and the treemap colours the caches. All of them read this one table, so
// that what one view calls a cache, the others do too.
#include <QString>
#include <QStringList>
#include <string_view>
#include <vector>

namespace ballast {

enum class PathRuleKind : uint8_t { PackageCache, Documentation, Toolchain };

// How a quick fix empties a package cache in the RUN that filled it.
struct CacheCleanup {
    QStringList programs; // the tools that fill it
    QString toolCleanup; // the tool's own cleanup, "%1" standing for the tool; empty: remove the files
    bool keepDirectory = false; // remove the directory's contents, not the directory (the tool expects it)
    bool neededByLaterInstalls = false; // removing the files breaks a later install with the same tool
};

struct PathRule {
    const char *category; // the finding's stable code ("apt-lists"), also in the analyze JSON schema
    PathRuleKind kind;
    const char *title; // the finding's title
    const char *noun; // what the bytes are, inside a sentence: "apt package lists"
    const char *advice;
    // Directories, relative to the root. "*" is any one path component, "go-*" any component with
    // that prefix, and a leading "**/" any number of leading components (the directory anywhere).
    std::vector<std::string_view> patterns;
    CacheCleanup cleanup; // package caches only
};

const std::vector<PathRule> &pathRules();
// The rule of a finding category, nullptr for categories no path rule makes.
const PathRule *pathRuleFor(const QString &category);

// One component of a pattern against a name: "*" matches any name, "go-*" any name with that prefix.
bool pathComponentMatches(std::string_view part, std::string_view name);
// Whether the relative path (no leading '/') is a directory the pattern names, or lies below one.
bool pathPatternCovers(std::string_view pattern, std::string_view path);
// True for package-cache directories and everything below them (relative path, no leading '/').
bool isPackageCacheDirectory(std::string_view path);

// Directory names a build context should not send into an image: .dockerignore material.
const std::vector<std::string_view> &buildContextJunkNames();

} // namespace ballast
