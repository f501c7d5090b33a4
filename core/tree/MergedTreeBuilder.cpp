#include "MergedTree.h"
#include "util/LoadError.h"

#include <xxhash.h>

#include <algorithm>

namespace ballast {

// Builds a MergedTree by replaying layers in order over a growing trie. Lookups go through two flat
// open-addressing tables (interned names; (parent, name) → child) that are dropped once the tree is
// final: the finished tree finds children by binary search over its sorted child arrays.
class MergedTreeBuilder {
public:
    using NodeId = MergedTree::NodeId;
    using EventKind = MergedTree::EventKind;

    MergedTreeBuilder(std::span<const Layer> layers, const std::atomic<bool> *cancelled)
        : m_layers(layers)
        , m_cancelled(cancelled)
    {
        size_t entries = 0;
        for (const Layer &layer : layers)
            entries += layer.entries.size();
        m_tree.m_layers = layers;
        m_tree.m_nameOffsets.push_back(0);
        reserveTables(entries + 16);
        createNode(MergedTree::NoNode, internName({})); // the root
    }

    MergedTree finish();

private:
    struct BuildEvent {
        MergedTree::Event event;
        uint32_t next;
    };

    void reserveTables(size_t expected);
    uint32_t internName(std::string_view name);
    NodeId childOf(NodeId parent, uint32_t nameId, bool create);
    NodeId createNode(NodeId parent, uint32_t nameId);
    NodeId findPath(std::string_view path);
    NodeId ensureParents(std::string_view path, uint16_t layer, std::string_view *leaf);
    bool present(NodeId node) const;
    bool presentDirectory(NodeId node) const;
    void record(NodeId node, uint16_t layer, EventKind kind, uint32_t entry);
    void removeSubtree(NodeId node, uint16_t layer, bool includeSelf);
    void applyLayer(uint16_t index);

