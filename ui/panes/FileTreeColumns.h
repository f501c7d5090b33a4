#pragma once
#include <QObject>

class QTreeView;
class QWidget;

namespace ballast {

// Sizes the file tree's columns so that all of them are on screen at a usual window width: each data
// column as wide as its widest usual text, the link target a fair minimum (it stretches), and the
// name whatever is left. Refitted when the view is resized. Every column stays resizable by hand;
// once the user has dragged the name column, its width is theirs and is no longer refitted.
class FileTreeColumns : public QObject {
    Q_OBJECT
public:
    explicit FileTreeColumns(QTreeView *view);
    void fit();
    bool nameWidthSetByUser() const { return m_nameSetByUser; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void sizeDataColumns();
    int textWidth(const QString &text) const;

    QTreeView *m_view;
    QWidget *m_viewport;
    bool m_fitting = false;
    bool m_nameSetByUser = false;
};

} // namespace ballast
