#include "PackageDiff.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

namespace ballast {
namespace {

// dpkg's order of a non-digit character: '~' first, then the end of the string, letters, the rest.
int characterOrder(char c)
{
    if (std::isdigit(static_cast<unsigned char>(c)))
        return 0;
    if (std::isalpha(static_cast<unsigned char>(c)))
        return c;
    if (c == '~')
        return -1;
    return c ? int(static_cast<unsigned char>(c)) + 256 : 0;
}

// dpkg's verrevcmp: alternating runs of non-digits (by characterOrder) and digits (numerically).
int compareVersionPart(std::string_view a, std::string_view b)
{
    size_t i = 0, j = 0;
    const auto at = [](std::string_view s, size_t k) { return k < s.size() ? s[k] : '\0'; };
    const auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    while (i < a.size() || j < b.size()) {
        while ((i < a.size() && !digit(a[i])) || (j < b.size() && !digit(b[j]))) {
            const int ac = characterOrder(at(a, i)), bc = characterOrder(at(b, j));
            if (ac != bc)
                return ac - bc;
            ++i;
            ++j;
        }
        while (at(a, i) == '0')
            ++i;
        while (at(b, j) == '0')
            ++j;
        int firstDifference = 0;
        while (digit(at(a, i)) && digit(at(b, j))) {
            if (!firstDifference)
                firstDifference = at(a, i) - at(b, j);
            ++i;
            ++j;
        }
        if (digit(at(a, i)))
            return 1;
        if (digit(at(b, j)))
            return -1;
        if (firstDifference)
            return firstDifference;
    }
    return 0;
}

struct SplitVersion {
    long long epoch = 0;
    std::string_view upstream, revision;
};

SplitVersion split(std::string_view version)
{
    SplitVersion out;
    if (const size_t colon = version.find(':'); colon != std::string_view::npos
        && std::all_of(version.begin(), version.begin() + long(colon),
            [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })
        && colon > 0 && colon < 18) {
        out.epoch = std::stoll(std::string(version.substr(0, colon)));
        version.remove_prefix(colon + 1);
    }
    const size_t dash = version.rfind('-');
    out.upstream = version.substr(0, dash);
    if (dash != std::string_view::npos)
        out.revision = version.substr(dash + 1);
    return out;
}

using Key = std::tuple<QString, std::string>; // ecosystem, name

} // namespace

const char *packageChangeName(PackageChange::Kind kind)
{
    switch (kind) {
    case PackageChange::Kind::Added:
        return "added";
    case PackageChange::Kind::Removed:
        return "removed";
    case PackageChange::Kind::Upgraded:
        return "upgraded";
    case PackageChange::Kind::Downgraded:
        return "downgraded";
    case PackageChange::Kind::Resized:
        return "resized";
    }
    return "added";
}

int compareVersions(std::string_view a, std::string_view b)
{
    const SplitVersion x = split(a), y = split(b);
    if (x.epoch != y.epoch)
        return x.epoch < y.epoch ? -1 : 1;
    if (const int upstream = compareVersionPart(x.upstream, y.upstream))
        return upstream;
    return compareVersionPart(x.revision, y.revision);
}

PackageDiff diffPackages(const PackageReport &a, const PackageReport &b)
{
    PackageDiff out;
    out.unpackagedBytesA = a.unpackagedBytes;
    out.unpackagedBytesB = b.unpackagedBytes;
    // Unmatched packages of each side, by ecosystem and name, in database order.
    std::map<Key, std::vector<const InstalledPackage *>> onlyA, onlyB;
    for (const InstalledPackage &package : a.packages)
        onlyA[{ package.ecosystem, package.name }].push_back(&package);
    for (const InstalledPackage &package : b.packages)
        onlyB[{ package.ecosystem, package.name }].push_back(&package);

    const auto change = [&](PackageChange::Kind kind, const InstalledPackage *inA, const InstalledPackage *inB) {
        const InstalledPackage &any = inA ? *inA : *inB;
        out.changes.push_back({ kind, any.ecosystem, any.name, inA ? inA->version : std::string(),
            inB ? inB->version : std::string(), inA ? inA->sizeBytes : 0, inB ? inB->sizeBytes : 0 });
    };
    for (auto &[key, inA] : onlyA) {
        std::vector<const InstalledPackage *> &inB = onlyB[key];
        // The same version first: unchanged, or resized.
        for (auto it = inA.begin(); it != inA.end();) {
            const auto same = std::find_if(
                inB.begin(), inB.end(), [&](const InstalledPackage *p) { return p->version == (*it)->version; });
            if (same == inB.end()) {
                ++it;
                continue;
            }
            if ((*same)->sizeBytes != (*it)->sizeBytes)
                change(PackageChange::Kind::Resized, *it, *same);
            inB.erase(same);
            it = inA.erase(it);
        }
        // Then pairs of other versions, in order; what is left was added or removed.
        const size_t paired = std::min(inA.size(), inB.size());
        for (size_t i = 0; i < paired; ++i)
            change(compareVersions(inB[i]->version, inA[i]->version) >= 0 ? PackageChange::Kind::Upgraded
                                                                          : PackageChange::Kind::Downgraded,
                inA[i], inB[i]);
        for (size_t i = paired; i < inA.size(); ++i)
            change(PackageChange::Kind::Removed, inA[i], nullptr);
        inB.erase(inB.begin(), inB.begin() + long(paired));
    }
    for (const auto &[key, inB] : onlyB)
        for (const InstalledPackage *package : inB)
            change(PackageChange::Kind::Added, nullptr, package);
    std::stable_sort(out.changes.begin(), out.changes.end(), [](const PackageChange &x, const PackageChange &y) {
        return std::abs(x.deltaBytes()) > std::abs(y.deltaBytes());
    });
    return out;
}

} // namespace ballast
