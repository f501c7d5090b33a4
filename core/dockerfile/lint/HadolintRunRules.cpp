// hadolint's rules on the commands of RUN instructions, with hadolint's semantics (Hadolint/Rule/*.hs):
// the same commands, flags, exceptions, stages and ONBUILD handling.
#include "dockerfile/lint/LintRules.h"

#include <algorithm>

namespace ballast::detail {
namespace {

bool anyCommand(const RunScript &run, const std::function<bool(const ShellCommand &)> &pred)
{
    return std::any_of(run.script.commands.begin(), run.script.commands.end(), pred);
}

void addAt(const RunScript &run, const RuleSpec &rule, std::vector<LintFinding> &out, std::optional<LintFix> fix = {})
{
    LintFinding f = findingAt(*run.owner, rule);
    f.fix = std::move(fix);
    out.push_back(std::move(f));
}

// Rules whose finding depends on the stage (DL3009, DL3060): only the final stage and stages that a
// later FROM builds on leave their files in an image; an ONBUILD trigger always counts.
bool stageShips(const LintInput &in, const RunScript &run)
{
    if (run.onbuild)
        return true;
    const int stage = run.run->stage;
    if (stage < 0)
        return in.df.stages.empty();
    return stage == in.lastStage() || in.usedAsBase(stage);
}

bool isAptGetInstall(const ShellCommand &cmd)
{
    return cmd.name == QLatin1String("apt-get") && cmd.hasArg(QStringLiteral("install"));
}

// Shell.isPipInstall: `pip…  install` or `python… -m pip install`.
bool isPipInstall(const ShellCommand &cmd)
{
    const QStringList args = cmd.argTexts();
    if (cmd.name.startsWith(QLatin1String("pip")) && args.contains(QStringLiteral("install")))
        return true;
    if (!cmd.name.startsWith(QLatin1String("python")))
        return false;
    for (int i = 0; i + 2 < args.size(); ++i)
        if (args[i] == QLatin1String("-m") && args[i + 1] == QLatin1String("pip")
            && args[i + 2] == QLatin1String("install"))
            return true;
    return false;
}

const QStringList Truthy = { QStringLiteral("1"), QStringLiteral("true"), QStringLiteral("True"),
    QStringLiteral("TRUE"), QStringLiteral("on"), QStringLiteral("On"), QStringLiteral("ON"), QStringLiteral("yes"),
    QStringLiteral("Yes"), QStringLiteral("YES") };

} // namespace

// DL3003: `cd` in a RUN.
void checkDL3003(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    for (const RunScript &run : in.runs)
        if (!run.onbuild && run.script.usesProgram(QStringLiteral("cd")))
            addAt(run, rule, out);
}

// DL3008: every package of `apt-get install` pinned (`pkg=version`), or a path, or a .deb file.
void checkDL3008(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    for (const RunScript &run : in.runs) {
        const bool unpinned = anyCommand(run, [](const ShellCommand &cmd) {
            if (!isAptGetInstall(cmd))
                return false;
            for (const QString &p : cmd.argsWithoutFlags({ QStringLiteral("t"), QStringLiteral("target-release") }))
                if (p != QLatin1String("install") && !p.contains(QLatin1Char('=')) && !p.contains(QLatin1Char('/'))
                    && !p.endsWith(QLatin1String(".deb")))
                    return true;
            return false;
        });
        if (unpinned)
            addAt(run, rule, out);
    }
}

// DL3009: `apt-get update` without `rm -rf /var/lib/apt/lists/*` in the same RUN, in a stage that
// ships; not with a cache mount on the lists (or on both /var/lib/apt and /var/cache/apt).
void checkDL3009(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    for (const RunScript &run : in.runs) {
        const bool update = run.script.anyCommand(QStringLiteral("apt-get"), { QStringLiteral("update") });
        const bool cleanup = run.script.anyCommand(
            QStringLiteral("rm"), { QStringLiteral("-rf"), QStringLiteral("/var/lib/apt/lists/*") });
        if (!update || cleanup)
            continue;
        if (hasCacheMount(*run.run, QStringLiteral("/var/lib/apt/lists"))
            || (hasCacheMount(*run.run, QStringLiteral("/var/lib/apt"))
                && hasCacheMount(*run.run, QStringLiteral("/var/cache/apt"))))
            continue;
        if (stageShips(in, run))
            addAt(run, rule, out, fixAptListsCleanup(in.df, run));
    }
}

// DL3013: `pip install` of packages without a version (==, >=, …), a VCS ref, a local file or path;
// not for requirement files, `.`, or with a constraints file.
void checkDL3013(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    static const QStringList valueFlags = { QStringLiteral("abi"), QStringLiteral("b"), QStringLiteral("build"),
        QStringLiteral("e"), QStringLiteral("editable"), QStringLiteral("extra-index-url"), QStringLiteral("f"),
        QStringLiteral("find-links"), QStringLiteral("i"), QStringLiteral("index-url"),
        QStringLiteral("implementation"), QStringLiteral("no-binary"), QStringLiteral("only-binary"),
        QStringLiteral("platform"), QStringLiteral("prefix"), QStringLiteral("progress-bar"), QStringLiteral("proxy"),
        QStringLiteral("python-version"), QStringLiteral("root"), QStringLiteral("src"), QStringLiteral("t"),
        QStringLiteral("target"), QStringLiteral("trusted-host"), QStringLiteral("upgrade-strategy") };
    static const QStringList vcs = { QStringLiteral("git+file"), QStringLiteral("git+https"), QStringLiteral("git+ssh"),
        QStringLiteral("git+http"), QStringLiteral("git+git"), QStringLiteral("git"), QStringLiteral("hg+file"),
        QStringLiteral("hg+http"), QStringLiteral("hg+https"), QStringLiteral("hg+ssh"),
        QStringLiteral("hg+static-http"), QStringLiteral("svn"), QStringLiteral("svn+svn"), QStringLiteral("svn+http"),
        QStringLiteral("svn+https"), QStringLiteral("svn+ssh"), QStringLiteral("bzr+http"), QStringLiteral("bzr+https"),
        QStringLiteral("bzr+ssh"), QStringLiteral("bzr+sftp"), QStringLiteral("bzr+ftp"), QStringLiteral("bzr+lp") };
    static const QStringList versionSymbols = { QStringLiteral("=="), QStringLiteral(">="), QStringLiteral("<="),
        QStringLiteral(">"), QStringLiteral("<"), QStringLiteral("!="), QStringLiteral("~="), QStringLiteral("===") };
    const auto isVcs = [](const QString &p) {
        return std::any_of(vcs.begin(), vcs.end(), [&](const QString &s) { return p.startsWith(s); });
    };
    const auto versionFixed = [&](const QString &p) {
        return std::any_of(
                   versionSymbols.begin(), versionSymbols.end(), [&](const QString &s) { return p.contains(s); })
            || (isVcs(p) && p.contains(QLatin1Char('@'))) || p.endsWith(QLatin1String(".whl"))
            || p.endsWith(QLatin1String(".tar.gz")) || (!isVcs(p) && p.contains(QLatin1Char('/')));
    };
    for (const RunScript &run : in.runs) {
        const bool unpinned = anyCommand(run, [&](const ShellCommand &cmd) {
            if (!isPipInstall(cmd) || cmd.hasFlag(QStringLiteral("constraint")) || cmd.hasFlag(QStringLiteral("c")))
                return false;
            const QStringList args = cmd.argTexts();
            if (args.contains(QStringLiteral("--requirement")) || args.contains(QStringLiteral("-r"))
                || args.contains(QStringLiteral(".")))
                return false;
            QStringList packages = cmd.argsWithoutFlags(valueFlags);
            while (!packages.isEmpty() && packages.front() != QLatin1String("install"))
                packages.removeFirst();
            while (!packages.isEmpty() && packages.front() == QLatin1String("install"))
                packages.removeFirst();
            return !std::all_of(packages.begin(), packages.end(), versionFixed);
        });
        if (unpinned)
            addAt(run, rule, out);
    }
}

// DL3015: `apt-get install` without `--no-install-recommends` (or `-o APT::Install-Recommends=false`).
void checkDL3015(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    for (const RunScript &run : in.runs)
        for (const ShellCommand &cmd : run.script.commands)
            if (isAptGetInstall(cmd) && !cmd.hasFlag(QStringLiteral("no-install-recommends"))
                && !cmd.hasArg(QStringLiteral("APT::Install-Recommends=false"))) {
                addAt(run, rule, out, fixNoInstallRecommends(run, cmd));
                break;
            }
}

// DL3018: every package of `apk add` pinned (`pkg=version`, `pkg~version`) or an .apk file.
void checkDL3018(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    for (const RunScript &run : in.runs) {
        const bool unpinned = anyCommand(run, [](const ShellCommand &cmd) {
            if (cmd.name != QLatin1String("apk") || !cmd.hasArg(QStringLiteral("add")))
                return false;
            const QStringList valueFlags
                = { QStringLiteral("t"), QStringLiteral("virtual"), QStringLiteral("repository"), QStringLiteral("X") };
            for (const QString &p : cmd.argsWithoutFlags(valueFlags))
                if (p != QLatin1String("add") && !p.contains(QLatin1Char('=')) && !p.contains(QLatin1Char('~'))
                    && !p.endsWith(QLatin1String(".apk")))
                    return true;
            return false;
        });
        if (unpinned)
            addAt(run, rule, out);
    }
}

// DL3019: `apk add` without `--no-cache`, unless a cache mount covers /var/cache/apk.
void checkDL3019(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    for (const RunScript &run : in.runs) {
        const bool forgot = anyCommand(run, [](const ShellCommand &cmd) {
            return cmd.name == QLatin1String("apk") && cmd.hasArg(QStringLiteral("add"))
                && !cmd.hasFlag(QStringLiteral("no-cache"));
        });
        if (forgot && !hasCacheMount(*run.run, QStringLiteral("/var/cache/apk")))
            addAt(run, rule, out);
    }
}

// DL3042: `pip install` without `--no-cache-dir`, unless PIP_NO_CACHE_DIR is set to a truthy value
// by ENV in the stage (or a stage it is built FROM) or in the RUN itself; pipx and pipenv excepted.
void checkDL3042(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    // Indexed by slotOf(stage): instructions before the first FROM (stage -1) count as a stage of their own.
    std::vector<bool> stageNoCache(in.df.stages.size() + 1, false);
    const auto slotOf = [](int stage) { return stage < 0 ? size_t(0) : size_t(stage) + 1; };
    bool onbuildNoCache = false;
    size_t next = 0;
    const auto truthyEnv = [](const DockerfileInstruction &env) {
        return std::any_of(env.keyValues.begin(), env.keyValues.end(), [](const KeyValue &kv) {
            return kv.key == QLatin1String("PIP_NO_CACHE_DIR") && Truthy.contains(kv.value);
        });
    };
    for (const DockerfileInstruction &instr : in.df.instructions) {
        if (instr.keyword == QLatin1String("FROM") && instr.stage >= 0) {
            const int parent = in.df.stages[size_t(instr.stage)].parentStage;
            stageNoCache[slotOf(instr.stage)] = parent >= 0 && stageNoCache[slotOf(parent)];
        } else if (instr.keyword == QLatin1String("ENV") && truthyEnv(instr)) {
            stageNoCache[slotOf(instr.stage)] = true;
        } else if (instr.onbuild && instr.onbuild->keyword == QLatin1String("ENV") && truthyEnv(*instr.onbuild)) {
            onbuildNoCache = true;
        }
        for (; next < in.runs.size() && in.runs[next].owner == &instr; ++next) {
            const RunScript &run = in.runs[next];
            if (run.onbuild ? onbuildNoCache : bool(stageNoCache[slotOf(instr.stage)]))
                continue;
            const int at = int(run.text.indexOf(QLatin1String("PIP_NO_CACHE_DIR=")));
            if (at >= 0) {
                const QString rest = run.text.mid(at + 17);
                if (std::any_of(Truthy.begin(), Truthy.end(), [&](const QString &t) { return rest.startsWith(t); }))
                    continue;
            }
            const bool forgot = anyCommand(run, [](const ShellCommand &cmd) {
                if (!isPipInstall(cmd) || cmd.hasArg(QStringLiteral("--no-cache-dir")))
                    return false;
                const QStringList args = cmd.argTexts();
                for (const QString &wrapper : { QStringLiteral("pipx"), QStringLiteral("pipenv") }) {
                    if (cmd.name.contains(wrapper))
                        return false;
                    for (int i = 0; i + 1 < args.size(); ++i)
                        if (cmd.name.startsWith(QLatin1String("python")) && args[i] == QLatin1String("-m")
                            && args[i + 1] == wrapper)
                            return false;
                }
                return true;
            });
            if (forgot)
                addAt(run, rule, out);
        }
    }
}

// DL3060: `yarn install` without `yarn cache clean` in the same RUN, in a stage that ships.
void checkDL3060(const LintInput &in, const RuleSpec &rule, std::vector<LintFinding> &out)
{
    for (const RunScript &run : in.runs)
        if (run.script.anyCommand(QStringLiteral("yarn"), { QStringLiteral("install") })
            && !run.script.anyCommand(QStringLiteral("yarn"), { QStringLiteral("cache"), QStringLiteral("clean") })
            && stageShips(in, run))
            addAt(run, rule, out);
}

} // namespace ballast::detail
