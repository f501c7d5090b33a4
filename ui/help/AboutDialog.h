#pragma once
#include <QDialog>
#include <QIcon>

namespace ballast {

// The application icon at every size it is drawn from (installer/icons, built into the binary), so
// that the window has it even when the icon theme does not.
QIcon applicationIcon();

// Help › About: what Ballast is, its version and the versions of the libraries it runs on.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace ballast
