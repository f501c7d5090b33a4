// The driver of the Dockerfile parser: logical lines → instructions, with the build variables in
// scope at each instruction and the stages (Dockerfile reference: "ARG", "Scope", "Understand how ARG
// and FROM interact", "ENV", "FROM").
#include "dockerfile/parse/Dockerfile.h"
#include "dockerfile/parse/InstructionParser.h"
#include "dockerfile/parse/LogicalLines.h"

#include <algorithm>
#include <tuple>

namespace ballast {
namespace {

using Value = std::optional<QString>;

// ARG and ENV values visible to an instruction. ARGs declared before the first FROM are visible to
// FROM lines only; inside a stage an ARG is visible from its declaration to the end of the stage,
// and ENV (inherited from a parent stage) wins over an ARG of the same name.
struct Scope {
    QMap<QString, Value> meta;
    QMap<QString, Value> args;
    QMap<QString, QString> env;

    Value lookupMeta(const QString &name) const { return meta.value(name, std::nullopt); }
    Value lookupStage(const QString &name) const
    {
        if (auto it = env.constFind(name); it != env.constEnd())
            return *it;
        return args.value(name, std::nullopt);
    }
};

void addAutomaticArgs(Scope &scope, const ParseOptions &options)
{
    const QStringList parts = options.targetPlatform.split(QLatin1Char('/'));
    for (const QString &prefix : { QStringLiteral("TARGET"), QStringLiteral("BUILD") }) {
        scope.meta[prefix + QStringLiteral("PLATFORM")] = options.targetPlatform;
        scope.meta[prefix + QStringLiteral("OS")] = parts.value(0);
        scope.meta[prefix + QStringLiteral("ARCH")] = parts.value(1);
        scope.meta[prefix + QStringLiteral("VARIANT")] = parts.value(2);
    }
}

void splitImageReference(DockerfileStage &stage)
{
    QString ref = stage.baseName;
    if (const int at = int(ref.indexOf(QLatin1Char('@'))); at >= 0) {
        stage.digest = ref.mid(at + 1);
        ref = ref.left(at);
    }
    const int colon = int(ref.lastIndexOf(QLatin1Char(':')));
    if (colon > ref.lastIndexOf(QLatin1Char('/'))) {
        stage.tag = ref.mid(colon + 1);
        ref = ref.left(colon);
    }
    stage.image = ref;
}

class Driver {
public:
    Driver(Dockerfile &df, const ParseOptions &options)
        : m_df(df)
        , m_options(options)
    {
        addAutomaticArgs(m_scope, options);
    }

    void add(const detail::LogicalLine &line)
    {
        const bool isFrom = line.text.left(4).compare(QLatin1String("FROM"), Qt::CaseInsensitive) == 0
            && (line.text.size() == 4 || line.text[4].isSpace());
        const bool meta = isFrom || m_df.stages.empty();
        const WordExpander expander(m_df.escape,
            [this, meta](const QString &name) { return meta ? m_scope.lookupMeta(name) : m_scope.lookupStage(name); });
        detail::ParsedInstruction parsed = detail::parseInstruction(line, expander);
        for (auto &e : parsed.errors)
            m_df.errors.push_back(std::move(e));
        if (!parsed.instruction)
            return;
        DockerfileInstruction &in = *parsed.instruction;
        in.index = int(m_df.instructions.size());
        if (in.keyword == QLatin1String("FROM"))
            startStage(in);
        else if (in.keyword == QLatin1String("ARG"))
            declareArgs(in);
        else if (in.keyword == QLatin1String("ENV"))
            for (const KeyValue &kv : in.keyValues)
                m_scope.env[kv.key] = kv.value;
        if (m_df.stages.empty() && in.keyword != QLatin1String("ARG") && !m_reportedNoFrom) {
            m_df.errors.push_back({ in.line, in.column, in.endLine,
                QStringLiteral("%1 before the first FROM: only ARG may come before FROM").arg(in.keyword) });
            m_reportedNoFrom = true;
        }
        in.stage = int(m_df.stages.size()) - 1;
        if (in.stage >= 0) {
            DockerfileStage &stage = m_df.stages.back();
            stage.last = in.index;
            stage.env = m_scope.env;
        }
        m_df.instructions.push_back(std::move(in));
    }

