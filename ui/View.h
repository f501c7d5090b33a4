#pragma once
#include <QString>
#include <QStringList>
#include <optional>

namespace ballast {

// What the main window shows: one of the tabs beside the layers, or the comparison.
enum class View { Files, Treemap, Packages, Dockerfile, Findings, Compare };

// The view a command-line name (`--view NAME`) stands for; nullopt for a name that is none.
std::optional<View> viewNamed(const QString &name);
// The names viewNamed() knows, in the order the tabs are shown, for help and error messages.
QStringList viewNames();

} // namespace ballast
