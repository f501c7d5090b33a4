#include "PackageDiffReport.h"

#include "util/ByteFormat.h"
#include "util/PathNormalizer.h"

namespace ballast {
namespace {

nlohmann::ordered_json versionOrNull(const std::string &version, bool present)
{
    return present ? nlohmann::ordered_json(displayPath(version).toStdString()) : nlohmann::ordered_json(nullptr);
}

// "bash 5.2.15-2 → 5.2.15-3", "curl 7.88.1-10", as the change reads.
QString described(const PackageChange &change)
{
    const QString name = displayPath(change.name);
    switch (change.kind) {
    case PackageChange::Kind::Added:
        return name + u' ' + displayPath(change.versionB);
    case PackageChange::Kind::Removed:
    case PackageChange::Kind::Resized:
        return name + u' ' + displayPath(change.versionA);
    default:
        return QStringLiteral("%1 %2 → %3").arg(name, displayPath(change.versionA), displayPath(change.versionB));
    }
}

} // namespace

QString packageChangeCounts(const PackageDiff &diff)
{
    QStringList parts;
    for (const auto kind : { PackageChange::Kind::Added, PackageChange::Kind::Removed, PackageChange::Kind::Upgraded,
             PackageChange::Kind::Downgraded, PackageChange::Kind::Resized }) {
        const auto n = std::count_if(
            diff.changes.begin(), diff.changes.end(), [&](const PackageChange &c) { return c.kind == kind; });
        if (n > 0)
            parts << QStringLiteral("%1 %2").arg(n).arg(QLatin1String(packageChangeName(kind)));
    }
    return parts.isEmpty() ? QStringLiteral("no change") : parts.join(QStringLiteral(", "));
}

nlohmann::ordered_json packageDiffJson(const PackageDiff &diff)
{
    auto changes = nlohmann::ordered_json::array();
    for (const PackageChange &change : diff.changes)
        changes.push_back({ { "change", packageChangeName(change.kind) },
            { "ecosystem", change.ecosystem.toStdString() }, { "name", displayPath(change.name).toStdString() },
            { "versionA", versionOrNull(change.versionA, change.kind != PackageChange::Kind::Added) },
            { "versionB", versionOrNull(change.versionB, change.kind != PackageChange::Kind::Removed) },
            { "bytesA", change.bytesA }, { "bytesB", change.bytesB }, { "deltaBytes", change.deltaBytes() } });
    return { { "unpackagedBytesA", diff.unpackagedBytesA }, { "unpackagedBytesB", diff.unpackagedBytesB },
        { "changes", changes } };
}

QString packageDiffText(const PackageDiff &diff, size_t top)
{
    if (diff.changes.empty() && diff.unpackagedBytesA == diff.unpackagedBytesB)
        return {};
    QString out
        = QStringLiteral("\nPACKAGES  %1; not from a package %2 → %3\n")
              .arg(packageChangeCounts(diff), formatBytes(diff.unpackagedBytesA), formatBytes(diff.unpackagedBytesB));
    for (size_t i = 0; i < diff.changes.size() && i < top; ++i) {
        const PackageChange &change = diff.changes[i];
        out += QStringLiteral("  %1  %2  %3 (%4)\n")
                   .arg(formatSignedBytes(change.deltaBytes()), 10)
                   .arg(QLatin1String(packageChangeName(change.kind)), -10)
                   .arg(described(change), change.ecosystem);
    }
    if (diff.changes.size() > top)
        out += QStringLiteral("  … and %1 more (--format json lists them all)\n").arg(diff.changes.size() - top);
    return out;
}

QString packageDiffMarkdown(const PackageDiff &diff, size_t top)
{
    if (diff.changes.empty())
        return {};
    QString out
        = QStringLiteral("\nPackages: %1.\n\n| change | package | |\n|---:|---|---|\n").arg(packageChangeCounts(diff));
    for (size_t i = 0; i < diff.changes.size() && i < top; ++i) {
        const PackageChange &change = diff.changes[i];
        out += QStringLiteral("| %1 | `%2` (%3) | %4 |\n")
                   .arg(formatSignedBytes(change.deltaBytes()), described(change), change.ecosystem,
                       QLatin1String(packageChangeName(change.kind)));
    }
    return out;
}

} // namespace ballast
