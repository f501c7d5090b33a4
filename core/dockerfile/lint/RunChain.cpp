#include "dockerfile/lint/RunChain.h"

#include "dockerfile/mapping/LayerMapping.h"
#include "dockerfile/shell/ShellScript.h"

namespace ballast::detail {
namespace {

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

bool isOperatorChar(QChar c)
{
    return QStringView(u";|&()<>").contains(c);
}

bool skipParens(const QString &s, int &i);

// From the opening '"' to just after the closing one; false when it never closes.
bool skipDoubleQuoted(const QString &s, int &i)
{
    for (++i; i < s.size() && s[i] != QLatin1Char('"');) {
        if (s[i] == QLatin1Char('\\'))
            i += 2;
        else if (s[i] == QLatin1Char('$') && i + 1 < s.size() && s[i + 1] == QLatin1Char('('))
            skipParens(s, i);
        else
            ++i;
    }
    if (i >= s.size())
        return false;
    ++i;
    return true;
}

// From the '$' of `$(` or `$((` to just after the matching ')'; false when it never closes.
bool skipParens(const QString &s, int &i)
{
    int depth = 1;
    for (i += 2; i < s.size() && depth > 0;) {
        const QChar c = s[i];
        if (c == QLatin1Char('\'')) {
            const qsizetype end = s.indexOf(QLatin1Char('\''), i + 1);
            i = end < 0 ? int(s.size()) : int(end) + 1;
        } else if (c == QLatin1Char('"')) {
            if (!skipDoubleQuoted(s, i))
                return false;
        } else {
            depth += c == QLatin1Char('(') ? 1 : c == QLatin1Char(')') ? -1 : 0;
            i += c == QLatin1Char('\\') ? 2 : 1;
        }
    }
    return depth == 0;
}

const QStringList PosixShells = { QStringLiteral("sh"), QStringLiteral("bash"), QStringLiteral("ash"),
    QStringLiteral("dash"), QStringLiteral("zsh") };

} // namespace

std::optional<RunChain> readRunChain(const Dockerfile &df, const DockerfileInstruction &run)
{
    if (run.keyword != QLatin1String("RUN") || run.form != InstructionForm::Shell || run.hasHeredocs()
        || run.arguments.isEmpty())
        return std::nullopt;
    const QStringList shell = shellAt(df, run.index);
    if (shell.isEmpty() || !PosixShells.contains(commandBasename(shell.front())))
        return std::nullopt;
    const QString &s = run.original;
    RunChain chain;
    chain.run = &run;
    RunChain::Command current;
    bool inCommand = false;
    auto finish = [&](int at) {
        int end = at;
        while (end > current.start && isBlank(s[end - 1]))
            --end;
        if (!inCommand || end <= current.start)
            return false;
        current.end = end;
        current.text = s.mid(current.start, end - current.start);
        chain.commands.push_back(current);
        inCommand = false;
        return true;
    };
    for (int i = run.argumentsOffset; i < s.size();) {
        const QChar c = s[i];
        if (!inCommand) {
            if (isBlank(c)) {
                ++i;
                continue;
            }
            current = RunChain::Command { i, i, true, {} };
            inCommand = true;
        }
        if (c == QLatin1Char('\\')) {
            i += 2;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('`')) {
            const qsizetype end = s.indexOf(c, i + 1);
            if (end < 0)
                return std::nullopt;
            i = int(end) + 1;
        } else if (c == QLatin1Char('"')) {
            if (!skipDoubleQuoted(s, i))
                return std::nullopt;
        } else if (c == QLatin1Char('$') && i + 1 < s.size() && s[i + 1] == QLatin1Char('(')) {
            if (!skipParens(s, i))
                return std::nullopt;
        } else if (c == QLatin1Char('#') && (i == current.start || isBlank(s[i - 1]) || isOperatorChar(s[i - 1]))) {
            return std::nullopt; // a comment: whatever is appended after it would be commented out
        } else if (c == QLatin1Char('&') && i + 1 < s.size() && s[i + 1] == QLatin1Char('&')) {
            if (!finish(i))
                return std::nullopt;
            i += 2;
        } else {
            current.simple = current.simple && !isOperatorChar(c);
            ++i;
        }
    }
    if (!finish(int(s.size())))
        return std::nullopt; // empty, or ends with `&&`
    const QChar last = chain.commands.back().text.back();
    chain.appendable = last != QLatin1Char(';') && last != QLatin1Char('&') && last != QLatin1Char('|');
    return chain;
}

namespace {

// Where the character before `offset` is, plus one column: the end of a text that ends at `offset`.
SourcePosition endPosition(const DockerfileInstruction &run, int offset)
{
    SourcePosition at = run.positionOf(offset - 1);
    ++at.column;
    return at;
}

} // namespace

TextEdit appendCommands(const Dockerfile &df, const RunChain &chain, const QStringList &commands)
{
    const SourcePosition at = endPosition(*chain.run, chain.commands.back().end);
    const QString lastLine = df.lines.value(at.line - 1);
    const qsizetype amp = lastLine.indexOf(QLatin1String("&&"));
    const bool ownLines = at.line > chain.run->line && amp >= 0 && lastLine.left(amp).trimmed().isEmpty();
    QString text;
    for (const QString &command : commands)
        text += ownLines ? QStringLiteral(" %1\n%2&& %3").arg(df.escape, lastLine.left(amp), command)
                         : QStringLiteral(" && ") + command;
    return { at.line, at.column, at.line, at.column, text };
}

std::optional<std::vector<TextEdit>> dropCommands(
    const Dockerfile &df, const RunChain &chain, const std::vector<bool> &drop)
{
    const DockerfileInstruction &run = *chain.run;
    const auto &commands = chain.commands;
    // A fix never deletes a comment line, even one inside the instruction's continuation lines.
    auto commentBetween = [&](int fromLine, int toLine) {
        for (int line = fromLine + 1; line < toLine; ++line)
            if (df.commentAt(line))
                return true;
        return false;
    };
    std::vector<TextEdit> edits;
    auto remove = [&](SourcePosition from, SourcePosition to) {
        edits.push_back({ from.line, from.column, to.line, to.column, QString() });
        return !commentBetween(from.line, to.line);
    };
    size_t firstKept = 0;
    while (firstKept < commands.size() && drop[firstKept])
        ++firstKept;
    if (firstKept == commands.size()) { // nothing left: the whole instruction goes, its lines with it
        if (commentBetween(run.line - 1, run.endLine + 1))
            return std::nullopt;
        return std::vector<TextEdit> { { run.line, 1, run.endLine + 1, 1, QString() } };
    }
    if (firstKept > 0 && !remove(run.positionOf(commands[0].start), run.positionOf(commands[firstKept].start)))
        return std::nullopt;
    // After a kept command, a run of dropped ones goes from the kept one's end to the last dropped one's.
    size_t lastKept = firstKept;
    for (size_t k = firstKept + 1; k < commands.size(); ++k) {
        if (!drop[k]) {
            lastKept = k;
            continue;
        }
        size_t last = k;
        while (last + 1 < commands.size() && drop[last + 1])
            ++last;
        if (!remove(endPosition(run, commands[lastKept].end), endPosition(run, commands[last].end)))
            return std::nullopt;
        k = last;
    }
    return edits;
}

} // namespace ballast::detail