    std::span<const Layer> m_layers;
    const std::atomic<bool> *m_cancelled;
    MergedTree m_tree;
    std::vector<uint32_t> m_firstChild, m_nextSibling, m_firstEvent, m_lastEvent;
    std::vector<BuildEvent> m_events;
    std::vector<uint32_t> m_nameSlots, m_childSlots; // open addressing; UINT32_MAX = empty
    std::vector<NodeId> m_stack;
};

namespace {
constexpr uint32_t Empty = UINT32_MAX;
uint64_t mix(uint64_t a, uint64_t b)
{
    return XXH3_64bits_withSeed(&b, sizeof b, a);
}
size_t tableSizeFor(size_t count)
{
    size_t size = 64;
    while (size < count * 2)
        size <<= 1;
    return size;
}
} // namespace

void MergedTreeBuilder::reserveTables(size_t expected)
{
    m_nameSlots.assign(tableSizeFor(expected / 2 + 16), Empty);
    m_childSlots.assign(tableSizeFor(expected), Empty);
}

uint32_t MergedTreeBuilder::internName(std::string_view name)
{
    auto &names = m_tree.m_names;
    auto &offsets = m_tree.m_nameOffsets;
    const uint32_t count = uint32_t(offsets.size() - 1);
    if ((size_t(count) + 1) * 2 > m_nameSlots.size()) { // grow and rehash
        std::vector<uint32_t> old(tableSizeFor(count + 1), Empty);
        old.swap(m_nameSlots);
        for (uint32_t id = 0; id < count; ++id) {
            std::string_view n(names.data() + offsets[id], offsets[id + 1] - offsets[id]);
            size_t slot = XXH3_64bits(n.data(), n.size()) & (m_nameSlots.size() - 1);
            while (m_nameSlots[slot] != Empty)
                slot = (slot + 1) & (m_nameSlots.size() - 1);
            m_nameSlots[slot] = id;
        }
    }
    size_t slot = XXH3_64bits(name.data(), name.size()) & (m_nameSlots.size() - 1);
    while (m_nameSlots[slot] != Empty) {
        const uint32_t id = m_nameSlots[slot];
        if (std::string_view(names.data() + offsets[id], offsets[id + 1] - offsets[id]) == name)
            return id;
        slot = (slot + 1) & (m_nameSlots.size() - 1);
    }
    if (names.size() + name.size() > UINT32_MAX)
        throw LoadError(QStringLiteral("the image's file names exceed 4 GiB"));
    names.append(name);
    offsets.push_back(uint32_t(names.size()));
    m_nameSlots[slot] = count;
    return count;
}

MergedTreeBuilder::NodeId MergedTreeBuilder::childOf(NodeId parent, uint32_t nameId, bool create)
{
    const auto &parents = m_tree.m_parent;
    const auto &nameIds = m_tree.m_nameId;
    size_t mask = m_childSlots.size() - 1;
    size_t slot = mix(parent, nameId) & mask;
    while (m_childSlots[slot] != Empty) {
        const NodeId node = m_childSlots[slot];
        if (parents[node] == parent && nameIds[node] == nameId)
            return node;
        slot = (slot + 1) & mask;
    }
    if (!create)
        return MergedTree::NoNode;
    const NodeId node = createNode(parent, nameId);
    if ((parents.size() + 1) * 2 > m_childSlots.size()) {
        m_childSlots.assign(m_childSlots.size() * 2, Empty);
        mask = m_childSlots.size() - 1;
        for (NodeId n = 1; n < parents.size(); ++n) {
            size_t s = mix(parents[n], nameIds[n]) & mask;
            while (m_childSlots[s] != Empty)
                s = (s + 1) & mask;
            m_childSlots[s] = n;
        }
    } else {
        m_childSlots[slot] = node;
    }
    return node;
}

MergedTreeBuilder::NodeId MergedTreeBuilder::createNode(NodeId parent, uint32_t nameId)
{
    const auto node = NodeId(m_tree.m_parent.size());
    if (node == MergedTree::NoNode)
        throw LoadError(QStringLiteral("the image has more than 4 billion paths"));
    m_tree.m_parent.push_back(parent);
    m_tree.m_nameId.push_back(nameId);
    m_firstChild.push_back(Empty);
    m_nextSibling.push_back(parent == MergedTree::NoNode ? Empty : m_firstChild[parent]);
    if (parent != MergedTree::NoNode)
        m_firstChild[parent] = node;
    m_firstEvent.push_back(Empty);
    m_lastEvent.push_back(Empty);
    return node;
}

bool MergedTreeBuilder::present(NodeId node) const
{
    if (node == MergedTree::Root)
        return true;
    const uint32_t last = m_lastEvent[node];
    return last != Empty && m_events[last].event.kind != EventKind::Removed;
}

bool MergedTreeBuilder::presentDirectory(NodeId node) const
{
    if (node == MergedTree::Root)
        return true;
    if (!present(node))
        return false;
    const auto &event = m_events[m_lastEvent[node]].event;
    return event.kind == EventKind::Implied || m_layers[event.layer].entries[event.entry].type == EntryType::Directory;
}

void MergedTreeBuilder::record(NodeId node, uint16_t layer, EventKind kind, uint32_t entry)
{
    const uint32_t last = m_lastEvent[node];
    if (last != Empty && m_events[last].event.layer == layer) { // one event per layer: the latest wins
        m_events[last].event.kind = kind;
        m_events[last].event.entry = entry;
        return;
    }
    const auto index = uint32_t(m_events.size());
    m_events.push_back({ { entry, layer, kind }, Empty });
    if (last == Empty)
        m_firstEvent[node] = index;
    else
        m_events[last].next = index;
    m_lastEvent[node] = index;
}

void MergedTreeBuilder::removeSubtree(NodeId node, uint16_t layer, bool includeSelf)
{
    m_stack.clear();
    if (includeSelf)
        m_stack.push_back(node);
    else
        for (uint32_t c = m_firstChild[node]; c != Empty; c = m_nextSibling[c])
            m_stack.push_back(c);
    while (!m_stack.empty()) {
        const NodeId n = m_stack.back();
        m_stack.pop_back();
        if (!present(n))
            continue; // nothing below an absent node is present
        record(n, layer, EventKind::Removed, MergedTree::NoEntry);
        for (uint32_t c = m_firstChild[n]; c != Empty; c = m_nextSibling[c])
            m_stack.push_back(c);
    }
}

MergedTreeBuilder::NodeId MergedTreeBuilder::findPath(std::string_view path)
{
    NodeId node = MergedTree::Root;
    size_t start = 0;
    while (start < path.size() && node != MergedTree::NoNode) {
        size_t slash = path.find('/', start);
        if (slash == std::string_view::npos)
            slash = path.size();
        node = childOf(node, internName(path.substr(start, slash - start)), false);
        start = slash + 1;
    }
    return node;
}

// Walks to the parent of `path`, making every missing or non-directory ancestor an implied directory
// present in `layer` (tar entries need not list their parents).
MergedTreeBuilder::NodeId MergedTreeBuilder::ensureParents(
    std::string_view path, uint16_t layer, std::string_view *leaf)
{
    NodeId node = MergedTree::Root;
    size_t start = 0;
    while (true) {
        const size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) {
            *leaf = path.substr(start);
            return node;
        }
        node = childOf(node, internName(path.substr(start, slash - start)), true);
        if (!presentDirectory(node)) {
            removeSubtree(node, layer, false); // a file replaced by a directory: nothing below survives
            record(node, layer, EventKind::Implied, MergedTree::NoEntry);
        }
        start = slash + 1;
    }
}

