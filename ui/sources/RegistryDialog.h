#pragma once
#include "ImageLoader.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ballast {

// File › Open from Registry…: a reference (HOST/NAME:TAG, with or without registry://), an optional
// platform, and "allow insecure" for this one pull. skopeo does the pulling, so the user's logins and
// registries.conf apply. OK emits sourceChosen; the last reference and platform are remembered.
class RegistryDialog : public QDialog {
    Q_OBJECT
public:
    explicit RegistryDialog(QWidget *parent = nullptr);

    // "registry://HOST/NAME:TAG" from what was typed; empty while it is not a reference.
    QString sourceUri() const;
    QString platform() const;
    bool allowInsecure() const;
    // `base` with the platform and the insecure flag of this dialog.
    LoadOptions loadOptions(LoadOptions base = {}) const;

    QLineEdit *referenceField() const { return m_reference; }
    QLineEdit *platformField() const { return m_platform; }
    QCheckBox *insecureBox() const { return m_insecure; }
    QPushButton *okButton() const { return m_ok; }

    void accept() override;

signals:
    void sourceChosen(const QString &source, const ballast::LoadOptions &options);

private:
    void validate();

    QLineEdit *m_reference;
    QLineEdit *m_platform;
    QCheckBox *m_insecure;
    QLabel *m_problem;
    QPushButton *m_ok;
};

} // namespace ballast
