#pragma once
#include "diff/PackageDiff.h"

#include <QString>
#include <nlohmann/json.hpp>

namespace ballast {

// The `packages` member of `ballast-cli diff --format json`: {unpackagedBytesA, unpackagedBytesB,
// changes: [{change, ecosystem, name, versionA, versionB, bytesA, bytesB, deltaBytes}]}, every change,
// largest first; a version is null on the side where the package is absent.
nlohmann::ordered_json packageDiffJson(const PackageDiff &diff);
// "1 added, 2 upgraded": how many changes of each kind there are; "no change" when none.
QString packageChangeCounts(const PackageDiff &diff);
// The PACKAGES section of the text output (its `top` largest changes), or "" when neither image lists
// any package.
QString packageDiffText(const PackageDiff &diff, size_t top);
// The same as a markdown table.
QString packageDiffMarkdown(const PackageDiff &diff, size_t top);

} // namespace ballast
