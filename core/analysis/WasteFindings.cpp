#include "ImageAnalysis.h"
#include "analysis/PathRules.h"
#include "analysis/TreeQueries.h"
#include "util/ByteFormat.h"

#include <algorithm>
#include <map>

namespace ballast {
namespace {

constexpr size_t MaxPaths = 20;

void addPath(Finding &finding, const MergedTree &tree, MergedTree::NodeId node)
{
    if (finding.paths.size() < MaxPaths)
        finding.paths.push_back(tree.path(node));
}

// Per rule of pathRules(), the present directories its patterns match that hold bytes, the outermost
// only: a pattern that matches anywhere can match inside another match, whose bytes are counted already.
std::vector<std::vector<MergedTree::NodeId>> ruleMatches(const Image &image, const FinalFilesystem &fs)
{
    std::vector<std::string_view> patterns;
    for (const PathRule &rule : pathRules())
        patterns.insert(patterns.end(), rule.patterns.begin(), rule.patterns.end());
    const auto matched = fs.matchAll(patterns);
    std::vector<std::vector<MergedTree::NodeId>> out;
    size_t next = 0;
    for (const PathRule &rule : pathRules()) {
        std::vector<MergedTree::NodeId> found;
        for (size_t k = 0; k < rule.patterns.size(); ++k)
            for (auto node : matched[next++])
                if (image.tree.finalSize(node) > 0)
                    found.push_back(node);
        std::vector<MergedTree::NodeId> &outermost = out.emplace_back();
        for (size_t k = 0; k < found.size(); ++k) {
            bool inside = std::find(found.begin(), found.begin() + std::ptrdiff_t(k), found[k])
                != found.begin() + std::ptrdiff_t(k);
            for (auto up = image.tree.parent(found[k]); !inside && up != MergedTree::NoNode; up = image.tree.parent(up))
                inside = std::find(found.begin(), found.end(), up) != found.end();
            if (!inside)
                outermost.push_back(found[k]);
        }
    }
    return out;
}

void directoryFindings(const Image &image, std::vector<Finding> &out)
{
    FinalFilesystem fs(image);
    const auto matches = ruleMatches(image, fs);
    for (size_t r = 0; r < pathRules().size(); ++r) {
        const PathRule &rule = pathRules()[r];
        Finding finding { QString::fromLatin1(rule.category), Severity::Warning, QString::fromUtf8(rule.title),
            QString::fromUtf8(rule.advice), {}, 0, -1, false };
        MergedTree::NodeId heaviest = MergedTree::NoNode;
        for (auto node : matches[r]) {
            finding.bytes += image.tree.finalSize(node);
            addPath(finding, image.tree, node);
            if (heaviest == MergedTree::NoNode || image.tree.finalSize(node) > image.tree.finalSize(heaviest))
                heaviest = node;
        }
        if (finding.bytes == 0)
            continue;
        finding.layer = fs.heaviestWriter(heaviest);
        out.push_back(std::move(finding));
    }
}

// Present __pycache__ and .git directories (the outermost only: a nested one is inside the bytes
// already counted), and the dpkg file lists of -dev packages.
struct NamedDirectories {
    std::vector<MergedTree::NodeId> pycache, git, devPackageLists;
};

NamedDirectories namedDirectories(const Image &image)
{
    FinalFilesystem fs(image);
    const MergedTree &tree = image.tree;
    NamedDirectories out;
    for (MergedTree::NodeId node = 1; node < tree.nodeCount(); ++node) {
        const std::string_view name = tree.name(node);
        if (name != "__pycache__" && name != ".git" && !name.ends_with(".list"))
            continue;
        if (!fs.exists(node))
            continue;
        if (name == "__pycache__" || name == ".git") {
            bool nested = false;
            for (auto up = tree.parent(node); up != MergedTree::Root && up != MergedTree::NoNode; up = tree.parent(up))
                nested = nested || tree.name(up) == name;
            if (!nested)
                (name == ".git" ? out.git : out.pycache).push_back(node);
        } else if ((name.find("-dev:") != std::string_view::npos || name.ends_with("-dev.list"))
            && tree.path(tree.parent(node)) == "var/lib/dpkg/info") {
            out.devPackageLists.push_back(node);
        }
    }
    return out;
}

// __pycache__ and .git directories anywhere, and -dev packages recorded by dpkg.
void namedDirectoryFindings(const Image &image, std::vector<Finding> &out)
{
    const MergedTree &tree = image.tree;
    const NamedDirectories named = namedDirectories(image);
    Finding pycache { QStringLiteral("pycache"), Severity::Info, QStringLiteral("__pycache__ directories"),
        QStringLiteral("Set PYTHONDONTWRITEBYTECODE=1 or delete them in the RUN that created them."), {}, 0, -1,
        false };
    Finding git { QStringLiteral("vcs-metadata"), Severity::Warning, QStringLiteral(".git directories in the image"),
        QStringLiteral("Add .git to .dockerignore; it also leaks history."), {}, 0, -1, false };
    Finding devPackages { QStringLiteral("dev-packages"), Severity::Info, QStringLiteral("-dev packages installed"),
        QStringLiteral("Headers and static libraries belong in a build stage (multi-stage build)."), {}, 0, -1, false };
    for (auto [nodes, finding] : { std::pair { &named.pycache, &pycache }, std::pair { &named.git, &git } })
        for (MergedTree::NodeId node : *nodes) {
            finding->bytes += tree.finalSize(node);
            addPath(*finding, tree, node);
        }
    // No bytes of their own: the headers and libraries are counted by the toolchain finding.
    for (MergedTree::NodeId node : named.devPackageLists)
        addPath(devPackages, tree, node);
    for (Finding *f : { &pycache, &git })
        if (f->bytes > 0)
            out.push_back(std::move(*f));
    if (!named.devPackageLists.empty()) {
        devPackages.title = QStringLiteral("%1 -dev packages installed").arg(named.devPackageLists.size());
        out.push_back(std::move(devPackages));
    }
}

} // namespace

void findContentWaste(const Image &image, const std::vector<HiddenFile> &hidden, std::vector<Finding> &out);

std::vector<MergedTree::NodeId> findWasteDirectories(const Image &image)
{
    std::vector<MergedTree::NodeId> out;
    if (image.layers.empty())
        return out;
    const FinalFilesystem fs(image);
    for (const auto &matches : ruleMatches(image, fs))
        out.insert(out.end(), matches.begin(), matches.end());
    const NamedDirectories named = namedDirectories(image);
    out.insert(out.end(), named.pycache.begin(), named.pycache.end());
    out.insert(out.end(), named.git.begin(), named.git.end());
    return out;
}

std::vector<Finding> findWaste(const Image &image, const std::vector<HiddenFile> &hidden)
{
    std::vector<Finding> out;
    if (image.layers.empty())
        return out;
    directoryFindings(image, out);
    namedDirectoryFindings(image, out);
    findContentWaste(image, hidden, out);
    // Largest first; the list of largest files is context rather than waste, so it goes last.
    std::stable_sort(out.begin(), out.end(), [](const Finding &a, const Finding &b) {
        const bool aLast = a.category == QLatin1String("largest-files"),
                   bLast = b.category == QLatin1String("largest-files");
        return aLast != bLast ? bLast : a.bytes > b.bytes;
    });
    return out;
}

} // namespace ballast
