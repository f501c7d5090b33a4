#include "RegistryDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSettings>
#include <QVBoxLayout>

namespace ballast {
namespace {

const QLatin1String Scheme("registry://");

// What was typed, without the scheme; empty when it cannot be an image reference.
QString referenceOf(const QString &typed)
{
    QString text = typed.trimmed();
    if (text.startsWith(Scheme, Qt::CaseInsensitive))
        text = text.mid(Scheme.size());
    static const QRegularExpression whitespace(QStringLiteral("\\s"));
    if (text.isEmpty() || text.contains(whitespace) || text.startsWith(QLatin1Char('/'))
        || text.contains(QLatin1String("://")))
        return {};
    return text;
}

} // namespace

RegistryDialog::RegistryDialog(QWidget *parent)
    : QDialog(parent)
    , m_reference(new QLineEdit(this))
    , m_platform(new QLineEdit(this))
    , m_insecure(new QCheckBox(tr("Allow insecure (HTTP / self-signed)"), this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("registryDialog"));
    setWindowTitle(tr("Open from Registry"));
    auto *intro
        = new QLabel(tr("The image is pulled with <b>skopeo</b>: your registry logins (<code>skopeo login</code>, "
                        "<code>podman login</code>) and <code>registries.conf</code> apply."),
            this);
    intro->setWordWrap(true);

    m_reference->setObjectName(QStringLiteral("registryReference"));
    m_reference->setPlaceholderText(tr("registry.example.com/team/app:1.4"));
    m_reference->setToolTip(tr("HOST/NAME:TAG or HOST/NAME@sha256:…, with or without registry:// in front"));
    m_platform->setObjectName(QStringLiteral("registryPlatform"));
    m_platform->setPlaceholderText(tr("optional, e.g. linux/arm64"));
    m_platform->setToolTip(tr("OS/ARCH[/VARIANT] to pull from a multi-platform image; empty for this machine's"));
    m_platform->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[a-z0-9]*(/[a-z0-9_]*(/[a-z0-9]*)?)?")), m_platform));
    m_insecure->setObjectName(QStringLiteral("registryInsecure"));
    m_insecure->setToolTip(tr("For this pull only: talk plain HTTP, or accept a certificate that cannot be verified. "
                              "Registries marked insecure in registries.conf work without this."));
    m_problem->setObjectName(QStringLiteral("registryProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Image:"), m_reference);
    form->addRow(tr("&Platform:"), m_platform);
    form->addRow(QString(), m_insecure);
    form->labelForField(m_reference)->setToolTip(m_reference->toolTip());
    form->labelForField(m_platform)->setToolTip(m_platform->toolTip());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Pull and Open"));
    m_ok->setToolTip(tr("Pull the image into a temporary directory and open it; Esc in the window cancels"));
    buttons->button(QDialogButtonBox::Cancel)->setToolTip(tr("Close without pulling"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RegistryDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(560, sizeHint().height());

    QSettings settings;
    m_reference->setText(settings.value(QStringLiteral("registry/lastReference")).toString());
    m_platform->setText(settings.value(QStringLiteral("registry/lastPlatform")).toString());
    m_reference->selectAll();
    connect(m_reference, &QLineEdit::textChanged, this, &RegistryDialog::validate);
    connect(m_platform, &QLineEdit::textChanged, this, &RegistryDialog::validate);
    validate();
}

QString RegistryDialog::sourceUri() const
{
    const QString reference = referenceOf(m_reference->text());
    return reference.isEmpty() ? QString() : Scheme + reference;
}

QString RegistryDialog::platform() const
{
    return m_platform->text();
}

bool RegistryDialog::allowInsecure() const
{
    return m_insecure->isChecked();
}

LoadOptions RegistryDialog::loadOptions(LoadOptions base) const
{
    base.selection.platform = platform();
    base.insecureRegistry = allowInsecure();
    return base;
}

void RegistryDialog::validate()
{
    const bool empty = m_reference->text().trimmed().isEmpty();
    const bool referenceOk = !sourceUri().isEmpty();
    const bool platformOk = platform().isEmpty()
        || (m_platform->hasAcceptableInput() && platform().contains(QLatin1Char('/'))
            && !platform().endsWith(QLatin1Char('/')));
    m_ok->setEnabled(referenceOk && platformOk);
    if (!empty && !referenceOk)
        m_problem->setText(tr("Not an image reference: HOST/NAME:TAG, without spaces or another scheme"));
    else if (!platformOk)
        m_problem->setText(tr("The platform reads OS/ARCH, e.g. linux/amd64 or linux/arm/v7"));
    else
        m_problem->clear();
}

void RegistryDialog::accept()
{
    if (sourceUri().isEmpty())
        return;
    QSettings settings;
    settings.setValue(QStringLiteral("registry/lastReference"), referenceOf(m_reference->text()));
    settings.setValue(QStringLiteral("registry/lastPlatform"), platform());
    QDialog::accept();
    emit sourceChosen(sourceUri(), loadOptions());
}

} // namespace ballast
