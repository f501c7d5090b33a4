#include "LayersPane.h"

#include "models/LayerTableModel.h"
#include "widgets/SizeBarDelegate.h"

#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ballast {

LayersPane::LayersPane(QWidget *parent)
    : QWidget(parent)
    , m_view(new QTableView(this))
    , m_model(new LayerTableModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("<b>Layers</b>"), this);
    layout->addWidget(title);
    layout->addWidget(m_view);
    m_view->setObjectName(QStringLiteral("layersView"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(
        LayerTableModel::SizeColumn, new SizeBarDelegate(LayerTableModel::SizeFractionRole, this));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setToolTip(tr("Select a layer to see what it changed"));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current, const QModelIndex &previous) {
            const int layer = m_model->layerAt(current.row());
            if (layer >= 0) {
                m_layer = layer;
                emit layerSelected(layer);
                return;
            }
            // An empty history step (ENV, CMD…) holds no layer. The arrow keys step over it; a
            // click on it keeps the layer that is shown. Deferred: the view is still handling the event.
            const bool byMouse = QGuiApplication::mouseButtons() != Qt::NoButton;
            const int step = previous.isValid() && current.row() < previous.row() ? -1 : 1;
            QTimer::singleShot(0, this, [this, row = current.row(), step, byMouse] {
                if (m_view->currentIndex().row() != row)
                    return; // something else chose a row meanwhile
                int target = -1;
                for (int r = row + step; !byMouse && r >= 0 && r < m_model->rowCount(); r += step)
                    if (m_model->layerAt(r) >= 0) {
                        target = m_model->layerAt(r);
                        break;
                    }
                selectLayer(target >= 0 ? target : m_layer);
            });
        });
}

void LayersPane::setImage(const LoadedImage &loaded)
{
    m_layer = -1;
    m_model->setImage(loaded.image, loaded.analysis);
    for (int column = 0; column < LayerTableModel::CommandColumn; ++column)
        m_view->resizeColumnToContents(column);
    m_view->setColumnWidth(LayerTableModel::SizeColumn, std::max(m_view->columnWidth(LayerTableModel::SizeColumn), 90));
}

void LayersPane::selectLayer(int layer)
{
    const int row = m_model->rowOfLayer(layer);
    if (row < 0)
        return;
    m_view->setCurrentIndex(m_model->index(row, LayerTableModel::CommandColumn));
    m_view->scrollTo(m_model->index(row, 0));
}

int LayersPane::selectedLayer() const
{
    return m_layer;
}

} // namespace ballast
