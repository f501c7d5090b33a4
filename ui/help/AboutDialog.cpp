#include "AboutDialog.h"

#include "util/Versions.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace ballast {

QIcon applicationIcon()
{
    QIcon icon;
    for (int size : { 16, 22, 24, 32, 48, 64, 128, 256, 512 })
        icon.addFile(QStringLiteral(":/icons/%1x%1/apps/dev.ballast.Ballast.png").arg(size), QSize(size, size));
    return QIcon::fromTheme(QStringLiteral("dev.ballast.Ballast"), icon);
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Ballast"));
    auto *icon = new QLabel(this);
    icon->setPixmap(applicationIcon().pixmap(96, 96));
    auto *title = new QLabel(tr("<h2>Ballast %1</h2>"
                                "<p>Shows what makes a container image heavy, and how to make it lighter.</p>")
                                 .arg(ballastVersion()),
        this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    title->setWordWrap(true);

    auto *versions = new QFormLayout;
    versions->setObjectName(QStringLiteral("aboutVersions"));
    for (const auto &[name, version] : libraryVersions()) {
        auto *value = new QLabel(version, this);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setObjectName(QStringLiteral("version-") + name);
        versions->addRow(name + QLatin1Char(':'), value);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(new QLabel(tr("Running on:"), this));
    text->addLayout(versions);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
}

} // namespace ballast
