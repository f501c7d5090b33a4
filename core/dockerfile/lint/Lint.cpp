// The lint engine: builds what the rules share (RUN scripts parsed once, the layer mapping), runs the
// rule table, then drops what pragmas ignore (hadolint's Hadolint/Pragma.hs and Process.hs).
#include "dockerfile/lint/LintRules.h"

#include "dockerfile/shell/WordExpander.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <tuple>

namespace ballast {
namespace detail {
namespace {

const QStringList PosixShells = { QStringLiteral("sh"), QStringLiteral("bash"), QStringLiteral("ash"),
    QStringLiteral("dash"), QStringLiteral("zsh") };

RunScript makeRunScript(
    const DockerfileInstruction &run, const DockerfileInstruction &owner, bool onbuild, QChar escape)
{
    RunScript out;
    out.run = &run;
    out.owner = &owner;
    out.onbuild = onbuild;
    if (run.form == InstructionForm::Exec) {
        out.text = run.execArgs.join(QLatin1Char(' '));
    } else if (run.hasHeredocs()) {
        // `RUN <<EOF [shell]`: the here-document is the script; otherwise it is data for a command.
        const std::vector<RawWord> words = splitRawWords(run.arguments, escape);
        const bool scriptDoc = !words.empty() && words[0].text.contains(QLatin1String("<<"));
        const QString interpreter = words.size() > 1 ? commandBasename(words[1].text) : QString();
        const QString &content = run.heredocs.front().content;
        const bool shell
            = interpreter.isEmpty() ? !content.startsWith(QLatin1String("#!")) : PosixShells.contains(interpreter);
        if (!scriptDoc) {
            out.text = run.arguments;
            out.plainShell = true;
        } else if (shell) {
            out.text = content;
        }
    } else {
        out.text = run.arguments;
        out.plainShell = true;
    }
    out.script = parseShellScript(out.text);
    return out;
}

// hadolint's pragmas: `# hadolint ignore=DL3008,DL3015` on the line right above an instruction, and
// `# hadolint global ignore=…`; the rule list holds only the characters DLSC0123456789 (or the whole
// pragma is not one). Ballast's own `# ballast [global] ignore=…` takes any code and applies to the
// next instruction even with other comments in between.
struct Ignores {
    QSet<QString> global;
    QHash<int, QSet<QString>> byLine;

