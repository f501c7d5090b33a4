#include "LayerTableModel.h"

#include "report/CreatedBy.h"
#include "util/ByteFormat.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <iterator>

namespace ballast {

LayerTableModel::LayerTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void LayerTableModel::setImage(std::shared_ptr<const Image> image, std::shared_ptr<const ImageAnalysis> analysis)
{
    beginResetModel();
    m_image = std::move(image);
    m_analysis = std::move(analysis);
    m_rows.clear();
    m_largestLayer = 0;
    if (m_image) {
        const auto &history = m_image->config.history;
        int nextLayer = 0;
        for (int h = 0; h < int(history.size()); ++h) {
            m_rows.push_back({ history[size_t(h)].layerIndex, h });
            if (history[size_t(h)].layerIndex >= 0)
                nextLayer = history[size_t(h)].layerIndex + 1;
        }
        for (; nextLayer < int(m_image->layers.size()); ++nextLayer)
            m_rows.push_back({ nextLayer, -1 });
        for (const Layer &layer : m_image->layers)
            m_largestLayer = std::max(m_largestLayer, layer.size);
    }
    endResetModel();
}

int LayerTableModel::layerAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)].layer : -1;
}

int LayerTableModel::rowOfLayer(int layer) const
{
    for (int row = 0; row < int(m_rows.size()); ++row)
        if (m_rows[size_t(row)].layer == layer)
            return row;
    return -1;
}

int LayerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}
int LayerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags LayerTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return layerAt(index.row()) >= 0 ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::ItemIsEnabled;
}

QVariant LayerTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_image)
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const HistoryEntry *history = row.history >= 0 ? &m_image->config.history[size_t(row.history)] : nullptr;
    const Layer *layer = row.layer >= 0 ? &m_image->layers[size_t(row.layer)] : nullptr;
    const LayerFigures *figures = layer && m_analysis ? &m_analysis->layers[size_t(row.layer)] : nullptr;
    const QString command = history ? cleanCreatedBy(history->createdBy) : tr("(no history)");
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IndexColumn:
            return layer ? QVariant(layer->index) : QVariant();
        case SizeColumn:
            return layer ? formatBytes(layer->size) : QString();
        case StoredColumn:
            return layer ? formatBytes(layer->compressedSize) : QString();
        case ChangeColumn:
            return figures ? formatSignedBytes(figures->contribution) : QString();
        case TotalColumn:
            return figures ? formatBytes(figures->cumulative) : QString();
        case CommandColumn:
            return command;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StoredColumn && layer && layer->compressedSize > layer->size)
            return storedLargerThanSize(*layer);
        if (index.column() == IndexColumn && figures && figures->holdsWaste)
            return tr("%1 of this layer are hidden by later layers (overwritten or deleted): stored, never seen.")
                .arg(formatBytes(figures->hiddenLater));
        return history ? history->createdBy : QVariant();
    case Qt::DecorationRole:
        if (index.column() == IndexColumn && figures && figures->holdsWaste)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::ForegroundRole:
        if (!layer)
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() != CommandColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case LayerRole:
        return row.layer;
    case SizeFractionRole:
        return layer && m_largestLayer > 0 ? double(layer->size) / double(m_largestLayer) : 0.0;
    }
    return {};
}

QString LayerTableModel::storedLargerThanSize(const Layer &layer)
{
    const QString figures = tr("%1 stored for %2 of files in %n entries.", nullptr, int(layer.entries.size()))
                                .arg(formatBytes(layer.compressedSize), formatBytes(layer.size));
    if (layer.compression == Compression::None)
        return figures + QLatin1Char(' ')
            + tr("The layer is stored uncompressed, as a plain tar: a 512-byte header for every entry and every "
                 "file padded to a multiple of 512 bytes come on top of the files' bytes.");
    return figures + QLatin1Char(' ')
        + tr("Even compressed with %1, the tar weighs more than its files: it holds a 512-byte header for every "
             "entry, and every file padded to a multiple of 512 bytes.")
              .arg(QString::fromLatin1(compressionName(layer.compression)));
}

QVariant LayerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    static const char *const names[] = { "#", "Size", "Stored", "Change", "Total", "Instruction" };
    // The long tips are literals joined on purpose, not a missing comma.
    // NOLINTBEGIN(bugprone-suspicious-missing-comma)
    static const char *const tips[] = { "Layer index (a warning marks layers whose bytes are hidden later)",
        "Bytes of the layer's files (tar sizes)",
        "Bytes of the blob as the archive stores it: compressed, or a plain tar. A tar adds a "
        "512-byte header for every entry and pads every file to a multiple of 512 bytes, so "
        "Stored is larger than Size for an uncompressed layer, and for a compressed one of "
        "small files, links or directories",
        "What the layer adds to the final filesystem (negative when it deletes more)",
        "Filesystem bytes after this layer", "The Dockerfile step that made the layer" };
    // NOLINTEND(bugprone-suspicious-missing-comma)
    static_assert(std::size(names) == ColumnCount && std::size(tips) == ColumnCount, "one tip per column");
    if (section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole)
        return tr(names[section]);
    if (role == Qt::ToolTipRole)
        return tr(tips[section]);
    return {};
}

} // namespace ballast
