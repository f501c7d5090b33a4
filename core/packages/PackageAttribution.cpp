#include "PackageAttribution.h"
#include "packages/PackageReaders.h"
#include "util/PathNormalizer.h"

#include <map>

namespace ballast {
namespace {

using NodeId = MergedTree::NodeId;

// Linux gives up after 40 links in one lookup; a loop of links must end too.
constexpr int MaxSymlinkHops = 40;

// The node `path` names in the final filesystem, following symlinked directories on the way (not a
// symlink at the end); NoNode when no layer ever held it. The node, or a directory on the way, may
// have been removed by a later layer: earlier copies still count for the layers that wrote them.
NodeId resolveFinalPath(const Image &image, std::string path)
{
    const MergedTree &tree = image.tree;
    const int last = int(image.layers.size()) - 1;
    for (int hops = 0; hops <= MaxSymlinkHops; ++hops) {
        NodeId node = MergedTree::Root;
        size_t start = 0;
        bool restarted = false;
        while (start < path.size()) {
            size_t slash = path.find('/', start);
            const bool isLast = slash == std::string::npos;
            if (isLast)
                slash = path.size();
            const NodeId child = tree.child(node, std::string_view(path).substr(start, slash - start));
            if (child == MergedTree::NoNode)
                return MergedTree::NoNode;
            if (isLast)
                return child;
            // A directory a later layer removed has no link to follow, but the files it held still
            // count for the layers that wrote them.
            const LayerEntry *entry = tree.existsAfter(child, last) ? tree.entry(child, last) : nullptr;
            if (entry && entry->type == EntryType::Symlink) {
                const std::string_view target = image.layers[size_t(tree.entryLayer(child, last))].linkTarget(*entry);
                const std::string rest = path.substr(slash + 1);
                path = normalizeEntryPath(target.starts_with('/')
                        ? std::string(target) + '/' + rest
                        : tree.path(node) + '/' + std::string(target) + '/' + rest);
                restarted = true;
                break;
            }
            node = child;
            start = slash + 1;
        }
        if (!restarted)
            return node == MergedTree::Root ? MergedTree::NoNode : node;
    }
    return MergedTree::NoNode; // a loop of symlinks
}

// Whether some layer wrote `node` as a regular file.
bool everARegularFile(const Image &image, NodeId node)
{
    for (const MergedTree::Event &event : image.tree.events(node))
        if (event.kind == MergedTree::EventKind::Written
            && image.layers[event.layer].entries[event.entry].type == EntryType::File)
            return true;
    return false;
}

} // namespace

PackageReport attributePackages(const Image &image)
{
    PackageReport report;
    if (image.layers.empty())
        return report;
    const MergedTree &tree = image.tree;
    const int last = int(image.layers.size()) - 1;
    const detail::KeptDatabases kept(image);
    // Database order across ecosystems: the system's package manager first, then language packages.
    constexpr detail::PackageReader readers[] = { detail::readDebPackages, detail::readApkPackages,
        detail::readRpmPackages, detail::readPypiPackages, detail::readNpmPackages };
    std::vector<detail::PackageClaim> claims;
    for (const detail::PackageReader read : readers)
        for (detail::PackageClaim &claim : read(kept))
            claims.push_back(std::move(claim));

    std::vector<uint8_t> owned(tree.nodeCount(), 0);
    int64_t packagedBytes = 0;
    int64_t packagedFiles = 0;
    for (detail::PackageClaim &claim : claims) {
        InstalledPackage &package = claim.package;
        std::map<int, int64_t> perLayer;
        for (std::string &path : claim.paths) {
            const NodeId node = resolveFinalPath(image, std::move(path));
            if (node == MergedTree::NoNode || owned[node] || !everARegularFile(image, node))
                continue;
            owned[node] = 1;
            for (const MergedTree::Event &event : tree.events(node))
                if (event.kind == MergedTree::EventKind::Written)
                    if (const LayerEntry &entry = image.layers[event.layer].entries[event.entry];
                        entry.type == EntryType::File)
                        perLayer[event.layer] += entry.size;
            const LayerEntry *lastEntry = tree.existsAfter(node, last) ? tree.entry(node, last) : nullptr;
            if (lastEntry && lastEntry->type == EntryType::File) {
                package.sizeBytes += tree.finalSize(node);
                package.files.push_back(node);
            }
        }
        for (const auto &[layer, bytes] : perLayer)
            package.layers.push_back({ layer, bytes });
        packagedBytes += package.sizeBytes;
        packagedFiles += package.fileCount();
        report.packages.push_back(std::move(package));
    }
    report.unpackagedBytes = tree.finalFileBytes() - packagedBytes;
    report.unpackagedFileCount = tree.finalFileCount() - packagedFiles;
    report.skipped = kept.skipped();
    return report;
}

} // namespace ballast
