#include "OpenLocationDialog.h"

#include "source/SourceReference.h"
#include "util/LoadError.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ballast {

OpenLocationDialog::OpenLocationDialog(const QStringList &recent, QWidget *parent)
    : QDialog(parent)
    , m_location(new QComboBox(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Open Location"));
    m_location->setEditable(true);
    m_location->setInsertPolicy(QComboBox::NoInsert);
    m_location->addItems(recent);
    m_location->setCurrentText(QString());
    m_location->setMinimumWidth(480);
    m_location->lineEdit()->setPlaceholderText(QStringLiteral("podman://localhost/app:1"));
    m_location->setToolTip(tr("A path, oci:DIR[:REF], docker://NAME[:TAG], podman://NAME[:TAG], "
                              "buildah://NAME[:TAG] or registry://HOST/NAME[:TAG]; the list holds the recent ones"));
    m_location->lineEdit()->setToolTip(m_location->toolTip());
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_problem->setToolTip(tr("Why the location cannot be opened yet"));
    m_buttons->button(QDialogButtonBox::Open)->setToolTip(tr("Open the image at this location"));
    m_buttons->button(QDialogButtonBox::Cancel)->setToolTip(tr("Close without opening anything"));

    auto *hint = new QLabel(
        tr("An image file or folder, or an image where it lives: "
           "<tt>docker://</tt>, <tt>podman://</tt>, <tt>buildah://</tt>, <tt>registry://</tt>, <tt>oci:</tt>"),
        this);
    hint->setToolTip(
        tr("Engines and registries are reached through their own tools (docker, podman, buildah, skopeo)"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_location);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_location, &QComboBox::currentTextChanged, this, &OpenLocationDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        emit sourceChosen(source());
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

QString OpenLocationDialog::source() const
{
    return m_location->currentText().trimmed();
}

void OpenLocationDialog::validate()
{
    QString problem;
    if (source().isEmpty())
        problem = tr("Type a path or a URI.");
    else
        try {
            parseSourceReference(source());
        } catch (const LoadError &error) {
            problem = error.message();
        }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty() && !source().isEmpty());
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(problem.isEmpty());
}

} // namespace ballast
