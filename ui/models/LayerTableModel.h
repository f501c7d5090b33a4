#pragma once
#include "analysis/ImageAnalysis.h"

#include <QAbstractTableModel>
#include <memory>

namespace ballast {

// One row per history step: the layers, with the empty steps (ENV, CMD, …) between them greyed and
// not selectable. Layers without history follow at the end.
class LayerTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IndexColumn, SizeColumn, StoredColumn, ChangeColumn, TotalColumn, CommandColumn, ColumnCount };
    enum Role { LayerRole = Qt::UserRole + 1, SizeFractionRole };

    explicit LayerTableModel(QObject *parent = nullptr);
    void setImage(std::shared_ptr<const Image> image, std::shared_ptr<const ImageAnalysis> analysis);

    int layerAt(int row) const; // -1 for empty history steps
    int rowOfLayer(int layer) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Why a layer's Stored exceeds its Size (tar headers and padding), with its figures.
    static QString storedLargerThanSize(const Layer &layer);

private:
    struct Row {
        int layer = -1;
        int history = -1;
    };
    std::shared_ptr<const Image> m_image;
    std::shared_ptr<const ImageAnalysis> m_analysis;
    std::vector<Row> m_rows;
    int64_t m_largestLayer = 0;
};

} // namespace ballast
