#include "SourceActions.h"

#include "EngineImagesDialog.h"
#include "MainWindow.h"
#include "RegistryDialog.h"

#include <QMenu>

namespace ballast {

void addSourceActions(QMenu *fileMenu, MainWindow *window)
{
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