    bool ignored(const LintFinding &f) const
    {
        return global.contains(f.rule) || byLine.value(f.line).contains(f.rule);
    }
};

QSet<QString> codeSet(const QString &list)
{
    QSet<QString> out;
    for (const QString &code : list.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.insert(code.trimmed());
    return out;
}

Ignores readPragmas(const Dockerfile &df)
{
    static const QRegularExpression hadolint(
        QStringLiteral("^[ \\t]*hadolint[ \\t]+(global[ \\t]+)?ignore[ \\t]*=[ \\t]*([DLSC0-9]+(?:[ \\t]*,[ "
                       "\\t]*[DLSC0-9]+)*)[ \\t]*(?:#.*)?$"));
    static const QRegularExpression ballast(
        QStringLiteral("^[ \\t]*ballast[ \\t]+(global[ \\t]+)?ignore[ \\t]*=[ \\t]*([A-Za-z0-9]+(?:[ \\t]*,[ "
                       "\\t]*[A-Za-z0-9]+)*)[ \\t]*(?:#.*)?$"));
    Ignores out;
    for (const DockerfileComment &c : df.comments) {
        if (const auto m = hadolint.match(c.text); m.hasMatch()) {
            if (m.capturedLength(1) > 0)
                out.global.unite(codeSet(m.captured(2)));
            else
                out.byLine[c.line + 1].unite(codeSet(m.captured(2)));
        } else if (const auto b = ballast.match(c.text); b.hasMatch()) {
            if (b.capturedLength(1) > 0) {
                out.global.unite(codeSet(b.captured(2)));
                continue;
            }
            int line = c.line + 1;
            while (df.commentAt(line))
                ++line;
            out.byLine[line].unite(codeSet(b.captured(2)));
        }
    }
    return out;
}

std::vector<LintFinding> runLint(
    const Dockerfile &df, const ImageLintContext *image, LayerMapping *mappingOut = nullptr)
{
    LintInput input(df);
    for (const DockerfileInstruction &instr : df.instructions) {
        if (instr.keyword == QLatin1String("RUN"))
            input.runs.push_back(makeRunScript(instr, instr, false, df.escape));
        else if (instr.onbuild && instr.onbuild->keyword == QLatin1String("RUN"))
            input.runs.push_back(makeRunScript(*instr.onbuild, instr, true, df.escape));
    }
    if (image) {
        input.image = image;
        input.mapping = mapInstructionsToLayers(df, image->image(), image->historySteps());
    }
    std::vector<LintFinding> out;
    for (const DockerfileError &e : df.errors)
        out.push_back(
            { e.line, e.column, e.endLine, QStringLiteral("BA0000"), LintSeverity::Error, e.message, {}, {}, -1 });
    const Ignores ignores = readPragmas(df);
    for (const RuleSpec &rule : ruleTable()) {
        if (rule.needsImage && (!image || !input.mapping || input.mapping->rows.empty()))
            continue;
        std::vector<LintFinding> found;
        rule.check(input, rule, found);
        for (LintFinding &f : found)
            if (!ignores.ignored(f))
                out.push_back(std::move(f));
    }
    std::stable_sort(out.begin(), out.end(), [](const LintFinding &a, const LintFinding &b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    if (mappingOut && input.mapping)
        *mappingOut = std::move(*input.mapping);
    return out;
}

} // namespace

bool LintInput::usedAsBase(int stage) const
{
    return std::any_of(
        df.stages.begin(), df.stages.end(), [stage](const DockerfileStage &s) { return s.parentStage == stage; });
}

LintFinding findingAt(const DockerfileInstruction &owner, const RuleSpec &rule)
{
    LintFinding f;
    f.line = owner.line;
    f.column = owner.column;
    f.endLine = owner.endLine;
    f.rule = QString::fromLatin1(rule.code);
    f.severity = rule.severity;
    f.message = QString::fromUtf8(rule.message);
    f.instruction = owner.index;
    return f;
}

const std::vector<RuleSpec> &ruleTable()
{
    using S = LintSeverity;
    static const std::vector<RuleSpec> table = {
        { "DL3000", S::Error, "Use absolute WORKDIR", checkDL3000 },
        { "DL3002", S::Warning, "Last USER should not be root", checkDL3002 },
        { "DL3003", S::Warning, "Use WORKDIR to switch to a directory", checkDL3003 },
        { "DL3007", S::Warning,
            "Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release "
            "tag",
            checkDL3007 },
        { "DL3008", S::Warning,
            "Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install "
            "<package>=<version>`",
            checkDL3008 },
        { "DL3009", S::Info, "Delete the apt-get lists after installing something", checkDL3009 },
        { "DL3013", S::Warning,
            "Pin versions in pip. Instead of `pip install <package>` use `pip install <package>==<version>` or `pip "
            "install --requirement <requirements file>`",
            checkDL3013 },
        { "DL3015", S::Info, "Avoid additional packages by specifying `--no-install-recommends`", checkDL3015 },
        { "DL3018", S::Warning,
            "Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`", checkDL3018 },
        { "DL3019", S::Info,
            "Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done "
            "installing packages",
            checkDL3019 },
        { "DL3020", S::Error, "Use COPY instead of ADD for files and folders", checkDL3020 },
        { "DL3025", S::Warning, "Use arguments JSON notation for CMD and ENTRYPOINT arguments", checkDL3025 },
        { "DL3042", S::Warning, "Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`",
            checkDL3042 },
        { "DL3059", S::Info, "Multiple consecutive `RUN` instructions. Consider consolidation.", checkDL3059 },
        { "DL3060", S::Info, "`yarn cache clean` missing after `yarn install` was run.", checkDL3060 },
        { "DL4000", S::Error, "MAINTAINER is deprecated", checkDL4000 },
        { "DL4006", S::Warning,
            "Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an alpine "
            "image or if your shell is symlinked to busybox then consider explicitly setting your SHELL to /bin/ash, "
            "or disable this check",
            checkDL4006 },
        { "BA1001", S::Warning, "package caches or lists left in the image by this line", checkBA1001, true },
        { "BA1002", S::Warning, "build-context files no image needs (.git, caches) copied in", checkBA1002, true },
        { "BA1003", S::Warning, "files stored again only because their mode or owner changed", checkBA1003, true },
        { "BA1004", S::Warning, "a compiler toolchain ships in the final stage", checkBA1004, true },
        { "BA1005", S::Warning, "files deleted by a later line still stored in this line's layer", checkBA1005, true },
        { "BA1006", S::Info, "files replaced by a later line still stored in this line's layer", checkBA1006, true },
    };
    return table;
}

} // namespace detail

const char *lintSeverityName(LintSeverity severity)
{
    switch (severity) {
    case LintSeverity::Style:
        return "style";
    case LintSeverity::Info:
        return "info";
    case LintSeverity::Warning:
        return "warning";
    case LintSeverity::Error:
        return "error";
    }
    return "info";
}

std::optional<LintSeverity> lintSeverityFromName(const QString &name)
{
    for (LintSeverity s : { LintSeverity::Style, LintSeverity::Info, LintSeverity::Warning, LintSeverity::Error })
        if (name == QLatin1String(lintSeverityName(s)))
            return s;
    return std::nullopt;
}

std::vector<LintFinding> lint(const Dockerfile &dockerfile, const Image *image, const ImageAnalysis *analysis)
{
    if (!image)
        return detail::runLint(dockerfile, nullptr);
    std::optional<ImageAnalysis> computed;
    if (!analysis)
        analysis = &computed.emplace(analyzeImage(*image));
    const ImageLintContext context(*image, *analysis);
    return detail::runLint(dockerfile, &context);
}

std::vector<LintFinding> lint(const Dockerfile &dockerfile, const ImageLintContext &image)
{
    return detail::runLint(dockerfile, &image);
}

std::vector<LintFinding> lint(const Dockerfile &dockerfile, const ImageLintContext &image, LayerMapping &mapping)
{
    return detail::runLint(dockerfile, &image, &mapping);
}

bool isIgnoredByPragma(const Dockerfile &dockerfile, const QString &rule, int line)
{
    LintFinding finding;
    finding.rule = rule;
    finding.line = line;
    return detail::readPragmas(dockerfile).ignored(finding);
}

std::vector<LintRuleInfo> lintRules()
{
    std::vector<LintRuleInfo> out;
    for (const auto &rule : detail::ruleTable())
        out.push_back(
            { QString::fromLatin1(rule.code), rule.severity, QString::fromUtf8(rule.message), rule.needsImage });
    return out;
}

} // namespace ballast
