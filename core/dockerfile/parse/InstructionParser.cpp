#include "dockerfile/parse/InstructionParser.h"
#include "dockerfile/parse/Instructions.h"

#include <nlohmann/json.hpp>

namespace ballast::detail {
namespace {

int skipSpace(const QString &text, int i)
{
    while (i < text.size() && text[i].isSpace())
        ++i;
    return i;
}

class Parser {
public:
    Parser(const LogicalLine &line, const WordExpander &expander)
        : m_line(line)
        , m_ex(expander)
        , m_raw(expander.escape(), {})
    { }

    ParsedInstruction run()
    {
        ParsedInstruction out;
        const QString &text = m_line.text;
        const int keywordEnd = rawWordEnd(text, 0, QChar());
        DockerfileInstruction in;
        in.keyword = text.left(keywordEnd).toUpper();
        in.original = text;
        in.segments = m_line.segments;
        in.heredocs = m_line.heredocs;
        in.line = m_line.line;
        in.endLine = m_line.endLine;
        in.column = m_line.column;
        if (!isKnownKeyword(in.keyword)) {
            error(0, QStringLiteral("unknown instruction: %1").arg(text.left(keywordEnd)));
            out.errors = std::move(m_errors);
            return out;
        }
        int pos = readFlags(in, skipSpace(text, keywordEnd));
        in.argumentsOffset = pos;
        in.arguments = text.mid(pos).trimmed();
        const SourcePosition argsAt = positionIn(in.segments, pos);
        in.argumentsLine = argsAt.line;
        in.argumentsColumn = argsAt.column;
        in.expanded = substitutesVariables(in.keyword) ? m_ex.substitute(in.arguments) : in.arguments;
        if (in.arguments.isEmpty())
            error(0, QStringLiteral("%1 requires at least one argument").arg(in.keyword));
        else
            parseArguments(in);
        out.instruction = std::move(in);
        out.errors = std::move(m_errors);
        return out;
    }

private:
    void error(int offset, const QString &message)
    {
        const SourcePosition pos = positionIn(m_line.segments, offset);
        m_errors.push_back({ pos.line, pos.column, m_line.endLine, message });
    }

    // `--name[=value]` words before the arguments (BuildKit: extractBuilderFlags).
    int readFlags(DockerfileInstruction &in, int pos)
    {
        const QString &text = m_line.text;
        const QStringList allowed = instructionKind(in.keyword)->flags;
        while (pos + 1 < text.size() && text.mid(pos, 2) == QLatin1String("--")) {
            const int end = rawWordEnd(text, pos, m_ex.escape());
            const QString word = text.mid(pos, end - pos);
            if (word == QLatin1String("--")) {
                pos = skipSpace(text, end);
                break;
            }
            InstructionFlag flag;
            const int eq = int(word.indexOf(QLatin1Char('=')));
            flag.name = word.mid(2, eq < 0 ? -1 : eq - 2);
            if (eq >= 0) {
                flag.hasValue = true;
                flag.value = m_ex.word(QStringView(word).mid(eq + 1));
            }
            const SourcePosition at = positionIn(m_line.segments, pos);
            flag.line = at.line;
            flag.column = at.column;
            if (!allowed.contains(flag.name))
                error(pos, QStringLiteral("unknown flag --%1 for %2").arg(flag.name, in.keyword));
            in.flags.push_back(flag);
            pos = skipSpace(text, end);
        }
        return pos;
    }

    void parseArguments(DockerfileInstruction &in)
    {
        const QString &k = in.keyword;
        if (k == QLatin1String("RUN") || k == QLatin1String("CMD") || k == QLatin1String("ENTRYPOINT")
            || k == QLatin1String("SHELL")) {
            commandForm(in, in.arguments);
            if (k == QLatin1String("SHELL") && in.form != InstructionForm::Exec)
                error(in.argumentsOffset, QStringLiteral("SHELL requires the arguments to be in JSON form"));
        } else if (k == QLatin1String("COPY") || k == QLatin1String("ADD")) {
            pathArguments(in);
            if (in.words.size() < 2)
                error(in.argumentsOffset,
                    QStringLiteral("%1 requires at least two arguments: the source and the destination").arg(k));
        } else if (k == QLatin1String("ENV") || k == QLatin1String("LABEL")) {
            nameValues(in, true);
        } else if (k == QLatin1String("ARG")) {
            nameValues(in, false);
        } else if (k == QLatin1String("FROM")) {
            in.words = m_ex.words(in.arguments);
            in.rawWords = m_raw.words(in.arguments);
            const bool named
                = in.words.size() == 3 && in.words[1].compare(QLatin1String("AS"), Qt::CaseInsensitive) == 0;
            if (in.words.size() != 1 && !named)
                error(in.argumentsOffset, QStringLiteral("FROM takes an image and optionally `AS name`"));
        } else if (k == QLatin1String("VOLUME")) {
            pathArguments(in);
        } else if (k == QLatin1String("HEALTHCHECK")) {
            healthcheck(in);
        } else if (k == QLatin1String("ONBUILD")) {
            onbuild(in);
        } else {
            in.words = m_ex.words(in.arguments);
            in.rawWords = m_raw.words(in.arguments);
        }
    }

    void commandForm(DockerfileInstruction &in, const QString &text)
    {
        if (!in.heredocs.empty()) {
            in.form = InstructionForm::Shell;
        } else if (auto exec = parseExecForm(text)) {
            in.form = InstructionForm::Exec;
            in.execArgs = *exec;
        } else {
            in.form = InstructionForm::Shell;
        }
    }

