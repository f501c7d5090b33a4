#include "FindingsDiff.h"

#include <algorithm>

namespace ballast {
namespace {

size_t pathsInCommon(const Finding &a, const Finding &b)
{
    size_t common = 0;
    for (const std::string &path : a.paths) // at most a few dozen paths per finding (capped)
        common += std::find(b.paths.begin(), b.paths.end(), path) != b.paths.end() ? 1 : 0;
    return common;
}

bool describesImage(const Finding &finding)
{
    return finding.category == QLatin1String("largest-files");
}

} // namespace

bool sameFinding(const Finding &a, const Finding &b)
{
    if (a.category != b.category)
        return false;
    if (a.paths.empty() || b.paths.empty())
        return a.paths.empty() && b.paths.empty();
    return pathsInCommon(a, b) > 0;
}

FindingsDiff diffFindings(const std::vector<Finding> &a, const std::vector<Finding> &b)
{
    FindingsDiff out;
    std::vector<bool> pairedB(b.size(), false);
    for (const Finding &fa : a) {
        if (describesImage(fa))
            continue;
        size_t best = b.size(), bestCommon = 0;
        for (size_t j = 0; j < b.size(); ++j) {
            if (pairedB[j] || !sameFinding(fa, b[j]))
                continue;
            const size_t common = pathsInCommon(fa, b[j]);
            if (best == b.size() || common > bestCommon) {
                best = j;
                bestCommon = common;
            }
        }
        if (best == b.size()) {
            out.resolved.push_back(fa);
        } else {
            pairedB[best] = true;
            out.stillPresent.push_back({ fa, b[best] });
        }
    }
    for (size_t j = 0; j < b.size(); ++j)
        if (!pairedB[j] && !describesImage(b[j]))
            out.introduced.push_back(b[j]);
    return out;
}

} // namespace ballast
