#pragma once
#include "EngineListing.h"

#include <QDialog>
#include <QFutureWatcher>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace ballast {

// File › Open from Engine…: the local images of every engine on PATH (docker, podman) in one table,
// filtered as you type, sortable by size and date. Listing runs on a worker thread; an engine that
// fails (daemon down) is reported while the others' images are still shown. Open (or a double
// click) emits sourceChosen with the image's URI, docker://NAME:TAG or podman://ID.
class EngineImagesDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { EngineColumn, NameColumn, TagColumn, IdColumn, SizeColumn, CreatedColumn, ColumnCount };

    explicit EngineImagesDialog(QWidget *parent = nullptr);
    ~EngineImagesDialog() override;

    // Lists the images again (the dialog does it once when constructed).
    void refresh();
    bool isListing() const { return m_listing; }
    // The URI of the selected image, or empty.
    QString selectedSource() const;

    QLineEdit *filterField() const { return m_filter; }
    QTableView *table() const { return m_table; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *openButton() const { return m_open; }

    void accept() override;

signals:
    void sourceChosen(const QString &source);

private:
    void showListing(const EngineListing &listing);
    void updateOpenButton();

    QLineEdit *m_filter;
    QLabel *m_status;
    QTableView *m_table;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QDialogButtonBox *m_buttons;
    QPushButton *m_open;
    QPushButton *m_refresh;
    QFutureWatcher<EngineListing> m_watcher;
    bool m_listing = false; // until the listing is shown, which is after its future finished
};

} // namespace ballast
