#pragma once
#include "ImageLoader.h"

class QAction;
class QWidget;

namespace ballast {

// The load limits the user chose in Settings › Load Limits…, kept in QSettings under "limits/" (one
// key per LoadLimits field, in bytes for sizes). Missing or invalid values read as the defaults.
LoadLimits loadLimitsFromSettings();
void saveLoadLimitsToSettings(const LoadLimits &limits);

// `options` with the saved limits: every load the GUI starts goes through this.
LoadOptions withSavedLimits(LoadOptions options);

// "Load Limits…": opens the dialog, modal to `parent`.
QAction *createLoadLimitsAction(QWidget *parent);

} // namespace ballast
