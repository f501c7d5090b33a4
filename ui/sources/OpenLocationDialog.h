#pragma once
#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace ballast {

// File › Open Location… (Ctrl+L): any source typed as text — a path, oci:DIR:REF, docker://,
// podman://, buildah:// or registry:// — with the recent ones to pick from. OK stays disabled,
// with the reason shown, until the text is a source the loader accepts.
class OpenLocationDialog : public QDialog {
    Q_OBJECT
public:
    explicit OpenLocationDialog(const QStringList &recent, QWidget *parent = nullptr);

    QString source() const;
    QComboBox *locationBox() const { return m_location; }
    QDialogButtonBox *buttons() const { return m_buttons; }

signals:
    void sourceChosen(const QString &source);

private:
    void validate();

    QComboBox *m_location;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace ballast
