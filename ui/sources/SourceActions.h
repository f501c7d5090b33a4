#pragma once

class QMenu;

namespace ballast {

class MainWindow;

// File › Open Location… (Ctrl+L), Open from Engine… (Ctrl+Shift+E) and Open from Registry…
// (Ctrl+Shift+R): each opens its
// dialog, window-modal, and opens the image chosen through MainWindow::openImage.
void addSourceActions(QMenu *fileMenu, MainWindow *window);

} // namespace ballast
