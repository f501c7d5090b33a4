#include "MergedTree.h"

#include <algorithm>
#include <tuple>

namespace ballast {

void MergedTree::indexHardlinks()
{
    m_hardlinks.clear();
    for (size_t layer = 0; layer < m_layers.size(); ++layer) {
        const Layer &source = m_layers[layer];
        for (uint32_t i = 0; i < source.entries.size(); ++i)
            if (source.entries[i].type == EntryType::Hardlink)
                m_hardlinks.push_back(
                    { m_entryNodes[layer][i], find(source.linkTarget(source.entries[i])), uint16_t(layer), i });
    }
    std::sort(m_hardlinks.begin(), m_hardlinks.end(), [](const Hardlink &a, const Hardlink &b) {
        return std::tie(a.target, a.node, a.layer) < std::tie(b.target, b.node, b.layer);
    });
}

bool MergedTree::isVisible(const Hardlink &link, int layer) const
{
    return existsAfter(link.node, layer) && entry(link.node, layer) == &m_layers[link.layer].entries[link.entry];
}

MergedTree::HardlinkShare MergedTree::hardlinkShare(NodeId node, int layer) const
{
    HardlinkShare share;
    if (node == Root || !existsAfter(node, layer))
        return share;
    const LayerEntry *link = entry(node, layer);
    if (!link || link->type != EntryType::Hardlink)
        return share;
    // The carrier is the target as the link's own layer left it: a tar link names an earlier member
    // of the same archive (GNU tar and Go's archive/tar always name the member stored as the file).
    const int linkLayer = entryLayer(node, layer);
    share.target = find(m_layers[size_t(linkLayer)].linkTarget(*link));
    if (share.target == NoNode)
        return share;
    if (const LayerEntry *named = entry(share.target, linkLayer); named && named->type == EntryType::File)
        share.carrier = named;
    // A later layer that rewrites or removes the target breaks the link, as a copy-up in overlayfs
    // does: the link keeps the old bytes, which then no path counts.
    share.countedAtTarget
        = share.carrier && existsAfter(share.target, layer) && entry(share.target, layer) == share.carrier;
    return share;
}

std::vector<MergedTree::NodeId> MergedTree::hardlinksTo(NodeId target, int layer) const
{
    std::vector<NodeId> names;
    auto it = std::lower_bound(m_hardlinks.begin(), m_hardlinks.end(), target,
        [](const Hardlink &link, NodeId id) { return link.target < id; });
    for (; it != m_hardlinks.end() && it->target == target; ++it) {
        if (isVisible(*it, layer) && hardlinkShare(it->node, layer).countedAtTarget
            && (names.empty() || names.back() != it->node))
            names.push_back(it->node);
    }
    return names;
}

} // namespace ballast
