#pragma once
// A deliberately naive, line-by-line port of dive's filetree package (dive/filetree/file_tree.go,
// file_node.go, efficiency.go; runtime/export/export.go), used as an independent oracle: one map of
// named children per node, every whiteout restacks the layers below from scratch, exactly as dive
// does. It shares no code with Ballast's analysis (which works on the merged tree's node ids).
//
// The dive behaviours this port keeps, each from the Go source:
// - FileTree.AddPath creates missing parents with an empty FileInfo{} and puts the payload on the
//   last component; it silently adds nothing for a component starting with ".wh..wh.." (so opaque
//   markers `dir/.wh..wh..opq` never enter a layer's tree, though `dir` does).
// - FileNode.Path() trims ".wh." from the node's own name only.
// - FileTree.Stack visits the upper tree children-first (all nodes): a whiteout removes its path
//   (errors ignored), anything else AddPath-s its FileInfo (so an implied parent replaces it with {}).
// - Efficiency visits only leaves, children-first, names sorted byte-wise; the per-path record is made
//   before the whiteout lookup (minimum -1), and a failed lookup ends that layer's walk.
#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace refdive {

struct FileInfo {
    std::string path;
    int typeFlag = 0;
    std::string linkName;
    int64_t size = 0;
    uint32_t mode = 0; // Go os.FileMode
    int64_t uid = 0;
    int64_t gid = 0;
    bool isDir = false;
    bool operator==(const FileInfo &) const = default;
};

struct Node {
    std::string name;
    FileInfo info;
    Node *parent = nullptr;
    std::map<std::string, std::unique_ptr<Node>> children; // std::string compares bytes as unsigned char

    bool isLeaf() const { return children.empty(); }
    bool isWhiteout() const { return name.rfind(".wh.", 0) == 0; }
    std::string path() const
    {
        std::vector<std::string> parts;
        for (const Node *n = this; n->parent; n = n->parent) {
            std::string part = n->name;
            if (n == this && part.rfind(".wh.", 0) == 0)
                part = part.substr(4);
            parts.insert(parts.begin(), part);
        }
        std::string out = "/";
        for (size_t i = 0; i < parts.size(); ++i)
            out += (i ? "/" : "") + parts[i];
        return out;
    }
    std::unique_ptr<Node> copy(Node *newParent) const
    {
        auto n = std::make_unique<Node>();
        n->name = name;
        n->info = info;
        n->parent = newParent;
        for (const auto &[key, child] : children)
            n->children[key] = child->copy(n.get());
        return n;
    }
};

