#include "KeptDatabases.h"
#include "util/ByteFormat.h"
#include "util/PathNormalizer.h"

#include <algorithm>

namespace ballast::detail {

KeptDatabases::KeptDatabases(const Image &image)
    : m_image(image)
    , m_last(int(image.layers.size()) - 1)
{ }

const KeptFile *KeptDatabases::keptAt(int layer, uint32_t entry) const
{
    const std::vector<KeptFile> &kept = m_image.layers[size_t(layer)].kept;
    const auto it = std::lower_bound(
        kept.begin(), kept.end(), entry, [](const KeptFile &file, uint32_t wanted) { return file.entry < wanted; });
    return it != kept.end() && it->entry == entry ? &*it : nullptr;
}

const std::string *KeptDatabases::finalBytes(std::string_view path) const
{
    const MergedTree &tree = m_image.tree;
    const MergedTree::NodeId node = tree.find(path);
    if (m_last < 0 || node == MergedTree::NoNode || !tree.existsAfter(node, m_last))
        return nullptr;
    const int layer = tree.lastWriter(node, m_last);
    for (const MergedTree::Event &event : tree.events(node))
        if (event.layer == layer && event.kind == MergedTree::EventKind::Written) {
            const KeptFile *file = keptAt(layer, event.entry);
            if (file && file->overBudget) {
                const int64_t size = m_image.layers[size_t(layer)].entries[event.entry].size;
                const QString why
                    = QStringLiteral("%1 (%2): not read, it would take the package databases kept in "
                                     "memory over their limit (--%3)")
                          .arg(displayPath(path), formatBytes(size), QLatin1String(MaxPackageDatabaseBytesOption));
                skip(why);
                return nullptr;
            }
            return file ? &file->bytes : nullptr;
        }
    return nullptr;
}

std::vector<std::pair<int, const std::string *>> KeptDatabases::layerCopies(std::string_view path) const
{
    std::vector<std::pair<int, const std::string *>> out;
    const MergedTree::NodeId node = m_image.tree.find(path);
    if (node == MergedTree::NoNode)
        return out;
    for (const MergedTree::Event &event : m_image.tree.events(node))
        if (event.kind == MergedTree::EventKind::Written)
            if (const KeptFile *file = keptAt(event.layer, event.entry); file && !file->overBudget)
                out.emplace_back(event.layer, &file->bytes);
    return out;
}

std::vector<std::string> KeptDatabases::finalChildren(std::string_view directory) const
{
    std::vector<std::string> out;
    const MergedTree &tree = m_image.tree;
    const MergedTree::NodeId node = tree.find(directory);
    if (m_last < 0 || node == MergedTree::NoNode)
        return out;
    for (MergedTree::NodeId child : tree.children(node))
        if (tree.existsAfter(child, m_last))
            out.emplace_back(tree.name(child));
    return out;
}

std::vector<std::string> KeptDatabases::finalKeptPaths() const
{
    std::vector<std::string> out;
    const MergedTree &tree = m_image.tree;
    for (const Layer &layer : m_image.layers)
        for (const KeptFile &file : layer.kept) {
            const std::string_view path = layer.path(layer.entries[file.entry]);
            const MergedTree::NodeId node = tree.find(path);
            if (node != MergedTree::NoNode && tree.existsAfter(node, m_last)
                && tree.lastWriter(node, m_last) == layer.index)
                out.emplace_back(path);
        }
    std::sort(out.begin(), out.end());
    return out;
}

void KeptDatabases::skip(const QString &why) const
{
    if (!m_skipped.contains(why))
        m_skipped << why;
}

} // namespace ballast::detail