void MergedTreeBuilder::applyLayer(uint16_t index)
{
    const Layer &layer = m_layers[index];
    auto &entryNodes = m_tree.m_entryNodes.emplace_back(layer.entries.size(), MergedTree::NoNode);
    // Whiteouts first: they hide what the layers below hold, never what this layer adds.
    for (const LayerEntry &entry : layer.entries) {
        if (entry.type != EntryType::Whiteout && entry.type != EntryType::OpaqueWhiteout)
            continue;
        const std::string_view path = layer.path(entry);
        const size_t slash = path.rfind('/');
        const std::string_view dir = slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
        const NodeId dirNode = dir.empty() ? MergedTree::Root : findPath(dir);
        if (dirNode == MergedTree::NoNode)
            continue; // whiteouts of paths that never existed are ignored
        if (entry.type == EntryType::OpaqueWhiteout) {
            if (presentDirectory(dirNode))
                removeSubtree(dirNode, index, false);
            continue;
        }
        const std::string_view hidden = path.substr(slash == std::string_view::npos ? 4 : slash + 5);
        const NodeId target = childOf(dirNode, internName(hidden), false);
        if (target != MergedTree::NoNode && present(target))
            removeSubtree(target, index, true);
    }
    for (uint32_t i = 0; i < layer.entries.size(); ++i) {
        const LayerEntry &entry = layer.entries[i];
        std::string_view leaf;
        const NodeId parent = ensureParents(layer.path(entry), index, &leaf);
        if (entry.type == EntryType::Whiteout || entry.type == EntryType::OpaqueWhiteout) {
            entryNodes[i] = parent; // markers: their directory exists in this layer, they themselves are not files
            continue;
        }
        const NodeId node = childOf(parent, internName(leaf), true);
        entryNodes[i] = node;
        if (entry.type != EntryType::Directory && presentDirectory(node))
            removeSubtree(node, index, false); // a directory replaced by a file takes its contents along
        record(node, index, EventKind::Written, i);
    }
}

MergedTree MergedTreeBuilder::finish()
{
    for (size_t i = 0; i < m_layers.size(); ++i) {
        if (m_cancelled && m_cancelled->load(std::memory_order_relaxed))
            throw LoadCancelled();
        applyLayer(uint16_t(i));
    }
    m_nameSlots = {};
    m_childSlots = {};
    // Nodes were created parent first; the ids stay, only the lookup tables go.
    const size_t count = m_tree.m_parent.size();

    // Children as sorted contiguous arrays.
    auto &offsets = m_tree.m_childOffsets;
    offsets.assign(count + 1, 0);
    for (NodeId n = 1; n < count; ++n)
        ++offsets[m_tree.m_parent[n] + 1];
    for (size_t n = 0; n < count; ++n)
        offsets[n + 1] += offsets[n];
    m_tree.m_childIds.resize(count ? count - 1 : 0);
    std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);
    for (NodeId n = 1; n < count; ++n)
        m_tree.m_childIds[fill[m_tree.m_parent[n]]++] = n;
    for (NodeId n = 0; n < count; ++n) {
        auto begin = m_tree.m_childIds.begin() + offsets[n], end = m_tree.m_childIds.begin() + offsets[n + 1];
        std::sort(begin, end, [this](NodeId a, NodeId b) { return m_tree.name(a) < m_tree.name(b); });
    }

    // Events as contiguous runs per node, in layer order.
    m_tree.m_eventOffsets.assign(count + 1, 0);
    m_tree.m_events.reserve(m_events.size());
    for (NodeId n = 0; n < count; ++n) {
        for (uint32_t e = m_firstEvent[n]; e != Empty; e = m_events[e].next) {
            // eventAt() and lastWriter() search a node's events assuming layer order.
            Q_ASSERT(m_tree.m_events.size() == m_tree.m_eventOffsets[n]
                || m_tree.m_events.back().layer <= m_events[e].event.layer);
            m_tree.m_events.push_back(m_events[e].event);
        }
        m_tree.m_eventOffsets[n + 1] = uint32_t(m_tree.m_events.size());
    }
    m_events = {};
    m_tree.computeFinalFigures();
    m_tree.indexHardlinks();
    return std::move(m_tree);
}

MergedTree MergedTree::build(std::span<const Layer> layers, const std::atomic<bool> *cancelled)
{
    if (layers.size() > UINT16_MAX)
        throw LoadError(
            QStringLiteral("the image has %1 layers, more than the %2 supported").arg(layers.size()).arg(UINT16_MAX));
    return MergedTreeBuilder(layers, cancelled).finish();
}

} // namespace ballast
