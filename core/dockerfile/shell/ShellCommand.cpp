// What the lint rules ask of a parsed command: hadolint's Hadolint.Shell helpers (cmdHasArgs,
// getAllFlags, getArgsNoFlags, dropFlagArg, hasFlag).
#include "dockerfile/shell/ShellScript.h"

#include <algorithm>

namespace ballast {

QStringList ShellCommand::argTexts() const
{
    QStringList out;
    for (const ShellWord &w : args)
        out.push_back(w.text);
    return out;
}

bool ShellCommand::hasArg(const QString &arg) const
{
    return findArg(arg) != nullptr;
}

const ShellWord *ShellCommand::findArg(const QString &arg) const
{
    for (const ShellWord &w : args)
        if (w.text == arg)
            return &w;
    return nullptr;
}

bool ShellCommand::hasAnyArg(const QStringList &anyOf) const
{
    for (const ShellWord &w : args)
        if (anyOf.contains(w.text))
            return true;
    return false;
}

namespace {
// The flags one argument stands for (hadolint's getAllFlags).
QStringList flagsOf(const QString &arg)
{
    if (arg == QLatin1String("--") || arg == QLatin1String("-") || !arg.startsWith(QLatin1Char('-')))
        return {};
    if (arg.startsWith(QLatin1String("--")))
        return { arg.mid(2).section(QLatin1Char('='), 0, 0) };
    QStringList out;
    for (int i = 1; i < arg.size(); ++i)
        out.push_back(arg.mid(i, 1));
    return out;
}
} // namespace

QStringList ShellCommand::flags() const
{
    QStringList out;
    for (const ShellWord &w : args)
        out += flagsOf(w.text);
    return out;
}

bool ShellCommand::hasFlag(const QString &flag) const
{
    for (const ShellWord &w : args)
        if (flagsOf(w.text).contains(flag))
            return true;
    return false;
}

QStringList ShellCommand::argsWithoutFlags(const QStringList &flagsWithValue) const
{
    // hadolint drops the argument right after a flag that takes a value, whether or not the value
    // was given with `=`; we do the same so that the same lines pass.
    std::vector<bool> dropped(args.size(), false);
    for (size_t i = 0; i < args.size(); ++i) {
        const QStringList f = flagsOf(args[i].text);
        if (f.isEmpty())
            continue;
        dropped[i] = true;
        for (const QString &name : f)
            if (flagsWithValue.contains(name) && i + 1 < args.size())
                dropped[i + 1] = true;
    }
    QStringList out;
    for (size_t i = 0; i < args.size(); ++i)
        if (!dropped[i])
            out.push_back(args[i].text);
    return out;
}

bool ShellScript::anyCommand(const QString &name, const QStringList &anyArgs) const
{
    for (const ShellCommand &cmd : commands)
        if (cmd.name == name && (anyArgs.isEmpty() || cmd.hasAnyArg(anyArgs)))
            return true;
    return false;
}

bool ShellScript::usesProgram(const QString &name) const
{
    return std::any_of(commands.begin(), commands.end(), [&](const ShellCommand &cmd) { return cmd.name == name; });
}

QString commandBasename(const QString &name)
{
    return name.section(QLatin1Char('/'), -1);
}

} // namespace ballast
