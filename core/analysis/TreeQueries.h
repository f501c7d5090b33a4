#pragma once
#include "image/Image.h"

#include <functional>
#include <string_view>
#include <vector>

namespace ballast {

// Small read-only helpers over the final filesystem that several finders share.
class FinalFilesystem {
public:
    explicit FinalFilesystem(const Image &image)
        : m_tree(image.tree)
        , m_last(int(image.layers.size()) - 1)
    { }

    bool exists(MergedTree::NodeId node) const { return m_last >= 0 && m_tree.existsAfter(node, m_last); }
    const LayerEntry *entry(MergedTree::NodeId node) const { return m_tree.entry(node, m_last); }
    bool isFile(MergedTree::NodeId node) const;
    // Nodes matching a pattern of path components where "*" matches any one name and a trailing
    // "*" in a component ("go-*") matches a prefix; a leading "**/" lets the rest start at any depth.
    // Only present nodes.
    std::vector<MergedTree::NodeId> match(std::string_view pattern) const;
    // match() of each pattern, in order, with one pass over the nodes for all the "**/" patterns
    // together rather than one per pattern: a tree has hundreds of thousands of nodes.
    std::vector<std::vector<MergedTree::NodeId>> matchAll(const std::vector<std::string_view> &patterns) const;
    // The layer that wrote most of the bytes of the regular files at or below `node`.
    int heaviestWriter(MergedTree::NodeId node) const;
    // Visits present nodes at or below `node`.
    void forEachBelow(MergedTree::NodeId node, const std::function<void(MergedTree::NodeId)> &visit) const;

private:
    // The present nodes below `start` that the components of `rest` lead to.
    std::vector<MergedTree::NodeId> descend(std::vector<MergedTree::NodeId> current, std::string_view rest) const;

    const MergedTree &m_tree;
    int m_last;
};

} // namespace ballast
