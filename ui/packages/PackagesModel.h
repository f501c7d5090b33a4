#pragma once
#include "LoadedImage.h"

#include <QAbstractTableModel>

namespace ballast {

// The installed packages of an image (ImageAnalysis::packages) as a table: package, version,
// ecosystem, size, files, installed in. The last row is "(not from a package)": the bytes no package
// owns. With a layer chosen, only the packages whose files that layer wrote are rows, with the bytes
// that layer wrote for each, and the last row holds that layer's bytes of no package.
class PackagesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Version, Ecosystem, Size, Files, InstalledIn, ColumnCount };
    // Qt::UserRole of any column: the row's package (its index in the report), -1 for the last row.
    static constexpr int PackageRole = Qt::UserRole;
    // Qt::UserRole + 1 of every column: the value to sort by (bytes as numbers, not text).
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit PackagesModel(QObject *parent = nullptr);

    void setImage(const LoadedImage &loaded);
    // -1: the whole image.
    void setLayer(int layer);
    int layer() const { return m_layer; }
    const PackageReport *report() const;
    // Bytes of the rows that are packages, and of the last row.
    int64_t packagedBytes() const { return m_packagedBytes; }
    int64_t unpackagedBytes() const { return m_unpackagedBytes; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuildRows();
    int64_t bytesOf(int package) const;

    LoadedImage m_loaded;
    int m_layer = -1;
    std::vector<int> m_rows; // package indexes; the "(not from a package)" row follows them
    int64_t m_packagedBytes = 0;
    int64_t m_unpackagedBytes = 0;
};

} // namespace ballast
