#pragma once
#include <QStringList>

// The most recently opened images, newest first, kept in QSettings.
namespace ballast::RecentFiles {
QStringList list();
void add(const QString &path);
constexpr int Limit = 10;
} // namespace ballast::RecentFiles
