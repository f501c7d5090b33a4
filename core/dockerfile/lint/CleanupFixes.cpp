// Quick fixes of the image rules: deleting what a RUN leaves behind in that same RUN, so that its
// layer never stores it. A fix is offered only where the edit is mechanical and cannot change what
// the build does: the RUN is a plain `&&` chain, and nothing between the old and the new place of a
// deletion reads what it deletes.
#include "analysis/PathRules.h"
#include "dockerfile/lint/LintRules.h"
#include "dockerfile/lint/RunChain.h"

#include <QRegularExpression>
#include <algorithm>

namespace ballast::detail {
namespace {

// How the package cache of an analysis finding (its category) is emptied; nullptr for other findings.
const CacheCleanup *cleanupFor(const QString &category)
{
    const PathRule *rule = pathRuleFor(category);
    return rule && rule->kind == PathRuleKind::PackageCache ? &rule->cleanup : nullptr;
}

QString programUsed(const ShellScript &script, const QStringList &programs)
{
    for (const ShellCommand &command : script.commands)
        if (programs.contains(commandBasename(command.name)))
            return commandBasename(command.name);
    return {};
}

// Paths an `rm` of this script removes (its arguments that are not flags).
QStringList removedPaths(const ShellCommand &rm)
{
    QStringList out;
    bool flags = true;
    for (const ShellWord &word : rm.args) {
        if (flags && word.text == QLatin1String("--"))
            flags = false;
        else if (!flags || !word.text.startsWith(QLatin1Char('-')))
            out << word.text;
    }
    return out;
}

bool isRm(const ShellCommand &command)
{
    return commandBasename(command.name) == QLatin1String("rm");
}

// The later instructions of the RUN's stage, in order.
std::vector<const DockerfileInstruction *> laterInStage(const Dockerfile &df, const DockerfileInstruction &run)
{
    std::vector<const DockerfileInstruction *> out;
    for (const DockerfileInstruction &instr : df.instructions)
        if (instr.stage == run.stage && instr.index > run.index)
            out.push_back(&instr);
    return out;
}

bool mentions(const DockerfileInstruction &instr, const QString &path)
{
    return instr.original.contains(path) || (instr.onbuild && instr.onbuild->original.contains(path));
}

// A file name a fix may write into a command unquoted.
bool plainPath(const QString &path)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9._/+@-]+$"));
    return plain.match(path).hasMatch();
}

} // namespace

std::optional<LintFix> fixCacheCleanup(
    const LintInput &in, const DockerfileInstruction &run, const QString &category, const QStringList &directories)
{
    const CacheCleanup *cleanup = cleanupFor(category);
    const auto chain = readRunChain(in.df, run);
    if (!cleanup || !chain || !chain->appendable || directories.isEmpty())
        return std::nullopt;
    for (const QString &dir : directories)
        if (!plainPath(dir))
            return std::nullopt;
    const ShellScript script = parseShellScript(run.arguments);
    const QString program = programUsed(script, cleanup->programs);
    // Cleaned already (the image was built before the cleanup was added): nothing to append.
    for (const ShellCommand &command : script.commands) {
        if (!cleanup->toolCleanup.isEmpty() && cleanup->programs.contains(commandBasename(command.name))
            && command.hasArg(QStringLiteral("clean")))
            return std::nullopt;
        if (isRm(command))
            for (const QString &path : removedPaths(command))
                for (const QString &dir : directories)
                    if (path.startsWith(QLatin1Char('/') + dir))
                        return std::nullopt;
    }
    QString command;
    if (!cleanup->toolCleanup.isEmpty() && !program.isEmpty()) {
        command = cleanup->toolCleanup.contains(QLatin1String("%1")) ? cleanup->toolCleanup.arg(program)
                                                                     : cleanup->toolCleanup;
    } else {
        QStringList targets;
        for (const QString &dir : directories)
            targets << QLatin1Char('/') + dir + (cleanup->keepDirectory ? QStringLiteral("/*") : QString());
        command = QStringLiteral("rm -rf ") + targets.join(QLatin1Char(' '));
        // `apt-get install` in a later RUN needs the lists an earlier `apt-get update` fetched.
        if (cleanup->neededByLaterInstalls)
            for (const RunScript &later : in.runs)
                if (!later.onbuild && later.run->stage == run.stage && later.run->index > run.index
                    && !programUsed(later.script, cleanup->programs).isEmpty())
                    return std::nullopt;
    }
    for (const DockerfileInstruction *later : laterInStage(in.df, run))
        for (const QString &dir : directories)
            if (mentions(*later, QLatin1Char('/') + dir))
                return std::nullopt; // a later line reads or writes the cache
    return LintFix { QStringLiteral("Append `%1` to this RUN").arg(command),
        { appendCommands(in.df, *chain, { command }) } };
}

namespace {

// An `rm` target: an absolute path, maybe with glob characters, matched as sh matches it.
struct RemovedPattern {
    QRegularExpression glob;
    QString literalPrefix; // up to the first glob character: what a line that reads it would name
    bool recursive = false;
    bool needed = false; // it deletes some of the files the rule is about
    bool harmful = false; // it deletes files a layer in between writes

