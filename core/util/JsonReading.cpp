#include "JsonReading.h"

#include "LoadError.h"

namespace ballast {

namespace {

// True when arrays and objects nest deeper than `limit`. One pass over the bytes before parsing, so a
// million `[` never build a value. (nlohmann's parser callback could stop it too, but its callback
// parser rescans the parent array at every closed object: quadratic on a long history.)
bool nestsDeeperThan(const QByteArray &bytes, int limit)
{
    int depth = 0;
    bool inString = false, escaped = false;
    for (const char c : bytes) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if ((c == '[' || c == '{') && ++depth > limit)
            return true;
        else if (c == ']' || c == '}')
            --depth; // unbalanced input goes negative here and is rejected by the parser
    }
    return false;
}

} // namespace

nlohmann::json parseJson(const QByteArray &bytes, const QString &source, int maxDepth)
{
    if (nestsDeeperThan(bytes, maxDepth))
        throw LoadError(QStringLiteral("%1: JSON nested more than %2 levels deep, %3")
                            .arg(source)
                            .arg(maxDepth)
                            .arg(overTheLimit(maxDepth, MaxJsonDepthOption)));
    try {
        return nlohmann::json::parse(bytes.constBegin(), bytes.constEnd());
    } catch (const nlohmann::json::parse_error &error) {
        throw LoadError(QStringLiteral("%1: invalid JSON at byte %2: %3")
                            .arg(source)
                            .arg(error.byte)
                            .arg(QString::fromStdString(error.what())));
    } catch (const nlohmann::json::exception &error) {
        // Valid syntax the parser still refuses: a number too large for a double (out_of_range.406,
        // "1e400"). Damaged input all the same, and it must not escape as a bare std::exception.
        throw LoadError(QStringLiteral("%1: invalid JSON: %2").arg(source, QString::fromStdString(error.what())));
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
