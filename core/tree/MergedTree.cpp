#include "MergedTree.h"

#include <algorithm>

namespace ballast {

const char *nodeStatusName(NodeStatus status)
{
    switch (status) {
    case NodeStatus::Absent:
        return "absent";
    case NodeStatus::Added:
        return "added";
    case NodeStatus::Modified:
        return "modified";
    case NodeStatus::Removed:
        return "removed";
    case NodeStatus::Unchanged:
        return "unchanged";
    }
    return "unknown";
}

std::span<const MergedTree::NodeId> MergedTree::children(NodeId node) const
{
    Q_ASSERT(node < nodeCount());
    return std::span<const NodeId>(m_childIds)
        .subspan(m_childOffsets[node], m_childOffsets[node + 1] - m_childOffsets[node]);
}

std::string_view MergedTree::name(NodeId node) const
{
    Q_ASSERT(node < nodeCount());
    const uint32_t id = m_nameId[node];
    return std::string_view(m_names).substr(m_nameOffsets[id], m_nameOffsets[id + 1] - m_nameOffsets[id]);
}

std::string MergedTree::path(NodeId node) const
{
    std::vector<std::string_view> parts;
    for (NodeId n = node; n != Root && n != NoNode; n = m_parent[n])
        parts.push_back(name(n));
    std::string out;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        if (!out.empty())
            out.push_back('/');
        out.append(*it);
    }
    return out;
}

MergedTree::NodeId MergedTree::find(std::string_view path) const
{
    if (m_parent.empty())
        return NoNode;
    NodeId node = Root;
    size_t start = 0;
    while (start < path.size()) {
        size_t slash = path.find('/', start);
        if (slash == std::string_view::npos)
            slash = path.size();
        const std::string_view part = path.substr(start, slash - start);
        start = slash + 1;
        if (part.empty())
            continue;
        node = child(node, part);
        if (node == NoNode)
            return NoNode;
    }
    return node;
}

MergedTree::NodeId MergedTree::child(NodeId parent, std::string_view childName) const
{
    auto kids = children(parent);
    auto it = std::lower_bound(
        kids.begin(), kids.end(), childName, [this](NodeId kid, std::string_view key) { return name(kid) < key; });
    return it == kids.end() || name(*it) != childName ? NoNode : *it;
}

std::span<const MergedTree::Event> MergedTree::events(NodeId node) const
{
    Q_ASSERT(node < nodeCount());
    return std::span<const Event>(m_events).subspan(
        m_eventOffsets[node], m_eventOffsets[node + 1] - m_eventOffsets[node]);
}

const MergedTree::Event *MergedTree::eventAt(NodeId node, int layer) const
{
    for (const Event &event : events(node))
        if (event.layer == layer)
            return &event;
    return nullptr;
}

const MergedTree::Event *MergedTree::eventBefore(NodeId node, int layer) const
{
    const Event *found = nullptr;
    for (const Event &event : events(node)) {
        if (event.layer >= layer)
            break;
        found = &event;
    }
    return found;
}

const LayerEntry *MergedTree::entryOf(const Event &event) const
{
    if (event.kind != EventKind::Written)
        return nullptr;
    return &m_layers[event.layer].entries[event.entry];
}

bool MergedTree::existsAfter(NodeId node, int layer) const
{
    if (node == Root)
        return true;
    const Event *last = eventBefore(node, layer + 1);
    return last && last->kind != EventKind::Removed;
}

namespace {
bool sameContent(const Layer &a, const LayerEntry &x, const Layer &b, const LayerEntry &y)
{
    // dive's notion of "unmodified": same type, content, permissions and owner; mtime is ignored.
    return x.type == y.type && x.size == y.size && x.contentHash == y.contentHash && x.mode == y.mode && x.uid == y.uid
        && x.gid == y.gid && a.linkTarget(x) == b.linkTarget(y);
}
} // namespace

