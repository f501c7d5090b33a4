// Mechanical quick fixes: text edits the editor can apply as they are.
#include "dockerfile/lint/LintRules.h"

#include <QRegularExpression>
#include <algorithm>
#include <tuple>

namespace ballast::detail {
namespace {

// The position just after the last non-blank character of an instruction's logical text.
SourcePosition endOfText(const DockerfileInstruction &instr)
{
    int end = int(instr.original.size());
    while (end > 0 && instr.original[end - 1].isSpace())
        --end;
    return instr.positionOf(end);
}

bool editable(const DockerfileInstruction &instr)
{
    return instr.keyword == QLatin1String("RUN") && instr.form == InstructionForm::Shell && !instr.hasHeredocs()
        && !instr.arguments.isEmpty();
}

} // namespace

std::optional<LintFix> fixNoInstallRecommends(const RunScript &run, const ShellCommand &aptGet)
{
    if (!run.plainShell || run.onbuild)
        return std::nullopt;
    const ShellWord *install = aptGet.findArg(QStringLiteral("install"));
    if (!install)
        return std::nullopt;
    const SourcePosition at = run.run->positionOf(run.run->argumentsOffset + install->offset + install->length);
    return LintFix { QStringLiteral("Add --no-install-recommends"),
        { { at.line, at.column, at.line, at.column, QStringLiteral(" --no-install-recommends") } } };
}

std::optional<LintFix> fixAptListsCleanup(const Dockerfile &, const RunScript &run)
{
    if (!run.plainShell || run.onbuild || !editable(*run.run))
        return std::nullopt;
    const SourcePosition at = endOfText(*run.run);
    return LintFix { QStringLiteral("Delete the apt lists in the same RUN"),
        { { at.line, at.column, at.line, at.column, QStringLiteral(" && rm -rf /var/lib/apt/lists/*") } } };
}

std::optional<LintFix> fixMergeRuns(
    const Dockerfile &df, const DockerfileInstruction &previous, const DockerfileInstruction &current)
{
    if (!editable(previous) || !editable(current))
        return std::nullopt;
    const SourcePosition end = endOfText(previous);
    // `RUN a` / `RUN b` become `RUN a \` / ` && b`, keeping whatever lies between them.
    return LintFix {
        QStringLiteral("Merge with the RUN on line %1").arg(previous.line),
        { { end.line, end.column, end.line, end.column, QStringLiteral(" ") + df.escape },
            { current.line, current.column, current.argumentsLine, current.argumentsColumn, QStringLiteral(" && ") } }
    };
}

bool hasCacheMount(const DockerfileInstruction &run, const QString &prefix)
{
    for (const InstructionFlag &flag : run.flags) {
        if (flag.name != QLatin1String("mount"))
            continue;
        QString type = QStringLiteral("bind"), target;
        for (const QString &field : flag.value.split(QLatin1Char(','))) {
            const QString key = field.section(QLatin1Char('='), 0, 0).trimmed();
            const QString value = field.section(QLatin1Char('='), 1).trimmed();
            if (key == QLatin1String("type"))
                type = value;
            else if (key == QLatin1String("target") || key == QLatin1String("dst")
                || key == QLatin1String("destination"))
                target = value;
        }
        if (type == QLatin1String("cache") && target.startsWith(prefix))
            return true;
    }
    return false;
}

} // namespace ballast::detail

namespace ballast {
namespace {

// The code list of a pragma comment line and where it ends (0-based index into the line).
struct PragmaList {
    bool global = false;
    qsizetype listEnd = -1;
};

PragmaList pragmaOn(const QString &line, const QString &tool)
{
    static const QRegularExpression hadolint(QStringLiteral("^[ \\t]*#[ \\t]*hadolint[ \\t]+(global[ \\t]+)?ignore[ "
                                                            "\\t]*=[ \\t]*[DLSC0-9]+(?:[ \\t]*,[ \\t]*[DLSC0-9]+)*"));
    static const QRegularExpression ballast(
        QStringLiteral("^[ \\t]*#[ \\t]*ballast[ \\t]+(global[ \\t]+)?ignore[ \\t]*=[ \\t]*[A-Za-z0-9]+(?:[ \\t]*,[ "
                       "\\t]*[A-Za-z0-9]+)*"));
    const auto m = (tool == QLatin1String("hadolint") ? hadolint : ballast).match(line);
    if (!m.hasMatch())
        return {};
    return { m.capturedLength(1) > 0, m.capturedEnd(0) };
}

} // namespace

std::optional<LintFix> ignoreFix(const Dockerfile &df, const LintFinding &finding)
{
    if (finding.instruction < 0 || finding.instruction >= int(df.instructions.size()) || finding.rule.isEmpty())
        return std::nullopt;
    const DockerfileInstruction &instr = df.instructions[size_t(finding.instruction)];
    const bool hadolintCode = finding.rule.startsWith(QLatin1String("DL"));
    const QString tool = hadolintCode ? QStringLiteral("hadolint") : QStringLiteral("ballast");
    const QString title = QStringLiteral("Ignore %1 here (# %2 ignore)").arg(finding.rule, tool);
    const QString indent = df.lines.value(instr.line - 1).left(instr.column - 1);
    // An existing pragma of the same tool that applies here: extend its list.
    for (int line = instr.line - 1; line >= 1 && df.commentAt(line); --line) {
        const PragmaList pragma = pragmaOn(df.lines.value(line - 1), tool);
        if (pragma.listEnd >= 0 && !pragma.global) {
            const int column = int(pragma.listEnd) + 1;
            return LintFix { title, { { line, column, line, column, QLatin1Char(',') + finding.rule } } };
        }
        if (hadolintCode)
            break; // hadolint reads only the line right above
    }
    const QString text = indent + QStringLiteral("# %1 ignore=%2\n").arg(tool, finding.rule);
    int at = instr.line;
    // Keep a hadolint pragma right above the instruction: ours goes above it.
    if (!hadolintCode && df.commentAt(instr.line - 1)
        && pragmaOn(df.lines.value(instr.line - 2), QStringLiteral("hadolint")).listEnd >= 0)
        at = instr.line - 1;
    return LintFix { title, { { at, 1, at, 1, text } } };
}

QString applyEdits(const QString &text, std::vector<TextEdit> edits)
{
    std::vector<qsizetype> lineStart = { 0 };
    for (qsizetype i = 0; i < text.size(); ++i)
        if (text[i] == QLatin1Char('\n'))
            lineStart.push_back(i + 1);
    const auto offset = [&](int line, int column) {
        if (line - 1 >= qsizetype(lineStart.size()))
            return text.size();
        return std::min(text.size(), lineStart[size_t(line - 1)] + column - 1);
    };
    std::sort(edits.begin(), edits.end(),
        [](const TextEdit &a, const TextEdit &b) { return std::tie(a.line, a.column) > std::tie(b.line, b.column); });
    QString out = text;
    for (const TextEdit &e : edits) {
        const qsizetype start = offset(e.line, e.column), end = offset(e.endLine, e.endColumn);
        out.replace(start, end - start, e.newText);
    }
    return out;
}

} // namespace ballast
