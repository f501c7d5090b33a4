#include "HostileCase.h"

namespace hostile {
namespace {

nlohmann::json stringList(const QStringList &list)
{
    nlohmann::json out = nlohmann::json::array();
    for (const QString &s : list)
        out.push_back(s.toStdString());
    return out;
}

QStringList toStringList(const nlohmann::json &array)
{
    QStringList out;
    for (const auto &s : array)
        out << QString::fromStdString(s.get<std::string>());
    return out;
}

} // namespace

nlohmann::json toJson(const HostileCase &c)
{
    nlohmann::json checks = nlohmann::json::array();
    for (const JsonCheck &check : c.checks)
        checks.push_back({ { check.pathsOf ? "pathsAt" : "at", check.pointer }, { "is", check.value } });
    return { { "name", c.name.toStdString() }, { "file", c.file.toStdString() }, { "what", c.what.toStdString() },
        { "options", stringList(c.options) }, { "format", c.format.toStdString() }, { "exit", c.exitCode },
        { "stderrHas", stringList(c.stderrHas) }, { "checks", checks } };
}

HostileCase fromJson(const nlohmann::json &j)
{
    HostileCase c;
    c.name = QString::fromStdString(j.at("name").get<std::string>());
    c.file = QString::fromStdString(j.at("file").get<std::string>());
    c.what = QString::fromStdString(j.at("what").get<std::string>());
    c.options = toStringList(j.at("options"));
    c.format = QString::fromStdString(j.at("format").get<std::string>());
    c.exitCode = j.at("exit").get<int>();
    c.stderrHas = toStringList(j.at("stderrHas"));
    for (const auto &check : j.at("checks")) {
        const bool paths = check.contains("pathsAt");
        c.checks.push_back({ check.at(paths ? "pathsAt" : "at").get<std::string>(), check.at("is"), paths });
    }
    return c;
}

QString expectedOutcome(const HostileCase &c)
{
    QStringList parts;
    parts << QStringLiteral("exit %1").arg(c.exitCode);
    for (const QString &text : c.stderrHas)
        parts << QStringLiteral("stderr has `%1`").arg(text.size() > 90 ? text.left(87) + QStringLiteral("...") : text);
    for (const JsonCheck &check : c.checks) {
        std::string value = check.value.dump();
        if (value.size() > 60)
            value = value.substr(0, 57) + "...";
        parts << QStringLiteral("`%1%2` = `%3`")
                     .arg(check.pathsOf ? QStringLiteral("paths of ") : QString(),
                         QString::fromStdString(check.pointer), QString::fromStdString(value));
    }
    return parts.join(QStringLiteral("; ")).replace(QLatin1Char('|'), QStringLiteral("\\|"));
}

} // namespace hostile
