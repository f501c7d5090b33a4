#pragma once
#include <QString>
#include <QStringList>
#include <vector>

namespace ballast {

// Implemented by ShellScript.cpp (reading a script into commands) and ShellCommand.cpp (what the
// rules ask of one command: its arguments and flags).
// The simple commands of a POSIX shell script, as far as lint rules need them: what hadolint gets
// from ShellCheck's parser (Hadolint.Shell: presentCommands, getArgs, getAllFlags, hasPipes).
// Commands inside `$(…)`, backticks, subshells, `if`/`for`/`while`/`case` bodies count too; variable
// assignments before the name and redirections are not arguments.
struct ShellWord {
    QString text; // quotes removed, escapes resolved, `$VAR`/`$(…)` kept as written
    int offset = 0; // where the word starts in the script
    int length = 0; // its length in the script
};

struct ShellCommand {
    QString name;
    int nameOffset = 0;
    std::vector<ShellWord> args; // after the name

    QStringList argTexts() const;
    bool hasArg(const QString &arg) const;
    bool hasAnyArg(const QStringList &anyOf) const; // hadolint's cmdHasArgs: any of them is an argument
    // Flags as hadolint reads them: `--name=value` → "name", `-abc` → "a", "b", "c"; `-` and `--` are none.
    QStringList flags() const;
    bool hasFlag(const QString &flag) const;
    // Arguments that are not flags, after dropping the argument that follows each flag in
    // `flagsWithValue` (hadolint's dropFlagArg, then getArgsNoFlags).
    QStringList argsWithoutFlags(const QStringList &flagsWithValue = {}) const;
    const ShellWord *findArg(const QString &arg) const;
};

struct ShellScript {
    std::vector<ShellCommand> commands; // in the order they start
    bool hasPipes = false; // a `|` or `|&` anywhere

    bool anyCommand(const QString &name, const QStringList &anyArgs) const;
    bool usesProgram(const QString &name) const;
};

ShellScript parseShellScript(const QString &script);

// The basename of a command: "/usr/bin/bash" → "bash".
QString commandBasename(const QString &name);

} // namespace ballast
