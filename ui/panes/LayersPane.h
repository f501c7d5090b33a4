#pragma once
#include "LoadedImage.h"

#include <QWidget>

class QTableView;

namespace ballast {

class LayerTableModel;

// The layer list: one row per history step, sizes with proportional bars, waste markers.
class LayersPane : public QWidget {
    Q_OBJECT
public:
    explicit LayersPane(QWidget *parent = nullptr);
    void setImage(const LoadedImage &loaded);
    void selectLayer(int layer);
    int selectedLayer() const;
    QTableView *view() const { return m_view; }
    LayerTableModel *model() const { return m_model; }

signals:
    void layerSelected(int layer);

private:
    QTableView *m_view;
    LayerTableModel *m_model;
    int m_layer = -1; // the layer last selected; an empty history row (ENV, CMD, …) does not change it
};

} // namespace ballast