    // COPY, ADD, VOLUME: a JSON array or words, substituted.
    void pathArguments(DockerfileInstruction &in)
    {
        if (auto exec = parseExecForm(in.arguments)) {
            in.form = InstructionForm::Exec;
            in.execArgs = *exec;
            for (const QString &arg : *exec) {
                in.words.push_back(m_ex.word(arg));
                in.rawWords.push_back(arg);
            }
            return;
        }
        in.form = InstructionForm::Shell;
        in.words = m_ex.words(in.arguments);
        in.rawWords = m_raw.words(in.arguments);
    }

    // ENV and LABEL `key=value …` (or the legacy `key value`), ARG `name[=default] …`.
    void nameValues(DockerfileInstruction &in, bool legacyAllowed)
    {
        in.words = m_ex.words(in.arguments);
        in.rawWords = m_raw.words(in.arguments);
        const std::vector<RawWord> raw = splitRawWords(in.arguments, m_ex.escape());
        const int base = in.argumentsOffset;
        if (raw.empty())
            return;
        if (legacyAllowed && !raw[0].text.contains(QLatin1Char('='))) {
            const QString rest = in.arguments.mid(raw[0].offset + raw[0].text.size()).trimmed();
            if (rest.isEmpty()) {
                error(base, QStringLiteral("%1 needs a value: `%1 %2=value`").arg(in.keyword, raw[0].text));
                return;
            }
            in.keyValues.push_back({ m_raw.word(raw[0].text), m_ex.word(rest), m_raw.word(rest), true });
            return;
        }
        for (const RawWord &word : raw) {
            const int eq = int(word.text.indexOf(QLatin1Char('=')));
            if (eq < 0 && legacyAllowed) {
                error(base + word.offset,
                    QStringLiteral("can't find = in \"%1\": must be of the form name=value").arg(word.text));
                continue;
            }
            KeyValue kv;
            kv.key = m_raw.word(QStringView(word.text).left(eq < 0 ? word.text.size() : eq));
            if (kv.key.isEmpty()) {
                error(base + word.offset, QStringLiteral("%1 names can not be blank").arg(in.keyword));
                continue;
            }
            kv.hasValue = eq >= 0;
            if (kv.hasValue) {
                kv.value = m_ex.word(QStringView(word.text).mid(eq + 1));
                kv.rawValue = m_raw.word(QStringView(word.text).mid(eq + 1));
            }
            in.keyValues.push_back(kv);
        }
    }

    void healthcheck(DockerfileInstruction &in)
    {
        in.words = m_raw.words(in.arguments);
        const QString first = in.words.value(0).toUpper();
        if (first == QLatin1String("NONE"))
            return;
        if (first != QLatin1String("CMD")) {
            error(in.argumentsOffset, QStringLiteral("HEALTHCHECK takes NONE or CMD followed by a command"));
            return;
        }
        commandForm(in, in.arguments.mid(3).trimmed());
    }

    void onbuild(DockerfileInstruction &in)
    {
        LogicalLine inner;
        inner.text = in.original.mid(in.argumentsOffset);
        while (!inner.text.isEmpty() && inner.text.back().isSpace())
            inner.text.chop(1);
        for (const auto &segment : m_line.segments) {
            const int offset = segment.offset - in.argumentsOffset;
            if (offset <= 0)
                inner.segments = { { 0, segment.line, segment.column - offset } };
            else
                inner.segments.push_back({ offset, segment.line, segment.column });
        }
        const SourcePosition at = positionIn(m_line.segments, in.argumentsOffset);
        inner.line = at.line;
        inner.column = at.column;
        inner.endLine = m_line.endLine;
        // ONBUILD triggers are substituted when they run in the downstream build, not here.
        const WordExpander raw(m_ex.escape(), {});
        ParsedInstruction parsed = parseInstruction(inner, raw);
        for (auto &e : parsed.errors)
            m_errors.push_back(e);
        if (!parsed.instruction)
            return;
        const QString &trigger = parsed.instruction->keyword;
        if (!instructionKind(trigger)->onbuildTrigger) {
            error(in.argumentsOffset, QStringLiteral("%1 isn't allowed as an ONBUILD trigger").arg(trigger));
            return;
        }
        parsed.instruction->line = in.line;
        in.onbuild = std::make_shared<const DockerfileInstruction>(std::move(*parsed.instruction));
    }

    const LogicalLine &m_line;
    const WordExpander &m_ex;
    WordExpander m_raw;
    std::vector<DockerfileError> m_errors;
};

} // namespace

bool isKnownKeyword(const QString &upperKeyword)
{
    return instructionKind(upperKeyword) != nullptr;
}

bool substitutesVariables(const QString &upperKeyword)
{
    const InstructionKind *kind = instructionKind(upperKeyword);
    return kind && kind->substitutesVariables;
}

std::optional<QStringList> parseExecForm(const QString &text)
{
    // Strict JSON (BuildKit uses Go's encoding/json): `["c:\windows"]` is not JSON, so it is shell form.
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(QLatin1Char('[')))
        return std::nullopt;
    const auto doc = nlohmann::json::parse(trimmed.toStdString(), nullptr, false);
    if (doc.is_discarded() || !doc.is_array())
        return std::nullopt;
    QStringList out;
    for (const auto &value : doc) {
        if (!value.is_string())
            return std::nullopt;
        out.push_back(QString::fromStdString(value.get<std::string>()));
    }
    return out;
}

ParsedInstruction parseInstruction(const LogicalLine &line, const WordExpander &expander)
{
    return Parser(line, expander).run();
}

} // namespace ballast::detail
