#include "TreeScope.h"

#include <QRegularExpression>
#include <algorithm>

namespace ballast {
namespace {

// How many nodes a pass handles between two looks at the cancellation flag.
constexpr uint32_t NodesPerCancellationCheck = 4096;

bool isCancelled(const std::atomic<bool> *cancelled, uint64_t step)
{
    return cancelled && step % NodesPerCancellationCheck == 0 && cancelled->load(std::memory_order_relaxed);
}

bool statusShown(const TreeFilter &filter, NodeStatus status)
{
    switch (status) {
    case NodeStatus::Added:
        return filter.showAdded;
    case NodeStatus::Modified:
        return filter.showModified;
    case NodeStatus::Removed:
        return filter.showRemoved;
    case NodeStatus::Unchanged:
        return filter.showUnchanged;
    case NodeStatus::Absent:
        return false;
    }
    return false;
}

// Marks nodes whose name (or path, when the pattern has a '/') matches, walking the tree depth-first
// with one path buffer so that no path is built twice.
// Returns false when cancelled before the end.
bool markSearchMatches(const MergedTree &tree, const TreeFilter &filter, const QRegularExpression &regex,
    std::vector<uint8_t> &out, const std::atomic<bool> *cancelled)
{
    const bool byPath = filter.search.contains(QLatin1Char('/'));
    const QByteArray needle = filter.search.toUtf8().toLower();
    auto test = [&](std::string_view text) {
        if (filter.regex)
            return regex.match(QString::fromUtf8(text.data(), qsizetype(text.size()))).hasMatch();
        return QByteArray::fromRawData(text.data(), qsizetype(text.size())).toLower().contains(needle);
    };
    std::string path;
    struct Frame {
        MergedTree::NodeId node;
        size_t pathLength;
    };
    std::vector<Frame> stack { { MergedTree::Root, 0 } };
    for (uint64_t visited = 1; !stack.empty(); ++visited) {
        if (isCancelled(cancelled, visited))
            return false;
        const Frame frame = stack.back();
        stack.pop_back();
        path.resize(frame.pathLength);
        if (frame.node != MergedTree::Root) {
            if (!path.empty())
                path.push_back('/');
            path.append(tree.name(frame.node));
            out[frame.node] = test(byPath ? std::string_view(path) : tree.name(frame.node));
        }
        for (auto child : tree.children(frame.node))
            stack.push_back({ child, path.size() });
    }
    return true;
}

// A matching directory passes the search for everything below it: one forward sweep, parents first.
void inheritSearchMatches(const MergedTree &tree, std::vector<uint8_t> &passes)
{
    for (MergedTree::NodeId node = 1; node < passes.size(); ++node)
        passes[node] = passes[node] || passes[tree.parent(node)];
}

// The hits depth first in the order the tree shows siblings, visiting only the directories that
// lead to a hit.
std::vector<MergedTree::NodeId> orderHits(
    const TreeScope &scope, const std::vector<uint8_t> &isHit, const std::vector<uint8_t> &hitBelow)
{
    const MergedTree &tree = scope.image->tree;
    std::vector<MergedTree::NodeId> ordered;
    std::vector<MergedTree::NodeId> stack { MergedTree::Root }, siblings;
    while (!stack.empty()) {
        const MergedTree::NodeId node = stack.back();
        stack.pop_back();
        if (isHit[node])
            ordered.push_back(node);
        siblings.clear();
        for (auto child : tree.children(node))
            if (isHit[child] || hitBelow[child])
                siblings.push_back(child);
        sortSiblings(siblings, scope, scope.order);
        stack.insert(stack.end(), siblings.rbegin(), siblings.rend());
    }
    return ordered;
}

} // namespace

void sortSiblings(std::vector<MergedTree::NodeId> &siblings, const TreeScope &scope, SiblingOrder order)
{
    // Siblings arrive sorted by name: a stable sort by size keeps names as the tie-breaker.
    if (order.byName) {
        if (order.descending)
            std::reverse(siblings.begin(), siblings.end());
        return;
    }
    std::vector<std::pair<int64_t, MergedTree::NodeId>> keyed; // each key looked up once
    keyed.reserve(siblings.size());
    for (auto sibling : siblings)
        keyed.emplace_back(scope.shownBytes(sibling), sibling);
    std::stable_sort(keyed.begin(), keyed.end(),
        [&](const auto &a, const auto &b) { return order.descending ? a.first > b.first : a.first < b.first; });
    for (size_t i = 0; i < keyed.size(); ++i)
        siblings[i] = keyed[i].second;
}

int64_t TreeScope::shownBytes(MergedTree::NodeId node) const
{
    const MergedTree::HardlinkShare share = image->tree.hardlinkShare(node, layer);
    return share.carrier ? share.carrier->size : bytes[node];
}

std::shared_ptr<const TreeScope> TreeScope::build(const std::shared_ptr<const Image> &image, int layer,
    const TreeFilter &filter, const LayerSnapshot *reuse, SiblingOrder order, const std::atomic<bool> *cancelled)
{
    auto scope = std::make_shared<TreeScope>();
    const MergedTree &tree = image->tree;
    scope->image = image;
    scope->layer = layer;
    scope->filter = filter;
    scope->order = order;
    scope->snapshot = reuse && reuse->layer == layer ? *reuse : LayerSnapshot::compute(tree, layer);
    if (isCancelled(cancelled, 0))
        return nullptr;
    const size_t count = tree.nodeCount();
    scope->visible.assign(count, 0);
    scope->matches.assign(count, 0);

    std::vector<uint8_t> searchHit, searchPass,
        hitBelow; // searchHit ends as the hits: matching names that pass the filter
    QRegularExpression regex;
    const bool searching = !filter.search.isEmpty();
    if (searching) {
        if (filter.regex) {
            regex.setPattern(filter.search);
            regex.setPatternOptions(QRegularExpression::CaseInsensitiveOption);
            if (!regex.isValid())
                scope->searchError = regex.errorString();
        }
        searchHit.assign(count, 0);
        if (scope->searchError.isEmpty() && !markSearchMatches(tree, filter, regex, searchHit, cancelled))
            return nullptr;
        searchPass = searchHit;
        inheritSearchMatches(tree, searchPass);
        hitBelow.assign(count, 0);
    }
    const auto &status = scope->snapshot.status;
    const auto &bytes = scope->snapshot.bytes;
    const bool changesOnly = filter.mode == TreeMode::LayerChanges;
    // What a layer-changes view sizes by: the bytes of the files the layer touched, summed upwards.
    scope->bytes = changesOnly ? std::vector<int64_t>(count, 0) : bytes;
    // Children have higher ids than their parents: one backwards sweep carries visibility upwards.
    for (MergedTree::NodeId node = MergedTree::NodeId(count); node-- > 1;) {
        if (isCancelled(cancelled, node))
            return nullptr;
        const NodeStatus s = status[node];
        bool inScope = s != NodeStatus::Absent;
        if (filter.mode == TreeMode::LayerChanges)
            inScope = s == NodeStatus::Added || s == NodeStatus::Modified || s == NodeStatus::Removed;
        const bool match = inScope && statusShown(filter, s) && bytes[node] >= filter.minimumBytes
            && (!searching || (scope->searchError.isEmpty() && searchPass[node]));
        scope->matches[node] = match;
        if (searching) {
            searchHit[node] = match && searchHit[node];
            if (searchHit[node] || hitBelow[node])
                hitBelow[tree.parent(node)] = 1;
        }
        if (changesOnly) {
            // The layer's own bytes, whatever the filter shows: a search must not change sizes.
            if (inScope && !tree.isDirectory(node, layer))
                scope->bytes[node] += bytes[node];
            scope->bytes[tree.parent(node)] += scope->bytes[node];
        }
        if (match)
            scope->visible[node] = 1;
        if (scope->visible[node]) {
            scope->visible[tree.parent(node)] = 1;
            ++scope->visibleCount;
        }
    }
    if (count)
        scope->visible[MergedTree::Root] = 1;
    if (searching && count) {
        scope->hits = orderHits(*scope, searchHit, hitBelow);
        scope->hitRank.assign(count, 0);
        for (size_t i = 0; i < scope->hits.size(); ++i)
            scope->hitRank[scope->hits[i]] = uint32_t(i + 1);
        scope->matchCount = int64_t(scope->hits.size());
    }
    return scope;
}

} // namespace ballast
