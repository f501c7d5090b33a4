#pragma once
#include <QDialog>

class QTableWidget;

namespace ballast {

// Help › Keyboard Shortcuts. The table is read from the actions of `window` when the dialog opens, so
// it always shows the shortcuts that really work; keys handled inside views (the treemap's Backspace,
// the layer list's arrows) have no action and are listed from a short table here.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace ballast
