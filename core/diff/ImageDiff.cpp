#include "ImageDiff.h"

#include "diff/WordDiff.h"
#include "report/CreatedBy.h"
#include "util/LoadError.h"

#include <QRegularExpression>

namespace ballast {
namespace {

const LayerEntry *finalEntry(const Image &image, MergedTree::NodeId node)
{
    return node == MergedTree::NoNode || image.layers.empty() ? nullptr
                                                              : image.tree.entry(node, int(image.layers.size()) - 1);
}

bool sameState(const Image &a, MergedTree::NodeId na, const Image &b, MergedTree::NodeId nb)
{
    const LayerEntry *x = finalEntry(a, na), *y = finalEntry(b, nb);
    if (!x || !y) // an implied directory has no metadata to compare: equal when both are directories
        return a.tree.isDirectory(na, int(a.layers.size()) - 1) && b.tree.isDirectory(nb, int(b.layers.size()) - 1);
    const int la = a.tree.entryLayer(na, int(a.layers.size()) - 1),
              lb = b.tree.entryLayer(nb, int(b.layers.size()) - 1);
    return x->type == y->type && x->size == y->size && x->mode == y->mode && x->uid == y->uid && x->gid == y->gid
        && x->contentHash == y->contentHash
        && a.layers[size_t(la)].linkTarget(*x) == b.layers[size_t(lb)].linkTarget(*y);
}

// Two steps are one step edited when they start with the same instruction (RUN, COPY, …) and at least
// half of the words after it are shared (WordDiff::similarity); a keyword alone says nothing.
constexpr double EditedStepSimilarity = 0.5;

double editSimilarity(const QString &a, const QString &b)
{
    const qsizetype spaceA = a.indexOf(QLatin1Char(' ')), spaceB = b.indexOf(QLatin1Char(' '));
    if (spaceA <= 0 || spaceB <= 0 || QStringView(a).left(spaceA) != QStringView(b).left(spaceB))
        return 0.0;
    return diffWords(a.mid(spaceA + 1), b.mid(spaceB + 1)).similarity();
}

LayerAlignment alignLayers(const Image &a, const Image &b)
{
    LayerAlignment out;
    std::vector<bool> usedB(b.layers.size(), false), matchedA(a.layers.size(), false);
    for (size_t i = 0; i < a.layers.size(); ++i)
        for (size_t j = 0; j < b.layers.size(); ++j)
            if (!usedB[j] && !a.layers[i].diffId.isEmpty() && a.layers[i].diffId == b.layers[j].diffId) {
                out.shared.push_back({ int(i), int(j) });
                usedB[j] = matchedA[i] = true;
                break;
            }
    auto instruction = [](const Image &image, const Layer &layer) {
        return layer.historyIndex >= 0
            ? normalizedInstruction(image.config.history[size_t(layer.historyIndex)].createdBy)
            : QString();
    };
    // Each remaining layer of A takes the first unused layer of B made by the same step, wherever it
    // sits (a reordered step must not block the others); repeated steps pair up in order.
    for (size_t i = 0; i < a.layers.size(); ++i) {
        if (matchedA[i])
            continue;
        const QString wanted = instruction(a, a.layers[i]);
        for (size_t j = 0; !wanted.isEmpty() && j < b.layers.size(); ++j)
            if (!usedB[j] && instruction(b, b.layers[j]) == wanted) {
                out.aligned.push_back({ int(i), int(j) });
                usedB[j] = matchedA[i] = true;
                break;
            }
    }
    // Of the rest, each layer of A takes the unused layer of B whose step is most like its own, when
    // they are an edit of one step (editSimilarity): "apt-get install -y curl" that gained
    // "--no-install-recommends" is the same step changed, not one step removed and another added.
    for (size_t i = 0; i < a.layers.size(); ++i) {
        if (matchedA[i])
            continue;
        const QString wanted = instruction(a, a.layers[i]);
        size_t best = b.layers.size();
        double bestSimilarity = EditedStepSimilarity;
        for (size_t j = 0; !wanted.isEmpty() && j < b.layers.size(); ++j) {
            if (usedB[j])
                continue;
            const double similarity = editSimilarity(wanted, instruction(b, b.layers[j]));
            if (similarity >= bestSimilarity && (best == b.layers.size() || similarity > bestSimilarity)) {
                best = j;
                bestSimilarity = similarity;
            }
        }
        if (best < b.layers.size()) {
            out.edited.push_back({ int(i), int(best) });
            usedB[best] = matchedA[i] = true;
        } else {
            out.onlyA.push_back(int(i));
        }
    }
    for (size_t j = 0; j < b.layers.size(); ++j)
        if (!usedB[j])
            out.onlyB.push_back(int(j));
    return out;
}

} // namespace

const char *diffStatusName(DiffStatus status)
{
    switch (status) {
    case DiffStatus::Unchanged:
        return "unchanged";
    case DiffStatus::Added:
        return "added";
    case DiffStatus::Removed:
        return "removed";
    case DiffStatus::Modified:
        return "modified";
    }
    return "unchanged";
}

QString normalizedInstruction(const QString &createdBy)
{
    static const QRegularExpression digest(QStringLiteral("(sha256:)?[0-9a-f]{64}"));
    return cleanCreatedBy(createdBy).replace(digest, QStringLiteral("<digest>")).simplified();
}

std::string_view ImageDiff::name(NodeId node) const
{
    const DiffNode &n = nodes[node];
    return n.nodeB != MergedTree::NoNode ? b->tree.name(n.nodeB) : a->tree.name(n.nodeA);
}

std::string ImageDiff::path(NodeId node) const
{
    const DiffNode &n = nodes[node];
    return n.nodeB != MergedTree::NoNode ? b->tree.path(n.nodeB) : a->tree.path(n.nodeA);
}

EntryType ImageDiff::kind(NodeId node) const
{
    const DiffNode &n = nodes[node];
    const LayerEntry *entry = n.nodeB != MergedTree::NoNode ? finalEntry(*b, n.nodeB) : finalEntry(*a, n.nodeA);
    return entry ? entry->type : EntryType::Directory;
}

ImageDiff ImageDiff::compute(
    std::shared_ptr<const Image> imageA, std::shared_ptr<const Image> imageB, const std::atomic<bool> *cancelled)
{
    ImageDiff diff;
    diff.a = std::move(imageA);
    diff.b = std::move(imageB);
    const Image &a = *diff.a, &b = *diff.b;
    diff.layers = alignLayers(a, b);
    const int lastA = int(a.layers.size()) - 1, lastB = int(b.layers.size()) - 1;
    auto present = [](const Image &image, int last, MergedTree::NodeId node) {
        return last >= 0 && image.tree.existsAfter(node, last);
    };

    // Merge-join both trees' sorted children, depth first: O(paths of A + paths of B).
    DiffNode root;
    root.nodeA = root.nodeB = MergedTree::Root;
    root.bytesA = a.tree.nodeCount() ? a.tree.finalFileBytes() : 0;
    root.bytesB = b.tree.nodeCount() ? b.tree.finalFileBytes() : 0;
    diff.nodes.push_back(root);
    diff.childrenOf.emplace_back();
    std::vector<NodeId> stack { MergedTree::Root };
    for (size_t visited = 0; !stack.empty(); ++visited) {
        if (cancelled && visited % 4096 == 0 && cancelled->load(std::memory_order_relaxed))
            throw LoadCancelled();
        const NodeId parent = stack.back();
        stack.pop_back();
        const DiffNode here = diff.nodes[parent];
        std::span<const MergedTree::NodeId> kidsA, kidsB;
        if (here.nodeA != MergedTree::NoNode && a.tree.nodeCount())
            kidsA = a.tree.children(here.nodeA);
        if (here.nodeB != MergedTree::NoNode && b.tree.nodeCount())
            kidsB = b.tree.children(here.nodeB);
        size_t i = 0, j = 0;
        std::vector<NodeId> children;
        while (i < kidsA.size() || j < kidsB.size()) {
            if (i < kidsA.size() && !present(a, lastA, kidsA[i])) {
                ++i;
                continue;
            }
            if (j < kidsB.size() && !present(b, lastB, kidsB[j])) {
                ++j;
                continue;
            }
            DiffNode node;
            node.parent = parent;
            const int order = i >= kidsA.size() ? 1
                : j >= kidsB.size()             ? -1
                                                : a.tree.name(kidsA[i]).compare(b.tree.name(kidsB[j]));
            if (order <= 0)
                node.nodeA = kidsA[i++];
            if (order >= 0)
                node.nodeB = kidsB[j++];
            if (node.nodeA == MergedTree::NoNode)
                node.status = DiffStatus::Added;
            else if (node.nodeB == MergedTree::NoNode)
                node.status = DiffStatus::Removed;
            else if (!sameState(a, node.nodeA, b, node.nodeB))
                node.status = DiffStatus::Modified;
            node.bytesA = node.nodeA != MergedTree::NoNode ? a.tree.finalSize(node.nodeA) : 0;
            node.bytesB = node.nodeB != MergedTree::NoNode ? b.tree.finalSize(node.nodeB) : 0;
            const auto id = NodeId(diff.nodes.size());
            diff.nodes.push_back(node);
            diff.childrenOf.emplace_back();
            children.push_back(id);
            stack.push_back(id);
            if (node.status == DiffStatus::Added)
                ++diff.added;
            else if (node.status == DiffStatus::Removed)
                ++diff.removed;
            else if (node.status == DiffStatus::Modified)
                ++diff.modified;
        }
        diff.childrenOf[parent] = std::move(children);
    }
    // Contents changed: a changed path marks every ancestor (parents have lower ids).
    for (NodeId n = NodeId(diff.nodes.size()); n-- > 1;) { // every node but the root
        DiffNode &node = diff.nodes[n];
        node.contentsChanged = node.contentsChanged || node.status != DiffStatus::Unchanged;
        node.statusesBelow |= uint8_t(1u << unsigned(node.status));
        if (node.contentsChanged)
            diff.nodes[node.parent].contentsChanged = true;
        diff.nodes[node.parent].statusesBelow |= node.statusesBelow;
    }
    return diff;
}

} // namespace ballast
