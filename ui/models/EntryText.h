#pragma once
#include "layer/LayerEntry.h"
#include "tree/MergedTree.h"

#include <QColor>
#include <QPalette>
#include <QString>
#include <QStringList>

namespace ballast {

// "drwxr-xr-x" as ls prints it, setuid/setgid/sticky included. A hardlink is a regular file ("-").
QString permissionString(const LayerEntry *entry, bool directory);
// Status colours that stay readable on the palette's base colour, light or dark.
QColor statusColor(NodeStatus status, const QPalette &palette);

// "/opt/app/bin/app": a node's path as the views show it.
QString absolutePath(const MergedTree &tree, MergedTree::NodeId node);
// A hardlink's size is its carrier's, behind the hardlink marker the Link target column uses too:
// "⇒ 8.39 MB" ("⇒ ?" when the link names no regular file of the image).
QString hardlinkSizeText(const MergedTree::HardlinkShare &share);
// "8.39 MB, hardlink to TARGET, whose 8.39 MB are counted there", or why they are counted nowhere.
// `target` is inserted as given, so a caller may pass HTML.
QString hardlinkSentence(const MergedTree::HardlinkShare &share, const QString &target);
// A directory's figure: its bytes, or, when it counts none but hardlinks below it name bytes counted
// at other names, those behind the hardlink marker ("⇒ 8.39 MB"), so that it does not read as empty.
QString directorySizeText(int64_t bytes, int64_t linkedBytes);
// What the figure means when hardlinks below the directory name bytes counted elsewhere.
QString linkedBytesSentence(int64_t bytes, int64_t linkedBytes);
// "/a, /b and 3 more": the other names of a carrier, for one line of text.
QString namesList(const QStringList &names, int shown = 3);

} // namespace ballast
