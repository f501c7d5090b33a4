// hadolint's rules on single instructions and on their sequence (Hadolint/Rule/*.hs).
#include "dockerfile/lint/LintRules.h"

#include <QStringList>
#include <algorithm>
#include <map>

namespace ballast::detail {
namespace {

const RunScript *scriptOf(const LintInput &in, const DockerfileInstruction &run)
{
    for (const RunScript &s : in.runs)
        if (s.run == &run)
            return &s;
    return nullptr;
}

QStringList runFlagKey(const DockerfileInstruction &run)
{
    QStringList key;
    for (const InstructionFlag &f : run.flags)
        key << f.name + QLatin1Char('=') + f.value;
    key.sort();
    return key;
}

QString dropQuotes(QString text)
{
    while (!text.isEmpty() && (text.front() == QLatin1Char('"') || text.front() == QLatin1Char('\'')))
        text.remove(0, 1);
    while (!text.isEmpty() && (text.back() == QLatin1Char('"') || text.back() == QLatin1Char('\'')))
        text.chop(1);
    return text;
}

bool hasPipefail(const QString &shellText)
{
    const ShellScript script = parseShellScript(shellText);
    for (const ShellCommand &cmd : script.commands) {
        const QString base = commandBasename(cmd.name);
        if ((base == QLatin1String("bash") || base == QLatin1String("zsh") || base == QLatin1String("ash"))
            && cmd.hasFlag(QStringLiteral("o")) && cmd.hasArg(QStringLiteral("pipefail")))
            return true;
    }
    return false;
}

} // namespace

// DL3059: two RUNs in a row (comments between do not count) with the same flags, each a single
// command. hadolint counts ShellCheck's command tokens, which sees every simple command twice, so its
// "more than two" means "more than one command": chained RUNs are left alone.
void checkDL3059(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    const DockerfileInstruction *previous = nullptr;
    for (const DockerfileInstruction &instr : in.df.instructions) {
        if (instr.keyword != QLatin1String("RUN")) {
            previous = nullptr;
            continue;
        }
        const RunScript *current = scriptOf(in, instr);
        const int count = current ? int(current->script.commands.size()) : 0;
        if (!previous || runFlagKey(*previous) != runFlagKey(instr)) {
            previous = &instr;
            continue;
        }
        const RunScript *before = scriptOf(in, *previous);
        const int previousCount = before ? int(before->script.commands.size()) : 0;
        if (count > 1 || previousCount > 1) {
            previous = &instr;
            continue;
        }
        LintFinding f = findingAt(instr, rule);
        f.fix = fixMergeRuns(in.df, *previous, instr);
        out.push_back(std::move(f));
        // hadolint keeps the earlier RUN as the one to compare with.
    }
}

// DL4006: a RUN with a pipe while the stage's SHELL has no `-o pipefail` (bash, zsh, ash); non-POSIX
// shells (pwsh, powershell, cmd) are exempt. Each FROM starts over.
void checkDL4006(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    bool pipefail = false;
    for (const DockerfileInstruction &instr : in.df.instructions) {
        if (instr.keyword == QLatin1String("FROM")) {
            pipefail = false;
        } else if (instr.keyword == QLatin1String("SHELL")) {
            const QString text
                = instr.form == InstructionForm::Exec ? instr.execArgs.join(QLatin1Char(' ')) : instr.arguments;
            const bool nonPosix = text.startsWith(QLatin1String("pwsh")) || text.startsWith(QLatin1String("powershell"))
                || text.startsWith(QLatin1String("cmd"));
            pipefail = nonPosix || hasPipefail(text);
        } else if (instr.keyword == QLatin1String("RUN") && !pipefail) {
            const RunScript *run = scriptOf(in, instr);
            if (run && run->script.hasPipes)
                out.push_back(findingAt(instr, rule));
        }
    }
}

// DL3000: WORKDIR must be absolute (or start with a variable, or a Windows drive).
void checkDL3000(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    for (const DockerfileInstruction &instr : in.df.instructions) {
        if (instr.keyword != QLatin1String("WORKDIR") || instr.arguments.isEmpty())
            continue;
        const QString dir = dropQuotes(instr.arguments);
        const bool windows = dir.size() >= 2 && dir[0].isLetter() && dir[1] == QLatin1Char(':');
        if (!dir.startsWith(QLatin1Char('$')) && !dir.startsWith(QLatin1Char('/')) && !windows)
            out.push_back(findingAt(instr, rule));
    }
}

// DL3002: the last USER of a stage is root (`root`, `0`, `root:…`, `0:…`).
void checkDL3002(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    std::map<int, const DockerfileInstruction *> lastRoot;
    for (const DockerfileInstruction &instr : in.df.instructions) {
        if (instr.keyword != QLatin1String("USER") || instr.stage < 0)
            continue;
        const QString user = instr.arguments;
        const bool root = user == QLatin1String("root") || user == QLatin1String("0")
            || user.startsWith(QLatin1String("root:")) || user.startsWith(QLatin1String("0:"));
        if (root)
            lastRoot[instr.stage] = &instr;
        else
            lastRoot.erase(instr.stage);
    }
    for (const auto &[stage, instr] : lastRoot)
        out.push_back(findingAt(*instr, rule));
}

// DL3007: FROM with the `latest` tag.
void checkDL3007(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    for (const DockerfileInstruction &instr : in.df.instructions) {
        if (instr.keyword != QLatin1String("FROM") || instr.rawWords.isEmpty())
            continue;
        QString ref = instr.rawWords.front().section(QLatin1Char('@'), 0, 0);
        const int colon = int(ref.lastIndexOf(QLatin1Char(':')));
        if (colon > ref.lastIndexOf(QLatin1Char('/')) && ref.mid(colon + 1) == QLatin1String("latest"))
            out.push_back(findingAt(instr, rule));
    }
}

// DL3020: ADD for anything but archives and URLs.
void checkDL3020(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    static const QStringList archives = { QStringLiteral(".tar"), QStringLiteral(".Z"), QStringLiteral(".bz2"),
        QStringLiteral(".gz"), QStringLiteral(".lz"), QStringLiteral(".lzma"), QStringLiteral(".tZ"),
        QStringLiteral(".tb2"), QStringLiteral(".tbz"), QStringLiteral(".tbz2"), QStringLiteral(".tgz"),
        QStringLiteral(".tlz"), QStringLiteral(".tpz"), QStringLiteral(".txz"), QStringLiteral(".xz") };
    for (const DockerfileInstruction &instr : in.df.instructions) {
        if (instr.keyword != QLatin1String("ADD") || instr.hasHeredocs() || instr.rawWords.size() < 2)
            continue;
        const QStringList sources = instr.rawWords.mid(0, instr.rawWords.size() - 1);
        const bool plainFile = std::any_of(sources.begin(), sources.end(), [](const QString &raw) {
            const QString src = dropQuotes(raw);
            const bool archive
                = std::any_of(archives.begin(), archives.end(), [&](const QString &ext) { return src.endsWith(ext); });
            const bool url = src.startsWith(QLatin1String("https://")) || src.startsWith(QLatin1String("http://"));
            return !archive && !url;
        });
        if (plainFile)
            out.push_back(findingAt(instr, rule));
    }
}

// DL3025: CMD and ENTRYPOINT in shell form.
void checkDL3025(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    for (const DockerfileInstruction &instr : in.df.instructions)
        if ((instr.keyword == QLatin1String("CMD") || instr.keyword == QLatin1String("ENTRYPOINT"))
            && instr.form == InstructionForm::Shell)
            out.push_back(findingAt(instr, rule));
}

// DL4000: MAINTAINER is deprecated.
void checkDL4000(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    for (const DockerfileInstruction &instr : in.df.instructions)
        if (instr.keyword == QLatin1String("MAINTAINER"))
            out.push_back(findingAt(instr, rule));
}

} // namespace ballast::detail
