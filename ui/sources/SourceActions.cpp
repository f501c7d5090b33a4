#include "SourceActions.h"

#include "EngineImagesDialog.h"
#include "MainWindow.h"
#include "OpenLocationDialog.h"
#include "RecentFiles.h"
#include "RegistryDialog.h"

#include <QMenu>

namespace ballast {

void addSourceActions(QMenu *fileMenu, MainWindow *window)
{
    QAction *location = fileMenu->addAction(MainWindow::tr("Open &Location…"), window, [window] {
        auto *dialog = new OpenLocationDialog(RecentFiles::list(), window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(dialog, &OpenLocationDialog::sourceChosen, window,
            [window](const QString &source) { window->openImage(source); });
        dialog->open();
    });
    location->setObjectName(QStringLiteral("openLocationAction"));
    location->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    location->setToolTip(MainWindow::tr("Type a path or a URI: docker://, podman://, buildah://, registry://, oci:"));

    QAction *engine = fileMenu->addAction(MainWindow::tr("Open from &Engine…"), window, [window] {
        auto *dialog = new EngineImagesDialog(window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(dialog, &EngineImagesDialog::sourceChosen, window,
            [window](const QString &source) { window->openImage(source); });
        dialog->open();
    });
    engine->setObjectName(QStringLiteral("openFromEngineAction"));
    engine->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    engine->setToolTip(MainWindow::tr("Open an image of the local Docker or Podman engine"));

    QAction *registry = fileMenu->addAction(MainWindow::tr("Open from Re&gistry…"), window, [window] {
        auto *dialog = new RegistryDialog(window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(dialog, &RegistryDialog::sourceChosen, window,
            [window](const QString &source, const LoadOptions &options) { window->openImage(source, options); });
        dialog->open();
    });
    registry->setObjectName(QStringLiteral("openFromRegistryAction"));
    registry->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    registry->setToolTip(MainWindow::tr("Pull an image from a registry with skopeo and open it"));
}

} // namespace ballast