    // Whether it removes `path` (relative, as the tree has it): the path itself, or a directory above.
    bool covers(const QString &path) const
    {
        if (glob.match(path).hasMatch())
            return true;
        for (qsizetype slash = path.indexOf(QLatin1Char('/')); recursive && slash > 0;
             slash = path.indexOf(QLatin1Char('/'), slash + 1))
            if (glob.match(QStringView(path).left(slash)).hasMatch())
                return true;
        return false;
    }
};

// The targets of a command that is a single `rm` of absolute paths written out (no variables, no
// substitutions); empty for anything else.
std::vector<RemovedPattern> removedPatterns(const RunChain::Command &command)
{
    const ShellScript script = parseShellScript(command.text);
    if (!command.simple || script.commands.size() != 1 || !isRm(script.commands.front()))
        return {};
    const ShellCommand &rm = script.commands.front();
    const bool recursive = std::any_of(rm.args.begin(), rm.args.end(), [](const ShellWord &w) {
        return w.text == QLatin1String("--recursive")
            || (w.text.startsWith(QLatin1Char('-')) && !w.text.startsWith(QLatin1String("--"))
                && (w.text.contains(QLatin1Char('r')) || w.text.contains(QLatin1Char('R'))));
    });
    std::vector<RemovedPattern> out;
    for (QString path : removedPaths(rm)) {
        if (!path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char('$')) || path.contains(QLatin1Char('`')))
            return {};
        while (path.size() > 1 && path.endsWith(QLatin1Char('/')))
            path.chop(1);
        if (path == QLatin1String("/"))
            return {};
        const qsizetype glob = path.indexOf(QRegularExpression(QStringLiteral("[*?[]")));
        QString prefix = glob < 0 ? path : path.left(glob);
        while (prefix.size() > 1 && prefix.endsWith(QLatin1Char('/')))
            prefix.chop(1);
        out.push_back(
            { QRegularExpression::fromWildcard(QStringView(path).mid(1), Qt::CaseSensitive), prefix, recursive });
    }
    return out;
}

} // namespace

std::optional<LintFix> fixDeleteWhereCreated(const LintInput &in, const DockerfileInstruction &writer,
    const DockerfileInstruction &deleter, int storedIn, int hiddenIn)
{
    const auto target = readRunChain(in.df, writer);
    const auto source = readRunChain(in.df, deleter);
    if (!target || !source || !target->appendable || writer.index >= deleter.index)
        return std::nullopt;
    std::vector<const DockerfileInstruction *> readers; // instructions that run between the two places
    for (const DockerfileInstruction &instr : in.df.instructions)
        if (instr.stage == writer.stage && instr.index > writer.index && instr.index < deleter.index)
            readers.push_back(&instr);

    // The `rm` commands that nothing between the two places names. The cheap text checks come first:
    // most RUNs have none, and the image is not walked for them.
    std::vector<std::vector<RemovedPattern>> candidates(source->commands.size());
    bool any = false;
    for (size_t k = 0; k < source->commands.size(); ++k) {
        std::vector<RemovedPattern> patterns = removedPatterns(source->commands[k]);
        const bool unread = std::all_of(patterns.begin(), patterns.end(), [&](const RemovedPattern &pattern) {
            return std::none_of(readers.begin(), readers.end(),
                       [&](const DockerfileInstruction *instr) { return mentions(*instr, pattern.literalPrefix); })
                && std::none_of(source->commands.begin(), source->commands.begin() + qsizetype(k),
                    [&](const RunChain::Command &earlier) { return earlier.text.contains(pattern.literalPrefix); });
        });
        if (unread && !patterns.empty()) {
            candidates[k] = std::move(patterns);
            any = true;
        }
    }
    if (!any)
        return std::nullopt;
    const Image &image = in.image->image();
    auto dropWhere = [&](const QString &path, bool wanted) {
        for (auto &patterns : candidates)
            for (RemovedPattern &pattern : patterns)
                if (pattern.covers(path))
                    (wanted ? pattern.needed : pattern.harmful) = true;
    };
    // Each path of the rm must delete something the writer stored ...
    for (const HiddenFile &file : in.image->analysis().hidden)
        if (file.deleted && file.storedIn == storedIn && file.hiddenIn == hiddenIn)
            dropWhere(QString::fromStdString(image.tree.path(file.node)), true);
    // ... and nothing a layer in between writes: moved before it, the rm would delete it too early.
    for (int layer = storedIn + 1; layer < hiddenIn; ++layer)
        for (const LayerEntry &entry : image.layers[size_t(layer)].entries)
            if (entry.type != EntryType::Whiteout && entry.type != EntryType::OpaqueWhiteout)
                dropWhere(QString::fromUtf8(image.layers[size_t(layer)].path(entry)), false);
    for (auto &patterns : candidates)
        if (!std::all_of(
                patterns.begin(), patterns.end(), [](const RemovedPattern &p) { return p.needed && !p.harmful; }))
            patterns.clear();
    std::vector<bool> move(source->commands.size(), false);
    QStringList moved;
    for (size_t k = 0; k < source->commands.size(); ++k)
        if (!candidates[k].empty()) {
            move[k] = true;
            moved << source->commands[k].text;
        }
    if (moved.isEmpty())
        return std::nullopt;
    const auto dropped = dropCommands(in.df, *source, move);
    if (!dropped)
        return std::nullopt;
    std::vector<TextEdit> edits { appendCommands(in.df, *target, moved) };
    edits.insert(edits.end(), dropped->begin(), dropped->end());
    QStringList quoted;
    for (const QString &command : moved)
        quoted << QLatin1Char('`') + command + QLatin1Char('`');
    return LintFix {
        QStringLiteral("Move %1 from line %2 into this RUN").arg(quoted.join(QStringLiteral(", "))).arg(deleter.line),
        std::move(edits)
    };
}

} // namespace ballast::detail
