#include "JsonReading.h"

#include "LoadError.h"

namespace ballast {

nlohmann::json parseJson(const QByteArray &bytes, const QString &source)
{
    try {
        return nlohmann::json::parse(bytes.constBegin(), bytes.constEnd());
    } catch (const nlohmann::json::parse_error &error) {
        throw LoadError(QStringLiteral("%1: invalid JSON at byte %2: %3")
                            .arg(source)
                            .arg(error.byte)
                            .arg(QString::fromStdString(error.what())));
    }
}

QString jsonString(const nlohmann::json &object, const char *key)
{
    if (!object.is_object())
        return {};
    auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return {};
    return QString::fromStdString(it->get<std::string>());
}

QStringList jsonStringList(const nlohmann::json &object, const char *key)
{
    QStringList out;
    if (!object.is_object())
        return out;
    auto it = object.find(key);
    if (it == object.end())
        return out;
    if (it->is_string()) // Docker accepts a bare string for Cmd/Entrypoint in old configs
        out << QString::fromStdString(it->get<std::string>());
    else if (it->is_array())
        for (const auto &item : *it)
            if (item.is_string())
                out << QString::fromStdString(item.get<std::string>());
    return out;
}

} // namespace ballast
