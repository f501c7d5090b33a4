#pragma once
#include "LoadLimits.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>

namespace ballast {

// Parses JSON from an archive member, turning parse errors into LoadError naming the member. Nesting
// deeper than `maxDepth` arrays and objects is refused while parsing, before it is built.
nlohmann::json parseJson(const QByteArray &bytes, const QString &source, int maxDepth = LoadLimits {}.maxJsonDepth);

// Lenient accessors: a missing key or a value of the wrong type reads as empty.
QString jsonString(const nlohmann::json &object, const char *key);
QStringList jsonStringList(const nlohmann::json &object, const char *key);

} // namespace ballast
