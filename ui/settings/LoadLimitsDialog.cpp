#include "LoadLimitsDialog.h"

#include "LoadLimitsSettings.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>

namespace ballast {
namespace {

constexpr int64_t MiB = int64_t(1) << 20;
constexpr int64_t GiB = int64_t(1) << 30;

// Sizes are shown in whole units, rounded up so that a limit is never shown lower than it is.
int inUnits(int64_t bytes, int64_t unit, int maximum)
{
    return int(std::min<int64_t>(maximum, (bytes + unit - 1) / unit));
}

} // namespace

LoadLimitsDialog::LoadLimitsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Load Limits"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("An image archive may be broken or hostile. These limits keep it from exhausting "
                                "memory or disk; an image over one fails to load with a message naming it."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_form = new QFormLayout;
    layout->addLayout(m_form);

    m_entries = addRow(MaxEntriesOption, tr("Entries in all layers:"), QString(), INT_MAX,
        tr("Tar entries of all layers together. The merged file tree needs about 200 bytes per "
           "entry (ballast-cli --max-entries)."));
    m_pathDepth = addRow(MaxPathDepthOption, tr("Path depth:"), tr(" levels"), 1'000'000,
        tr("Components of an entry path or link target (ballast-cli --max-depth)."));
    m_nameLength = addRow(MaxNameLengthOption, tr("Name length:"), tr(" bytes"), INT_MAX,
        tr("Bytes of one component of an entry path or link target (ballast-cli --max-name-length)."));
    m_jsonMiB = addRow(MaxJsonBytesOption, tr("JSON size:"), tr(" MiB"), 1 << 20,
        tr("Size of manifest.json, index.json, OCI manifests and indexes, and the image config "
           "(ballast-cli --max-json-size)."));
    m_jsonDepth = addRow(MaxJsonDepthOption, tr("JSON nesting:"), tr(" levels"), 1'000'000,
        tr("Arrays and objects nested in that JSON (ballast-cli --max-json-depth)."));
    m_uncompressedGiB = addRow(MaxUncompressedBytesOption, tr("Uncompressed bytes:"), tr(" GiB"), 1 << 20,
        tr("Uncompressed bytes of all layers together, and of a compressed archive inflated "
           "to a temporary file: stops decompression bombs (ballast-cli --max-bytes)."));
    m_packageDatabasesMiB = addRow(MaxPackageDatabaseBytesOption, tr("Package databases:"), tr(" MiB"), 1 << 20,
        tr("Package databases and file lists kept in memory for bytes per package. One past it is named and not "
           "read; the image still loads (ballast-cli --max-package-databases)."));

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
        [this] { setLimits(LoadLimits {}); });
    layout->addWidget(buttons);

    setLimits(loadLimitsFromSettings());
}

QSpinBox *LoadLimitsDialog::addRow(
    const char *option, const QString &label, const QString &suffix, int maximum, const QString &toolTip)
{
    auto *box = new QSpinBox(this);
    box->setObjectName(QLatin1String(option)); // as the CLI option and the settings key
    box->setRange(1, maximum);
    box->setSuffix(suffix);
    box->setGroupSeparatorShown(true);
    box->setToolTip(toolTip);
    m_form->addRow(label, box);
    m_form->labelForField(box)->setToolTip(toolTip);
    return box;
}

LoadLimits LoadLimitsDialog::limits() const
{
    LoadLimits limits;
    limits.maxEntries = m_entries->value();
    limits.maxPathDepth = m_pathDepth->value();
    limits.maxNameLength = m_nameLength->value();
    limits.maxJsonBytes = m_jsonMiB->value() * MiB;
    limits.maxJsonDepth = m_jsonDepth->value();
    limits.maxUncompressedBytes = m_uncompressedGiB->value() * GiB;
    limits.maxPackageDatabaseBytes = m_packageDatabasesMiB->value() * MiB;
    return limits;
}

void LoadLimitsDialog::setLimits(const LoadLimits &limits)
{
    m_entries->setValue(int(std::min<int64_t>(limits.maxEntries, INT_MAX)));
    m_pathDepth->setValue(limits.maxPathDepth);
    m_nameLength->setValue(limits.maxNameLength);
    m_jsonMiB->setValue(inUnits(limits.maxJsonBytes, MiB, m_jsonMiB->maximum()));
    m_jsonDepth->setValue(limits.maxJsonDepth);
    m_uncompressedGiB->setValue(inUnits(limits.maxUncompressedBytes, GiB, m_uncompressedGiB->maximum()));
    m_packageDatabasesMiB->setValue(inUnits(limits.maxPackageDatabaseBytes, MiB, m_packageDatabasesMiB->maximum()));
}

void LoadLimitsDialog::accept()
{
    saveLoadLimitsToSettings(limits());
    QDialog::accept();
}

} // namespace ballast
