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
    return std::move(matchAll({ pattern }).front());
}

std::vector<std::vector<MergedTree::NodeId>> FinalFilesystem::matchAll(
    const std::vector<std::string_view> &patterns) const
{
    constexpr std::string_view Anywhere = "**/";
    // The first component of each "**/" pattern, and the present nodes of that name at any depth.
    std::vector<std::string_view> firsts;
    for (std::string_view pattern : patterns)
        if (pattern.starts_with(Anywhere)) {
            pattern.remove_prefix(Anywhere.size());
            const std::string_view first = pattern.substr(0, pattern.find('/'));
            if (std::find(firsts.begin(), firsts.end(), first) == firsts.end())
                firsts.push_back(first);
        }
    std::vector<std::vector<MergedTree::NodeId>> named(firsts.size());
    if (!firsts.empty())
        for (MergedTree::NodeId node = 1; node < m_tree.nodeCount(); ++node) {
            const std::string_view name = m_tree.name(node);
            for (size_t k = 0; k < firsts.size(); ++k)
                if (pathComponentMatches(firsts[k], name) && exists(node))
                    named[k].push_back(node);
        }
    std::vector<std::vector<MergedTree::NodeId>> out;
    out.reserve(patterns.size());
    for (std::string_view pattern : patterns) {
        if (!pattern.starts_with(Anywhere)) {
            out.push_back(descend({ MergedTree::Root }, pattern));
            continue;
        }
        pattern.remove_prefix(Anywhere.size());
        const std::string_view first = pattern.substr(0, pattern.find('/'));
        const auto k = size_t(std::find(firsts.begin(), firsts.end(), first) - firsts.begin());
        pattern.remove_prefix(std::min(pattern.size(), first.size() + 1));
        out.push_back(descend(named[k], pattern));
    }
    return out;
}

std::vector<MergedTree::NodeId> FinalFilesystem::descend(
    std::vector<MergedTree::NodeId> current, std::string_view rest) const
{
    size_t start = 0;
    while (start < rest.size() && !current.empty()) {
        size_t slash = rest.find('/', start);
        if (slash == std::string_view::npos)
            slash = rest.size();
        const std::string_view part = rest.substr(start, slash - start);
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
