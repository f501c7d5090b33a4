#include "PackageAttribution.h"
#include "packages/PackageReaders.h"
#include "util/PathNormalizer.h"

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

// Resolves the paths of the lists: a directory's files come one after another there, so the directory
// the previous path resolved to is reused, which saves walking (and following links of) its parents.
class ListResolver {
public:
    explicit ListResolver(const Image &image)
        : m_image(image)
    { }

    NodeId resolve(std::string path)
    {
        const size_t slash = path.rfind('/');
        if (slash != std::string::npos && m_directoryNode != MergedTree::NoNode
            && std::string_view(path).substr(0, slash) == m_directory)
            return m_image.tree.child(m_directoryNode, std::string_view(path).substr(slash + 1));
        std::string directory = slash == std::string::npos ? std::string() : path.substr(0, slash);
        const NodeId node = resolveFinalPath(m_image, std::move(path));
        if (node != MergedTree::NoNode && slash != std::string::npos) {
            m_directory = std::move(directory);
            m_directoryNode = m_image.tree.parent(node); // where the links on the way led
        }
        return node;
    }

private:
    const Image &m_image;
    std::string m_directory;
    NodeId m_directoryNode = MergedTree::NoNode;
};

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
    ListResolver resolver(image);
    std::vector<int64_t> perLayer(image.layers.size(), 0); // of the package at hand
    for (detail::PackageClaim &claim : claims) {
        InstalledPackage &package = claim.package;
        for (std::string &path : claim.paths) {
            const NodeId node = resolver.resolve(std::move(path));
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
        for (size_t layer = 0; layer < perLayer.size(); ++layer)
            if (perLayer[layer] > 0) {
                package.layers.push_back({ int(layer), perLayer[layer] });
                perLayer[layer] = 0;
            }
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
