#pragma once
#include <QStringList>

namespace ballast {

// The most recently opened images, newest first, kept in QSettings.
namespace RecentFiles {
QStringList list();
void add(const QString &path);
constexpr int Limit = 10;
} // namespace RecentFiles

} // namespace ballast
