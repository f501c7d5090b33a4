#include "PackagesView.h"

#include "PackagesModel.h"
#include "util/ByteFormat.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ballast {
namespace {

// Sorts by PackagesModel::SortRole, with the "(not from a package)" row last in either order.
class PinnedLastProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        const bool leftLast = left.data(PackagesModel::PackageRole).toInt() < 0;
        const bool rightLast = right.data(PackagesModel::PackageRole).toInt() < 0;
        if (leftLast || rightLast) // last when ascending, and when the descending order reverses this
            return sortOrder() == Qt::AscendingOrder ? rightLast && !leftLast : leftLast && !rightLast;
        return QSortFilterProxyModel::lessThan(left, right);
    }

    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, PackagesModel::Name, parent);
        return index.data(PackagesModel::PackageRole).toInt() < 0
            || QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }
};

// Selecting thousands of rows in the file tree takes long and shows nothing more.
constexpr int MaxSelectedFiles = 500;

} // namespace

PackagesView::PackagesView(QWidget *parent)
    : QWidget(parent)
    , m_model(new PackagesModel(this))
    , m_proxy(new PinnedLastProxy(this))
    , m_headline(new QLabel(this))
    , m_notRead(new QLabel(this))
    , m_onlyLayer(new QCheckBox(tr("Only the selected layer"), this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
{
    m_headline->setObjectName(QStringLiteral("packagesHeadline"));
    m_headline->setWordWrap(true);
    m_notRead->setObjectName(QStringLiteral("packagesNotRead"));
    m_notRead->setWordWrap(true);
    m_notRead->hide();
    m_onlyLayer->setObjectName(QStringLiteral("onlySelectedLayer"));
    m_onlyLayer->setToolTip(tr("Show the packages whose files the layer selected in the layers pane wrote, with the "
                               "bytes it wrote for each"));
    m_filter->setObjectName(QStringLiteral("packagesFilter"));
    m_filter->setPlaceholderText(tr("Filter packages…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only the packages whose name contains this text"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(PackagesModel::SortRole);
    m_proxy->setFilterKeyColumn(PackagesModel::Name);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setObjectName(QStringLiteral("packagesTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(PackagesModel::Size, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setWordWrap(false);
    // Versions are long ("12.2.0-14+deb12u1"): every column but the name fits its contents, judged on
    // the first few hundred rows so that a node_modules of thousands stays quick.
    QHeaderView *header = m_view->horizontalHeader();
    header->setResizeContentsPrecision(300);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PackagesModel::Name, QHeaderView::Stretch);
    m_view->setAlternatingRowColors(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_headline);
    layout->addWidget(m_notRead);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_onlyLayer);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_onlyLayer, &QCheckBox::toggled, this, &PackagesView::applyLayer);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PackagesView::onCurrentRowChanged);
    updateHeadline();
}

void PackagesView::setImage(const LoadedImage &loaded)
{
    m_loaded = loaded;
    m_model->setImage(loaded);
    const PackageReport *report = m_model->report();
    m_notRead->setVisible(report && !report->skipped.isEmpty());
    if (report && !report->skipped.isEmpty())
        m_notRead->setText(tr("Not read: %1").arg(report->skipped.join(QStringLiteral("; "))));
    applyLayer();
}

void PackagesView::setSelectedLayer(int layer)
{
    m_selectedLayer = layer;
    applyLayer();
}

void PackagesView::applyLayer()
{
    m_model->setLayer(m_onlyLayer->isChecked() ? m_selectedLayer : -1);
    m_onlyLayer->setText(
        m_selectedLayer >= 0 ? tr("Only layer %1").arg(m_selectedLayer) : tr("Only the selected layer"));
    updateHeadline();
}

void PackagesView::updateHeadline()
{
    const PackageReport *report = m_model->report();
    if (!report || !m_loaded.image) {
        m_headline->setText(tr("Open an image to see the bytes of each installed package."));
        return;
    }
    const int packages = m_model->rowCount() - 1;
    if (report->packages.empty()) {
        m_headline->setText(tr("No package database in this image: its %1 are no package's, as a scratch or "
                               "distroless image's own files are.")
                                .arg(formatBytes(report->unpackagedBytes)));
        return;
    }
    const QString packaged = formatBytes(m_model->packagedBytes());
    const QString unpackaged = formatBytes(m_model->unpackagedBytes());
    if (m_model->layer() >= 0)
        m_headline->setText(
            (packages == 1 ? tr("Layer %1 wrote %2 for 1 package; %3 of what it wrote belongs to no package.")
                           : tr("Layer %1 wrote %2 for %4 packages; %3 of what it wrote belongs to no package."))
                .arg(m_model->layer())
                .arg(packaged, unpackaged)
                .arg(packages));
    else
        m_headline->setText(
            (packages == 1 ? tr("1 package holds %1 of the final filesystem's %2; %3 belongs to no package.")
                           : tr("%4 packages hold %1 of the final filesystem's %2; %3 belongs to no package."))
                .arg(packaged, formatBytes(m_loaded.image->tree.finalFileBytes()), unpackaged)
                .arg(packages));
}

void PackagesView::onCurrentRowChanged()
{
    const QModelIndex current = m_view->currentIndex();
    const PackageReport *report = m_model->report();
    if (!report || !current.isValid() || current.data(PackagesModel::PackageRole).toInt() < 0)
        return;
    const int package = current.data(PackagesModel::PackageRole).toInt();
    const std::vector<MergedTree::NodeId> &files = report->packages[size_t(package)].files;
    QList<MergedTree::NodeId> selected;
    for (size_t i = 0; i < files.size() && i < MaxSelectedFiles; ++i)
        selected << files[i];
    emit filesRequested(selected);
}

} // namespace ballast
