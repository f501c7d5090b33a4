#pragma once
#include "util/LoadLimits.h"

#include <QDialog>

class QFormLayout;
class QSpinBox;

namespace ballast {

// Settings › Load Limits…: one spin box per LoadLimits field (sizes in MiB or GiB), Restore Defaults,
// and OK saves them to QSettings for every later load (see LoadLimitsSettings.h).
class LoadLimitsDialog : public QDialog {
    Q_OBJECT
public:
    explicit LoadLimitsDialog(QWidget *parent = nullptr);

    LoadLimits limits() const;
    void setLimits(const LoadLimits &limits);

    void accept() override;

private:
    QSpinBox *addRow(
        const char *option, const QString &label, const QString &suffix, int maximum, const QString &toolTip);

    QFormLayout *m_form;
    QSpinBox *m_entries;
    QSpinBox *m_pathDepth;
    QSpinBox *m_nameLength;
    QSpinBox *m_jsonMiB;
    QSpinBox *m_jsonDepth;
    QSpinBox *m_uncompressedGiB;
    QSpinBox *m_packageDatabasesMiB;
};

} // namespace ballast
