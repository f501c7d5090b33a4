#pragma once
// A deliberately naive second implementation of layer merging, to check MergedTree against: the
// filesystem after each layer is a std::map from full path to entry, rebuilt by copying, with the
// whiteout rules of the OCI image spec written out the obvious way. It shares no code or
// data structure with MergedTreeBuilder (no trie, no events, no interning).
//
// compareWithReference() replays an image through this model and checks, after every layer and for
// every node of the tree: existence, status, last writer, the entry, isDirectory and the aggregated
// sizes; then the final figures and that the tree holds exactly the paths ever written or implied.
#include "LayerSpec.h"
#include "tree/MergedTree.h"

#include <QString>
#include <QTest>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace treetest {

struct RefNode {
    ballast::EntryType type = ballast::EntryType::Directory;
    int64_t size = 0;
    uint64_t hash = 0;
    uint32_t mode = 0, uid = 0, gid = 0;
    std::string link;
    int layer = 0;
    int entry = -1; // index of the entry in its layer; -1 for a parent directory without an entry
    bool implicit() const { return entry < 0; }
};
using RefFs = std::map<std::string, RefNode>;

inline bool refIsBelow(const std::string &path, const std::string &dir) // strictly below; "" = root
{
    return dir.empty()
        || (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/');
}
inline void refErase(RefFs &fs, const std::string &dir, bool andItself)
{
    for (auto it = fs.begin(); it != fs.end();)
        it = (refIsBelow(it->first, dir) || (andItself && it->first == dir)) ? fs.erase(it) : std::next(it);
}
inline std::string refDirName(const std::string &p)
{
    const auto slash = p.rfind('/');
    return slash == std::string::npos ? std::string() : p.substr(0, slash);
}
inline std::string refBaseName(const std::string &p)
{
    const auto slash = p.rfind('/');
    return slash == std::string::npos ? p : p.substr(slash + 1);
}

// One layer over `fs`. Markers act first and only on what the lower layers left; then the entries in
// order: missing or non-directory parents become directories without an entry, a non-directory
// replacing a directory drops what was below it, and a later entry for the same path replaces an
// earlier one. `markersImplyParents`: whether a marker's own directory comes into existence like any
// other entry's parent (docker's and containerd's unpackers do create it; the fixtures' oracle
// script does not — the real images never tell the two apart). `touched` collects every path the
// layer writes or implies.
inline RefFs refApplyLayer(
    RefFs fs, const LayerSpec &layer, int index, std::set<std::string> &touched, bool markersImplyParents = true)
{
    using ballast::EntryType;
    for (const EntrySpec &e : layer) {
        if (e.type == EntryType::OpaqueWhiteout)
            refErase(fs, refDirName(e.path), false);
        else if (e.type == EntryType::Whiteout) {
            const std::string dir = refDirName(e.path);
            refErase(fs, (dir.empty() ? "" : dir + "/") + refBaseName(e.path).substr(4), true);
        }
    }
    for (size_t i = 0; i < layer.size(); ++i) {
        const EntrySpec &e = layer[i];
        const bool marker = e.type == EntryType::Whiteout || e.type == EntryType::OpaqueWhiteout;
        if (marker && !markersImplyParents)
            continue;
        for (size_t slash = e.path.find('/'); slash != std::string::npos; slash = e.path.find('/', slash + 1)) {
            const std::string parent = e.path.substr(0, slash);
            auto it = fs.find(parent);
            if (it == fs.end() || it->second.type != EntryType::Directory) {
                refErase(fs, parent, false);
                RefNode dir;
                dir.layer = index;
                fs[parent] = dir;
                touched.insert(parent);
            }
        }
        if (marker)
            continue;
        auto old = fs.find(e.path);
        if (old != fs.end() && old->second.type == EntryType::Directory && e.type != EntryType::Directory)
            refErase(fs, e.path, false);
        RefNode n;
        n.type = e.type;
        n.size = e.size;
        n.hash = e.hash;
        n.mode = e.permissions;
        n.uid = e.uid;
        n.gid = e.gid;
        n.link = e.link;
        n.layer = index;
        n.entry = int(i);
        fs[e.path] = n;
        touched.insert(e.path);
    }
    return fs;
}

inline int64_t refBytes(const RefFs &fs, const std::string &path) // regular-file bytes at or below
{
    int64_t total = 0;
    for (const auto &[p, n] : fs)
        if ((p == path || refIsBelow(p, path)) && n.type == ballast::EntryType::File)
            total += n.size;
    return total;
}

// `knowsContent`: the specs carry real content hashes. Without them (an oracle listing), a file
// rewritten with the same size, mode and owner may be Unchanged or Modified.
inline void compareWithReference(const ballast::MergedTree &tree, const std::vector<ballast::Layer> &layers,
    const ImageSpec &spec, bool knowsContent, RefFs *finalFs = nullptr)
{
    using ballast::MergedTree;
    using ballast::NodeStatus;
    QCOMPARE(size_t(tree.layerCount()), spec.size());

    std::vector<std::pair<MergedTree::NodeId, std::string>> nodes;
    for (MergedTree::NodeId n = 1; n < tree.nodeCount(); ++n)
        nodes.emplace_back(n, tree.path(n));

    RefFs fs;
    std::set<std::string> everTouched;
    for (int k = 0; k < int(spec.size()); ++k) {
        std::set<std::string> touched;
        const RefFs before = fs;
        fs = refApplyLayer(fs, spec[size_t(k)], k, touched);
        everTouched.insert(touched.begin(), touched.end());
        const auto sizes = tree.aggregatedSizes(k);
        QCOMPARE(sizes[MergedTree::Root], refBytes(fs, ""));
        for (const auto &[node, path] : nodes) {
            const QString where = QStringLiteral("\"%1\" after layer %2").arg(QString::fromStdString(path)).arg(k);
            const auto was = before.find(path);
            const auto now = std::as_const(fs).find(path);
            const bool wasPresent = was != before.end(), isPresent = now != fs.end();
            const NodeStatus st = tree.status(node, k);
            const QString got = QString::fromLatin1(ballast::nodeStatusName(st));
            QVERIFY2(tree.existsAfter(node, k) == isPresent, qPrintable(where + ": existsAfter"));
            if (!isPresent) {
                QVERIFY2(tree.lastWriter(node, k) == -1, qPrintable(where + ": lastWriter of a missing node"));
                if (!wasPresent) {
                    QVERIFY2(st == NodeStatus::Absent, qPrintable(where + ": " + got + ", expected absent"));
                    QVERIFY2(sizes[node] == 0, qPrintable(where + ": bytes of an absent node"));
                    QVERIFY2(tree.entry(node, k) == nullptr, qPrintable(where + ": entry of an absent node"));
                    continue;
                }
                QVERIFY2(st == NodeStatus::Removed, qPrintable(where + ": " + got + ", expected removed"));
                // Visible in the removing layer with the bytes it held and the entry it had.
                QVERIFY2(sizes[node] == refBytes(before, path),
                    qPrintable(where
                        + QStringLiteral(": removed node holds %1 bytes, expected %2")
                              .arg(sizes[node])
                              .arg(refBytes(before, path))));
                const ballast::LayerEntry *old = tree.entry(node, k);
                const RefNode &r = was->second;
                QVERIFY2(old == (r.implicit() ? nullptr : &layers[size_t(r.layer)].entries[size_t(r.entry)]),
                    qPrintable(where + ": entry of a removed node"));
                continue;
            }
            const RefNode &r = now->second;
            QVERIFY2(sizes[node] == refBytes(fs, path),
                qPrintable(where + QStringLiteral(": %1 bytes, expected %2").arg(sizes[node]).arg(refBytes(fs, path))));
            QVERIFY2(tree.lastWriter(node, k) == r.layer,
                qPrintable(where
                    + QStringLiteral(": last writer %1, expected %2").arg(tree.lastWriter(node, k)).arg(r.layer)));
            QVERIFY2(
                tree.entry(node, k) == (r.implicit() ? nullptr : &layers[size_t(r.layer)].entries[size_t(r.entry)]),
                qPrintable(where + ": entry"));
            QVERIFY2(tree.isDirectory(node, k) == (r.type == ballast::EntryType::Directory),
                qPrintable(where + ": isDirectory"));
            if (!wasPresent) {
                QVERIFY2(st == NodeStatus::Added, qPrintable(where + ": " + got + ", expected added"));
                continue;
            }
            if (!touched.count(path)) {
                QVERIFY2(st == NodeStatus::Unchanged, qPrintable(where + ": " + got + ", expected unchanged"));
                continue;
            }
            const RefNode &a = was->second;
            const bool sameType = a.type == r.type;
            const bool sameAttributes = sameType && a.size == r.size && a.mode == r.mode && a.uid == r.uid
                && a.gid == r.gid && a.link == r.link;
            if (a.implicit() || r.implicit()) // nothing but the type is known of a directory without entry
                QVERIFY2(
                    st == (sameType ? NodeStatus::Unchanged : NodeStatus::Modified), qPrintable(where + ": " + got));
            else if (!sameAttributes)
                QVERIFY2(st == NodeStatus::Modified, qPrintable(where + ": " + got + ", expected modified"));
            else if (knowsContent || r.type != ballast::EntryType::File)
                QVERIFY2(st == (a.hash == r.hash ? NodeStatus::Unchanged : NodeStatus::Modified),
                    qPrintable(where + ": " + got));
            else
                QVERIFY2(st == NodeStatus::Unchanged || st == NodeStatus::Modified, qPrintable(where + ": " + got));
        }
    }

    int64_t files = 0, bytes = 0;
    for (const auto &[p, n] : fs)
        if (n.type == ballast::EntryType::File) {
            ++files;
            bytes += n.size;
        }
    QCOMPARE(tree.finalEntryCount(), int64_t(fs.size()));
    QCOMPARE(tree.finalFileCount(), files);
    QCOMPARE(tree.finalFileBytes(), bytes);

    // The tree is the union of every path any layer wrote or implied, and nothing else.
    std::set<std::string> treePaths;
    for (const auto &[node, path] : nodes)
        treePaths.insert(path);
    QStringList onlyTree, onlyModel;
    for (const auto &p : treePaths)
        if (!everTouched.count(p))
            onlyTree << QString::fromStdString(p);
    for (const auto &p : everTouched)
        if (!treePaths.count(p))
            onlyModel << QString::fromStdString(p);
    QVERIFY2(onlyTree.isEmpty() && onlyModel.isEmpty(),
        qPrintable(
            "nodes only in the tree: " + onlyTree.join(", ") + "; paths only in the model: " + onlyModel.join(", ")));
    if (finalFs)
        *finalFs = fs;
}

} // namespace treetest
