#include "TreeQueries.h"
#include "analysis/PathRules.h"

#include <algorithm>
#include <map>

namespace ballast {

bool FinalFilesystem::isFile(MergedTree::NodeId node) const
{
    const LayerEntry *e = entry(node);
    return e && e->type == EntryType::File;
}

std::vector<MergedTree::NodeId> FinalFilesystem::match(std::string_view pattern) const
{
    std::vector<MergedTree::NodeId> current { MergedTree::Root };
    if (pattern.starts_with("**/")) {
        // The first component anywhere: one pass over the nodes, then the rest as usual below each.
        pattern.remove_prefix(3);
        const std::string_view first = pattern.substr(0, pattern.find('/'));
        current.clear();
        for (MergedTree::NodeId node = 1; node < m_tree.nodeCount(); ++node)
            if (pathComponentMatches(first, m_tree.name(node)) && exists(node))
                current.push_back(node);
        pattern.remove_prefix(std::min(pattern.size(), first.size() + 1));
    }
    size_t start = 0;
    while (start < pattern.size() && !current.empty()) {
        size_t slash = pattern.find('/', start);
        if (slash == std::string_view::npos)
            slash = pattern.size();
        const std::string_view part = pattern.substr(start, slash - start);
        start = slash + 1;
        std::vector<MergedTree::NodeId> next;
        for (MergedTree::NodeId node : current) {
            if (part.find('*') == std::string_view::npos) {
                const auto child = m_tree.child(node, part);
                if (child != MergedTree::NoNode && exists(child))
                    next.push_back(child);
                continue;
            }
            for (MergedTree::NodeId child : m_tree.children(node))
                if (pathComponentMatches(part, m_tree.name(child)) && exists(child))
                    next.push_back(child);
        }
        current = std::move(next);
    }
    return current;
}

void FinalFilesystem::forEachBelow(MergedTree::NodeId node, const std::function<void(MergedTree::NodeId)> &visit) const
{
    std::vector<MergedTree::NodeId> stack { node };
    while (!stack.empty()) {
        const auto n = stack.back();
        stack.pop_back();
        visit(n);
        for (auto child : m_tree.children(n))
            if (exists(child))
                stack.push_back(child);
    }
}

int FinalFilesystem::heaviestWriter(MergedTree::NodeId node) const
{
    std::map<int, int64_t> bytesByLayer;
    forEachBelow(node, [&](MergedTree::NodeId n) {
        if (isFile(n))
            bytesByLayer[m_tree.lastWriter(n, m_last)] += entry(n)->size;
    });
    int best = -1;
    int64_t bestBytes = -1;
    for (const auto &[layer, bytes] : bytesByLayer)
        if (bytes > bestBytes) {
            best = layer;
            bestBytes = bytes;
        }
    return best;
}

} // namespace ballast
