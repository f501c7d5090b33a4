#include "PackagesModel.h"

#include "report/PackagesReport.h"
#include "util/ByteFormat.h"
#include "util/PathNormalizer.h"

#include <QFont>

namespace ballast {

PackagesModel::PackagesModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

const PackageReport *PackagesModel::report() const
{
    return m_loaded.analysis ? &m_loaded.analysis->packages : nullptr;
}

void PackagesModel::setImage(const LoadedImage &loaded)
{
    beginResetModel();
    m_loaded = loaded;
    m_layer = -1;
    rebuildRows();
    endResetModel();
}

void PackagesModel::setLayer(int layer)
{
    if (layer == m_layer)
        return;
    beginResetModel();
    m_layer = layer;
    rebuildRows();
    endResetModel();
}

int64_t PackagesModel::bytesOf(int package) const
{
    const InstalledPackage &installed = report()->packages[size_t(package)];
    return m_layer < 0 ? installed.sizeBytes : bytesInLayer(installed, m_layer);
}

void PackagesModel::rebuildRows()
{
    m_rows.clear();
    m_packagedBytes = m_unpackagedBytes = 0;
    const PackageReport *packages = report();
    if (!packages || !m_loaded.image)
        return;
    if (m_layer >= int(m_loaded.image->layers.size()))
        m_layer = -1;
    for (int i = 0; i < int(packages->packages.size()); ++i)
        if (m_layer < 0 || bytesOf(i) > 0) {
            m_rows.push_back(i);
            m_packagedBytes += bytesOf(i);
        }
    m_unpackagedBytes
        = m_layer < 0 ? packages->unpackagedBytes : unpackagedBytesInLayer(*m_loaded.image, *packages, m_layer);
}

int PackagesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !report() ? 0 : int(m_rows.size()) + 1;
}

int PackagesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PackagesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() > int(m_rows.size()))
        return {};
    const bool unpackaged = index.row() == int(m_rows.size());
    const int package = unpackaged ? -1 : m_rows[size_t(index.row())];
    if (role == PackageRole)
        return package;
    if (unpackaged) {
        const int64_t files = m_layer < 0 ? report()->unpackagedFileCount : -1;
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == Name)
                return tr("(not from a package)");
            if (index.column() == Size)
                return formatBytes(m_unpackagedBytes);
            if (index.column() == Files && files >= 0)
                return QString::number(files);
            return {};
        case SortRole:
            return index.column() == Size ? QVariant(qlonglong(m_unpackagedBytes)) : QVariant();
        case Qt::FontRole: {
            QFont font;
            font.setItalic(true);
            return font;
        }
        case Qt::ToolTipRole:
            return tr("Bytes no package database lists: package caches, downloads, the files your own steps wrote");
        case Qt::TextAlignmentRole:
            return index.column() == Size || index.column() == Files ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                     : QVariant();
        default:
            return {};
        }
    }
    const InstalledPackage &installed = report()->packages[size_t(package)];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return displayPath(installed.name);
        case Version:
            return displayPath(installed.version);
        case Ecosystem:
            return installed.ecosystem;
        case Size:
            return formatBytes(bytesOf(package));
        case Files:
            return QString::number(installed.fileCount());
        case InstalledIn:
            return installed.installedInLayer >= 0 ? tr("layer %1").arg(installed.installedInLayer) : QString();
        default:
            return {};
        }
    case SortRole:
        switch (index.column()) {
        case Size:
            return qlonglong(bytesOf(package));
        case Files:
            return qlonglong(installed.fileCount());
        case InstalledIn:
            return installed.installedInLayer;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole:
        return index.column() == Size || index.column() == Files ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                 : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == Size && m_layer >= 0)
            return tr("Bytes layer %1 wrote for this package's files, copies later layers replaced included; "
                      "%2 in the final filesystem")
                .arg(m_layer)
                .arg(formatBytes(installed.sizeBytes));
        return {};
    default:
        return {};
    }
}

QVariant PackagesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Package");
    case Version:
        return tr("Version");
    case Ecosystem:
        return tr("Ecosystem");
    case Size:
        return m_layer < 0 ? tr("Size") : tr("In layer %1").arg(m_layer);
    case Files:
        return tr("Files");
    case InstalledIn:
        return tr("Installed in");
    default:
        return {};
    }
}

} // namespace ballast