    void finish()
    {
        if (m_df.instructions.empty()) {
            m_df.errors.push_back({ 1, 1, std::max(1, int(m_df.lines.size())),
                QStringLiteral("the Dockerfile has no instructions: it needs a FROM") });
        } else if (m_df.stages.empty() && !m_reportedNoFrom) {
            const auto &first = m_df.instructions.front();
            m_df.errors.push_back(
                { first.line, first.column, first.endLine, QStringLiteral("the Dockerfile has no FROM") });
        }
        m_df.finalStage = int(m_df.stages.size()) - 1;
        if (!m_options.target.isEmpty()) {
            for (size_t i = 0; i < m_df.stages.size(); ++i)
                if (m_df.stages[i].name == m_options.target.toLower())
                    m_df.finalStage = int(i);
        }
        std::sort(m_df.errors.begin(), m_df.errors.end(), [](const DockerfileError &a, const DockerfileError &b) {
            return std::tie(a.line, a.column) < std::tie(b.line, b.column);
        });
    }

private:
    void startStage(const DockerfileInstruction &in)
    {
        DockerfileStage stage;
        stage.from = stage.first = stage.last = in.index;
        stage.baseName = in.words.value(0);
        stage.rawBaseName = in.rawWords.value(0);
        if (in.words.size() == 3)
            stage.name = in.words[2].toLower();
        if (const InstructionFlag *platform = in.flag(QStringLiteral("platform")))
            stage.platform = platform->value;
        splitImageReference(stage);
        for (size_t i = 0; i < m_df.stages.size(); ++i)
            if (!m_df.stages[i].name.isEmpty() && m_df.stages[i].name == stage.baseName.toLower())
                stage.parentStage = int(i);
        m_scope.args.clear();
        m_scope.env = stage.parentStage >= 0 ? m_df.stages[size_t(stage.parentStage)].env : QMap<QString, QString>();
        stage.env = m_scope.env;
        m_df.stages.push_back(std::move(stage));
    }

    void declareArgs(const DockerfileInstruction &in)
    {
        for (const KeyValue &kv : in.keyValues) {
            Value value;
            if (m_options.buildArgs.contains(kv.key))
                value = m_options.buildArgs.value(kv.key);
            else if (kv.hasValue)
                value = kv.value;
            else if (m_df.stages.empty() || m_scope.meta.contains(kv.key))
                value = m_scope.lookupMeta(kv.key); // a global ARG redeclared in a stage keeps its value
            if (m_df.stages.empty())
                m_scope.meta[kv.key] = value;
            else
                m_scope.args[kv.key] = value;
        }
    }

    Dockerfile &m_df;
    const ParseOptions &m_options;
    Scope m_scope;
    bool m_reportedNoFrom = false;
};

} // namespace

SourcePosition DockerfileInstruction::positionOf(int originalOffset) const
{
    return detail::positionIn(segments, originalOffset);
}

const InstructionFlag *DockerfileInstruction::flag(const QString &name) const
{
    for (const InstructionFlag &f : flags)
        if (f.name == name)
            return &f;
    return nullptr;
}

const DockerfileInstruction *Dockerfile::instructionAt(int line) const
{
    auto it = std::lower_bound(instructions.begin(), instructions.end(), line,
        [](const DockerfileInstruction &in, int l) { return in.endLine < l; });
    return it != instructions.end() && it->line <= line ? &*it : nullptr;
}

const DockerfileComment *Dockerfile::commentAt(int line) const
{
    auto it = std::lower_bound(
        comments.begin(), comments.end(), line, [](const DockerfileComment &c, int l) { return c.line < l; });
    return it != comments.end() && it->line == line ? &*it : nullptr;
}

const ParserDirective *Dockerfile::directive(const QString &name) const
{
    for (const ParserDirective &d : directives)
        if (d.name == name)
            return &d;
    return nullptr;
}

Dockerfile parseDockerfile(const QString &text, const ParseOptions &options)
{
    Dockerfile df;
    df.lines = detail::sourceLines(text);
    detail::SplitDockerfile split = detail::splitDockerfile(df.lines);
    df.directives = std::move(split.directives);
    df.escape = split.escape;
    df.comments = std::move(split.comments);
    std::sort(df.comments.begin(), df.comments.end(), [](const auto &a, const auto &b) { return a.line < b.line; });
    df.errors = std::move(split.errors);
    Driver driver(df, options);
    for (const auto &line : split.logicalLines)
        driver.add(line);
    driver.finish();
    return df;
}

} // namespace ballast