NodeStatus MergedTree::status(NodeId node, int layer) const
{
    if (node == Root)
        return NodeStatus::Unchanged;
    const Event *now = eventAt(node, layer);
    const Event *before = eventBefore(node, layer);
    const bool wasPresent = before && before->kind != EventKind::Removed;
    if (!now)
        return wasPresent ? NodeStatus::Unchanged : NodeStatus::Absent;
    if (now->kind == EventKind::Removed)
        return wasPresent ? NodeStatus::Removed : NodeStatus::Absent;
    if (!wasPresent)
        return NodeStatus::Added;
    const LayerEntry *newEntry = entryOf(*now);
    const LayerEntry *oldEntry = entryOf(*before);
    if (!newEntry || !oldEntry) // an implied directory on either side
        return (newEntry ? newEntry->type : EntryType::Directory) == (oldEntry ? oldEntry->type : EntryType::Directory)
            ? NodeStatus::Unchanged
            : NodeStatus::Modified;
    return sameContent(m_layers[now->layer], *newEntry, m_layers[before->layer], *oldEntry) ? NodeStatus::Unchanged
                                                                                            : NodeStatus::Modified;
}

int MergedTree::lastWriter(NodeId node, int layer) const
{
    const Event *last = eventBefore(node, layer + 1);
    return last && last->kind != EventKind::Removed ? last->layer : -1;
}

const LayerEntry *MergedTree::entry(NodeId node, int layer) const
{
    if (node == Root)
        return nullptr;
    const Event *last = eventBefore(node, layer + 1);
    if (last && last->kind == EventKind::Removed && last->layer == layer)
        last = eventBefore(node, layer);
    return last ? entryOf(*last) : nullptr;
}

int MergedTree::entryLayer(NodeId node, int layer) const
{
    if (node == Root)
        return -1;
    const Event *last = eventBefore(node, layer + 1);
    if (last && last->kind == EventKind::Removed && last->layer == layer)
        last = eventBefore(node, layer);
    return last && last->kind == EventKind::Written ? last->layer : -1;
}

bool MergedTree::isDirectory(NodeId node, int layer) const
{
    // Decided from the node's own history: a directory implied by a whiteout marker has no children.
    if (node == Root)
        return true;
    const Event *last = eventBefore(node, layer + 1);
    if (last && last->kind == EventKind::Removed && last->layer == layer)
        last = eventBefore(node, layer);
    if (!last || last->kind == EventKind::Removed)
        return false;
    return last->kind == EventKind::Implied || entryOf(*last)->type == EntryType::Directory;
}

std::vector<int64_t> MergedTree::aggregatedSizes(int layer) const
{
    std::vector<NodeStatus> statuses(nodeCount(), NodeStatus::Absent);
    for (NodeId node = 0; node < nodeCount(); ++node)
        statuses[node] = status(node, layer);
    return aggregatedSizes(layer, statuses);
}

std::vector<int64_t> MergedTree::aggregatedSizes(int layer, const std::vector<NodeStatus> &statuses) const
{
    std::vector<int64_t> sizes(nodeCount(), 0);
    // Children always have higher ids than their parents (a parent is created first), so one
    // backwards sweep sums every subtree.
    for (NodeId node = NodeId(nodeCount()); node-- > 0;) {
        if (statuses[node] == NodeStatus::Absent)
            continue;
        if (const LayerEntry *e = entry(node, layer); e && e->type == EntryType::File)
            sizes[node] += e->size;
        if (node == Root)
            break;
        const NodeId up = m_parent[node];
        const bool removed = statuses[node] == NodeStatus::Removed;
        if (!removed || statuses[up] == NodeStatus::Removed)
            sizes[up] += sizes[node];
    }
    return sizes;
}

void MergedTree::computeFinalFigures()
{
    const int last = layerCount() - 1;
    m_finalSizes.assign(nodeCount(), 0);
    m_finalEntryCount = 0;
    m_finalFileCount = 0;
    m_finalFiles.clear();
    for (NodeId node = NodeId(nodeCount()); node-- > 1;) {
        if (!existsAfter(node, last))
            continue;
        ++m_finalEntryCount;
        if (const LayerEntry *e = entry(node, last); e && e->type == EntryType::File) {
            ++m_finalFileCount;
            m_finalFiles.push_back(node);
            m_finalSizes[node] += e->size;
        }
        m_finalSizes[m_parent[node]] += m_finalSizes[node];
    }
    std::reverse(m_finalFiles.begin(), m_finalFiles.end());
}

} // namespace ballast