inline std::vector<std::string> splitPath(const std::string &path)
{
    std::vector<std::string> out;
    std::string cur;
    for (char c : path) {
        if (c == '/') {
            if (!cur.empty())
                out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty())
        out.push_back(cur);
    return out;
}

struct Tree {
    std::unique_ptr<Node> root = std::make_unique<Node>();

    Tree copy() const
    {
        Tree t;
        t.root = root->copy(nullptr);
        return t;
    }
    void addPath(const std::string &filepath, const FileInfo &data)
    {
        const auto names = splitPath(filepath);
        Node *node = root.get();
        for (size_t idx = 0; idx < names.size(); ++idx) {
            const std::string &name = names[idx];
            auto it = node->children.find(name);
            if (it != node->children.end()) {
                node = it->second.get();
            } else {
                if (name.rfind(".wh..wh..", 0) == 0)
                    return; // "don't add paths that should be deleted"
                auto child = std::make_unique<Node>();
                child->name = name;
                child->parent = node;
                Node *raw = child.get();
                node->children[name] = std::move(child);
                node = raw;
            }
            if (idx == names.size() - 1)
                node->info = data;
        }
    }
    Node *getNode(const std::string &path) const
    {
        Node *node = root.get();
        for (const auto &name : splitPath(path)) {
            auto it = node->children.find(name);
            if (it == node->children.end())
                return nullptr;
            node = it->second.get();
        }
        return node;
    }
    void removePath(const std::string &path)
    {
        Node *node = getNode(path);
        if (node && node->parent)
            node->parent->children.erase(node->name);
    }
};

// Children first, sorted; the visitor returns false to abort the whole walk (an error in Go).
template <typename Visit> bool visitChildFirst(const Node *node, bool isRoot, const Visit &visit, bool leavesOnly)
{
    for (const auto &[name, child] : node->children)
        if (!visitChildFirst(child.get(), false, visit, leavesOnly))
            return false;
    if (isRoot)
        return true;
    if (!leavesOnly || node->isLeaf())
        return visit(node);
    return true;
}

inline void stack(Tree &lower, const Tree &upper)
{
    visitChildFirst(
        upper.root.get(), true,
        [&](const Node *node) {
            if (node->isWhiteout())
                lower.removePath(node->path());
            else
                lower.addPath(node->path(), node->info);
            return true;
        },
        false);
}

struct EfficiencyData {
    std::string path;
    int nodes = 0;
    int64_t cumulativeSize = 0;
    int64_t minDiscoveredSize = -1;
};

struct Result {
    double efficiency = 1.0;
    int64_t wastedBytes = 0;
    int64_t userSizeBytes = 0;
    std::vector<EfficiencyData> inefficiencies; // as dive's export lists them: reversed ascending sort
    std::vector<std::vector<FileInfo>> fileLists;
    std::vector<int64_t> layerSizes;
};

// `layers`: each layer's tar entries in archive order, as dive reads them.
inline Result analyze(const std::vector<std::vector<FileInfo>> &layers)
{
    std::vector<Tree> trees(layers.size());
    Result result;
    for (size_t l = 0; l < layers.size(); ++l) {
        int64_t fileSize = 0;
        for (const FileInfo &info : layers[l]) {
            fileSize += info.size;
            trees[l].addPath(info.path, info);
        }
        result.layerSizes.push_back(fileSize);
    }
    std::map<std::string, EfficiencyData> map;
    std::vector<std::string> inefficientOrder;
    for (size_t current = 0; current < trees.size(); ++current) {
        visitChildFirst(
            trees[current].root.get(), true,
            [&](const Node *node) {
                const std::string path = node->path();
                EfficiencyData &data = map.try_emplace(path, EfficiencyData { path }).first->second;
                int64_t sizeBytes = 0;
                if (node->isWhiteout()) {
                    Tree stacked = trees[0].copy(); // StackTreeRange(trees, 0, current-1)
                    for (size_t i = 0; i + 1 <= current; ++i)
                        stack(stacked, trees[i]);
                    const Node *previous = stacked.getNode(path);
                    if (!previous)
                        return false; // "path does not exist": ends this layer's walk
                    if (previous->info.isDir)
                        visitChildFirst(
                            previous, false,
                            [&](const Node *n) {
                                sizeBytes += n->info.size;
                                return true;
                            },
                            false);
                } else {
                    sizeBytes = node->info.size;
                }
                data.cumulativeSize += sizeBytes;
                if (data.minDiscoveredSize < 0 || sizeBytes < data.minDiscoveredSize)
                    data.minDiscoveredSize = sizeBytes;
                if (++data.nodes == 2)
                    inefficientOrder.push_back(path);
                return true;
            },
            true);
    }
    int64_t minimum = 0, discovered = 0;
    for (const auto &[path, data] : map) {
        minimum += data.minDiscoveredSize;
        discovered += data.cumulativeSize;
    }
    result.efficiency = discovered == 0 ? 1.0 : double(minimum) / double(discovered);
    std::vector<EfficiencyData> matches;
    for (const auto &path : inefficientOrder)
        matches.push_back(map[path]);
    // sort.Sort: insertion sort (stable) for the 12 or fewer elements the tests use.
    std::stable_sort(matches.begin(), matches.end(),
        [](const EfficiencyData &a, const EfficiencyData &b) { return a.cumulativeSize < b.cumulativeSize; });
    std::reverse(matches.begin(), matches.end());
    for (const auto &m : matches)
        result.wastedBytes += m.cumulativeSize;
    result.inefficiencies = matches;
    for (size_t l = 1; l < result.layerSizes.size(); ++l)
        result.userSizeBytes += result.layerSizes[l];
    for (const Tree &tree : trees) {
        std::vector<FileInfo> list;
        visitChildFirst(
            tree.root.get(), true,
            [&](const Node *n) {
                list.push_back(n->info);
                return true;
            },
            false);
        result.fileLists.push_back(std::move(list));
    }
    return result;
}

// Go's archive/tar headerFileInfo.Mode() for a header with permission bits `mode` (07777) and `typeFlag`.
inline uint32_t goMode(uint32_t mode, char typeFlag)
{
    uint32_t m = mode & 0777;
    if (mode & 04000)
        m |= 1u << 23;
    if (mode & 02000)
        m |= 1u << 22;
    if (mode & 01000)
        m |= 1u << 20;
    switch (typeFlag) {
    case '5':
        m |= 1u << 31;
        break;
    case '2':
        m |= 1u << 27;
        break;
    case '4':
        m |= 1u << 26;
        break;
    case '3':
        m |= (1u << 26) | (1u << 21);
        break;
    case '6':
        m |= 1u << 25;
        break;
    default:
        break;
    }
    return m;
}

} // namespace refdive
