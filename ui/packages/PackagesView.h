#pragma once
#include "LoadedImage.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace ballast {

class PackagesModel;

// Bytes per package: the packages the image's databases list (deb, apk, rpm, pypi, npm), the bytes
// each holds, and the bytes of no package as the last row, which stays last however the table is
// sorted. A headline sums them up; databases that were not read are named under it. "Only the
// selected layer" narrows the table to what that layer wrote. Picking a package selects its files.
class PackagesView : public QWidget {
    Q_OBJECT
public:
    explicit PackagesView(QWidget *parent = nullptr);
    void setImage(const LoadedImage &loaded);
    // The layer the layers pane selected; the table follows it when "Only the selected layer" is on.
    void setSelectedLayer(int layer);

    QTableView *view() const { return m_view; }
    PackagesModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLabel *headline() const { return m_headline; }
    QLabel *notRead() const { return m_notRead; }
    QCheckBox *onlySelectedLayer() const { return m_onlyLayer; }
    QLineEdit *filter() const { return m_filter; }

signals:
    // Select these files (the package's final files) in the file tree and the treemap.
    void filesRequested(const QList<ballast::MergedTree::NodeId> &files);

private:
    void applyLayer();
    void updateHeadline();
    void onCurrentRowChanged();

    LoadedImage m_loaded;
    int m_selectedLayer = -1;
    PackagesModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_headline;
    QLabel *m_notRead;
    QCheckBox *m_onlyLayer;
    QLineEdit *m_filter;
    QTableView *m_view;
};

} // namespace ballast
