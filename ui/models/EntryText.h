#pragma once
#include "layer/LayerEntry.h"
#include "tree/MergedTree.h"

#include <QColor>
#include <QPalette>
#include <QString>

namespace ballast {

// "drwxr-xr-x" as ls prints it, setuid/setgid/sticky included.
QString permissionString(const LayerEntry *entry, bool directory);
// Status colours that stay readable on the palette's base colour, light or dark.
QColor statusColor(NodeStatus status, const QPalette &palette);

} // namespace ballast
