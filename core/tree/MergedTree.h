#pragma once
#include "layer/Layer.h"

#include <QtGlobal>

#include <atomic>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ballast {

enum class NodeStatus : uint8_t { Absent, Added, Modified, Removed, Unchanged };
const char *nodeStatusName(NodeStatus status);

// The union of every path of every layer as one compact tree (arrays indexed by node id, names
// interned), with a short list of events per node: the layers that wrote it and the layer that
// removed it. The filesystem after any layer is read off those events, so no tree is ever copied per
// layer. Whiteouts and opaque directories follow the OCI image spec: they hide only what lower layers
// hold, so each layer's whiteouts are applied before its own writes.
class MergedTree {
public:
    using NodeId = uint32_t;
    static constexpr NodeId Root = 0;
    static constexpr NodeId NoNode = UINT32_MAX;
    static constexpr uint32_t NoEntry = UINT32_MAX;

    enum class EventKind : uint8_t {
        Written, // the layer has an entry for this path
        Implied, // the layer needs this directory as a parent but has no entry for it
        Removed, // a whiteout, an opaque parent or a type change hid it
    };
    struct Event {
        uint32_t entry; // index into the layer's entries; NoEntry for Implied and Removed
        uint16_t layer;
        EventKind kind;
    };

    MergedTree() = default;
    // `layers` must outlive the tree and not move; throws LoadCancelled when `cancelled` becomes true.
    static MergedTree build(std::span<const Layer> layers, const std::atomic<bool> *cancelled = nullptr);

    size_t nodeCount() const { return m_parent.size(); }
    int layerCount() const { return int(m_layers.size()); }
    NodeId parent(NodeId node) const
    {
        Q_ASSERT(node < nodeCount());
        return m_parent[node];
    }
    std::span<const NodeId> children(NodeId node) const; // sorted by name, byte-wise
    std::string_view name(NodeId node) const;
    std::string path(NodeId node) const; // relative, without a leading '/'
    NodeId find(std::string_view path) const;
    std::span<const Event> events(NodeId node) const;
    // The node an entry of a layer names. For whiteout markers: the directory that holds the marker.
    NodeId nodeOfEntry(int layer, uint32_t entry) const { return m_entryNodes[size_t(layer)][entry]; }
    // The child of `parent` called `name`, NoNode when there is none.
    NodeId child(NodeId parent, std::string_view name) const;

    bool existsAfter(NodeId node, int layer) const;
    NodeStatus status(NodeId node, int layer) const;
    // The layer that last wrote the node at or before `layer`, -1 when it is absent then.
    int lastWriter(NodeId node, int layer) const;
    // The entry visible after `layer`; for a node removed in `layer`, the entry it had before.
    // nullptr for implied directories and absent nodes.
    const LayerEntry *entry(NodeId node, int layer) const;
    // The layer whose entry entry() returns (its strings live there), -1 when there is none.
    int entryLayer(NodeId node, int layer) const;
    bool isDirectory(NodeId node, int layer) const;

    // Bytes of regular files at or below each node after `layer` (indexed by node). Removed nodes
    // keep the bytes they held; they are not counted in present parents.
    std::vector<int64_t> aggregatedSizes(int layer) const;
    // The same, reusing statuses already computed for `layer` (indexed by node).
    std::vector<int64_t> aggregatedSizes(int layer, const std::vector<NodeStatus> &statuses) const;
    int64_t finalSize(NodeId node) const { return m_finalSizes[node]; }

    // Final filesystem figures: paths (root excluded), regular files and their bytes.
    int64_t finalEntryCount() const { return m_finalEntryCount; }
    int64_t finalFileCount() const { return m_finalFileCount; }
    int64_t finalFileBytes() const { return m_finalSizes.empty() ? 0 : m_finalSizes[Root]; }
    // The regular files of the final filesystem, by node id.
    const std::vector<NodeId> &finalFiles() const { return m_finalFiles; }

    // A hardlink entry of a layer. In a tar a hardlink (typeflag '1') names an earlier member by
    // path; that member, the carrier, holds the bytes and the link is stored with size 0, so byte
    // totals count the carrier only.
    struct Hardlink {
        NodeId node; // the link's own path
        NodeId target; // the path it names; NoNode when the image has no such path
        uint16_t layer;
        uint32_t entry;
    };
    // Every hardlink entry of every layer, sorted by target.
    std::span<const Hardlink> hardlinks() const { return m_hardlinks; }
    // The link's entry is what its path holds after `layer` (not yet replaced or removed).
    bool isVisible(const Hardlink &link, int layer) const;
    // What a hardlink visible after `layer` shares with its target.
    struct HardlinkShare {
        NodeId target = NoNode;
        const LayerEntry *carrier = nullptr; // the regular file whose bytes the link names
        bool countedAtTarget = false; // the target still holds those bytes after `layer`
    };
    // Empty (target NoNode) when `node` is no hardlink after `layer`.
    HardlinkShare hardlinkShare(NodeId node, int layer) const;
    // The hardlinks visible after `layer` whose bytes `target` carries, sorted by node id.
    std::vector<NodeId> hardlinksTo(NodeId target, int layer) const;

private:
    friend class MergedTreeBuilder;
    const Event *eventAt(NodeId node, int layer) const; // the event in exactly `layer`
    const Event *eventBefore(NodeId node, int layer) const; // the last event in a layer below
    const LayerEntry *entryOf(const Event &event) const;
    void computeFinalFigures();
    void indexHardlinks();

    std::span<const Layer> m_layers;
    std::vector<NodeId> m_parent;
    std::vector<uint32_t> m_nameId;
    std::vector<uint32_t> m_childOffsets; // node's children are m_childIds[offsets[n] .. offsets[n+1])
    std::vector<NodeId> m_childIds;
    std::vector<uint32_t> m_eventOffsets;
    std::vector<Event> m_events;
    std::string m_names;
    std::vector<uint32_t> m_nameOffsets; // name i is m_names[offsets[i] .. offsets[i+1])
    std::vector<std::vector<NodeId>> m_entryNodes; // per layer, per entry
    std::vector<int64_t> m_finalSizes;
    std::vector<NodeId> m_finalFiles;
    std::vector<Hardlink> m_hardlinks;
    int64_t m_finalEntryCount = 0;
    int64_t m_finalFileCount = 0;
};

} // namespace ballast
