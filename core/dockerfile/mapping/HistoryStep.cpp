#include "dockerfile/mapping/HistoryStep.h"

#include "dockerfile/parse/InstructionParser.h"
#include "dockerfile/parse/Instructions.h"
#include "dockerfile/shell/WordExpander.h"

#include <QRegularExpression>
#include <algorithm>

namespace ballast {
namespace {

// Instructions classic docker records as themselves (without `#(nop)`): all but FROM and RUN.
bool isMetadataKeyword(const QString &word)
{
    return word != QLatin1String("FROM") && word != QLatin1String("RUN") && instructionKind(word);
}

// `|2 A=1 B=2 ` before a RUN's shell: the build args the step saw (classic docker and BuildKit).
QString stripBuildArgs(const QString &text)
{
    static const QRegularExpression prefix(QStringLiteral("^\\|(\\d+) "));
    const auto match = prefix.match(text);
    if (!match.hasMatch())
        return text;
    int count = match.captured(1).toInt();
    int i = int(match.capturedLength());
    while (count-- > 0 && i < text.size()) {
        const int space = int(text.indexOf(QLatin1Char(' '), i));
        i = space < 0 ? int(text.size()) : space + 1;
    }
    return text.mid(i);
}

// Go's %q of a string slice: `["a" "b c"]`.
std::optional<QStringList> parseGoQuotedList(const QString &text)
{
    const QString t = text.trimmed();
    if (!t.startsWith(QLatin1Char('[')) || !t.endsWith(QLatin1Char(']')))
        return std::nullopt;
    QStringList out;
    int i = 1;
    const int end = int(t.size()) - 1;
    while (i < end) {
        while (i < end && t[i] == QLatin1Char(' '))
            ++i;
        if (i >= end)
            break;
        if (t[i] != QLatin1Char('"'))
            return std::nullopt;
        QString item;
        ++i;
        while (i < end && t[i] != QLatin1Char('"')) {
            if (t[i] == QLatin1Char('\\') && i + 1 < end) {
                const QChar e = t[i + 1];
                item += e == QLatin1Char('n') ? QChar(QLatin1Char('\n'))
                    : e == QLatin1Char('t')   ? QChar(QLatin1Char('\t'))
                                              : e;
                i += 2;
                continue;
            }
            item += t[i++];
        }
        ++i;
        out.push_back(item);
    }
    return out;
}

QStringList normalizedPorts(const QStringList &ports)
{
    QStringList out;
    for (QString port : ports) {
        if (port.isEmpty())
            continue;
        if (!port.contains(QLatin1Char('/')))
            port += QStringLiteral("/tcp");
        out.push_back(port.toLower());
    }
    out.sort();
    out.removeDuplicates();
    return out;
}

QStringList recordedPorts(const QString &text)
{
    if (text.startsWith(QLatin1String("map["))) { // BuildKit: EXPOSE map[80/tcp:{} 443/tcp:{}]
        static const QRegularExpression port(QStringLiteral("([0-9][0-9-]*/[a-z]+):\\{\\}"));
        QStringList out;
        for (auto it = port.globalMatch(text); it.hasNext();)
            out.push_back(it.next().captured(1));
        return normalizedPorts(out);
    }
    return normalizedPorts(text.split(QLatin1Char(' '), Qt::SkipEmptyParts));
}

// Words of a recorded metadata value, with the JSON/Go list punctuation removed.
QStringList looseWords(const QString &text)
{
    QString t = text;
    for (QChar c : { QLatin1Char('['), QLatin1Char(']'), QLatin1Char(','), QLatin1Char('"') })
        t.replace(c, QLatin1Char(' '));
    return t.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

using Pairs = std::vector<std::pair<QString, QString>>;

Pairs recordedPairs(const QString &text)
{
    const WordExpander unquote(QLatin1Char('\\'), {});
    Pairs out;
    const QStringList words = unquote.words(text);
    if (!words.isEmpty() && !words[0].contains(QLatin1Char('='))) { // legacy `ENV key value`
        const std::vector<RawWord> raw = splitRawWords(text, QLatin1Char('\\'));
        out.push_back({ words[0], unquote.word(text.mid(raw[0].offset + raw[0].text.size()).trimmed()) });
        return out;
    }
    for (const QString &w : words)
        out.push_back({ w.section(QLatin1Char('='), 0, 0), w.section(QLatin1Char('='), 1) });
    return out;
}

bool samePairs(const Pairs &recorded, const std::vector<KeyValue> &kvs, bool raw, bool keysOnly)
{
    if (recorded.size() != kvs.size())
        return false;
    for (size_t i = 0; i < kvs.size(); ++i)
        if (recorded[i].first != kvs[i].key
            || (!keysOnly && recorded[i].second != (raw ? kvs[i].rawValue : kvs[i].value)))
            return false;
    return true;
}

QString trimSlashes(QString path)
{
    while (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

bool isKeyword(const QString &k, const char *name)
{
    return k == QLatin1String(name);
}

bool containsExactly(const QStringList &list, const QString &text)
{
    return std::any_of(list.begin(), list.end(), [&](const QString &t) { return t == text; });
}

} // namespace

const char *confidenceName(MatchConfidence confidence)
{
    switch (confidence) {
    case MatchConfidence::Exact:
        return "exact";
    case MatchConfidence::Likely:
        return "likely";
    case MatchConfidence::Unmatched:
        return "unmatched";
    }
    return "unmatched";
}

QString collapseWhitespace(const QString &text)
{
    return text.simplified();
}

namespace {

HistoryStep splitCreatedBy(const QString &createdBy)
{
    static const QRegularExpression nop(QStringLiteral("^(?:\\S+(?: -\\S+)* )?#\\(nop\\)\\s*"));
    HistoryStep step;
    QString s = createdBy.trimmed();
    if (s.endsWith(QLatin1String("# buildkit"))) {
        s.chop(10);
        s = s.trimmed();
        step.buildkit = true;
    }
    if (s.startsWith(QLatin1String("RUN "))) { // BuildKit, kaniko
        step.keyword = QStringLiteral("RUN");
        step.text = stripBuildArgs(s.mid(4).trimmed());
    } else if (s.startsWith(QLatin1Char('|'))) {
        step.keyword = QStringLiteral("RUN");
        step.text = stripBuildArgs(s);
    } else if (const auto m = nop.match(s); m.hasMatch()) {
        step.nop = true;
        const QString rest = s.mid(m.capturedLength());
        step.keyword = rest.section(QLatin1Char(' '), 0, 0).toUpper();
        step.text = rest.section(QLatin1Char(' '), 1).trimmed();
    } else if (const QString first = s.section(QLatin1Char(' '), 0, 0); isMetadataKeyword(first)) {
        step.keyword = first;
        step.text = s.section(QLatin1Char(' '), 1).trimmed();
    } else {
        step.keyword = QStringLiteral("RUN"); // `/bin/sh -c …` or another shell
        step.text = s;
    }
    return step;
}

} // namespace

HistoryStep parseCreatedBy(const QString &createdBy)
{
    static const QRegularExpression summary(QStringLiteral("^(?:file|dir|multi):[0-9a-f]+ in (.*)$"));
    HistoryStep step = splitCreatedBy(createdBy);
    const QString &k = step.keyword;
    step.normalized = collapseWhitespace(step.text);
    if (isKeyword(k, "COPY") || isKeyword(k, "ADD")) {
        if (const auto m = summary.match(step.text); m.hasMatch()) // classic docker, buildah: only the destination
            step.copyDestination = trimSlashes(m.captured(1).trimmed());
        for (const QString &w : step.text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            if (!w.startsWith(QLatin1String("--")))
                step.words << w;
    } else if (isKeyword(k, "ENV") || isKeyword(k, "LABEL") || isKeyword(k, "ARG")) {
        step.pairs = recordedPairs(step.text);
        step.words = looseWords(step.text);
    } else if (isKeyword(k, "CMD") || isKeyword(k, "ENTRYPOINT")) {
        step.list = detail::parseExecForm(step.text);
        if (!step.list)
            step.list = parseGoQuotedList(step.text);
    } else if (isKeyword(k, "EXPOSE")) {
        step.ports = recordedPorts(step.text);
    } else if (!isKeyword(k, "RUN")) {
        step.words = looseWords(step.text);
    }
    return step;
}

StepMatcher::StepMatcher(const DockerfileInstruction &in, const QStringList &shell)
    : m_in(&in)
{
    const QString &k = in.keyword;
    if (isKeyword(k, "RUN")) {
        const QString shellPrefix = shell.join(QLatin1Char(' ')) + QLatin1Char(' ');
        // buildah records `/bin/sh -c ` and the line as written after the keyword (flags included).
        m_texts << QStringLiteral("/bin/sh -c ") + in.original.mid(in.keyword.size());
        if (in.form == InstructionForm::Exec) {
            m_texts << in.execArgs.join(QLatin1Char(' '));
        } else if (in.hasHeredocs()) {
            const QString &script = in.heredocs.front().content;
            m_texts << shellPrefix + script << script << shellPrefix + in.arguments;
        } else {
            m_texts << shellPrefix + in.arguments << in.arguments;
        }
    } else {
        m_texts << in.arguments << in.expanded;
    }
    for (QString &t : m_texts)
        t = collapseWhitespace(t);
    if (isKeyword(k, "CMD") || isKeyword(k, "ENTRYPOINT"))
        m_effective = in.form == InstructionForm::Exec ? in.execArgs : shell + QStringList { in.arguments };
    if (isKeyword(k, "EXPOSE"))
        m_ports = normalizedPorts(in.words);
    if (!in.words.isEmpty()) {
        m_destination = trimSlashes(in.words.back());
        m_rawDestination = trimSlashes(in.rawWords.value(in.rawWords.size() - 1));
    }
}

bool StepMatcher::exact(const HistoryStep &step) const
{
    const DockerfileInstruction &in = *m_in;
    const QString &k = in.keyword;
    if (isKeyword(k, "RUN"))
        return containsExactly(m_texts, step.normalized);
    if (isKeyword(k, "COPY") || isKeyword(k, "ADD")) {
        if (!step.copyDestination.isEmpty())
            return step.copyDestination == m_destination || step.copyDestination == m_rawDestination;
        return !in.words.isEmpty() && (step.words == in.words || step.words == in.rawWords);
    }
    if (isKeyword(k, "ARG"))
        return samePairs(step.pairs, in.keyValues, false, true);
    if (isKeyword(k, "ENV") || isKeyword(k, "LABEL"))
        return samePairs(step.pairs, in.keyValues, false, false) || samePairs(step.pairs, in.keyValues, true, false)
            || containsExactly(m_texts, step.normalized);
    if (isKeyword(k, "CMD") || isKeyword(k, "ENTRYPOINT"))
        return (step.list && (*step.list == m_effective || *step.list == in.execArgs))
            || containsExactly(m_texts, step.normalized);
    if (isKeyword(k, "EXPOSE"))
        return step.ports == m_ports || step.ports == normalizedPorts(in.rawWords);
    return containsExactly(m_texts, step.normalized) || step.words == in.words || step.words == in.rawWords
        || (!in.execArgs.isEmpty() && step.words == in.execArgs);
}

std::optional<MatchConfidence> StepMatcher::match(const HistoryStep &step) const
{
    if (step.keyword != m_in->keyword)
        return std::nullopt;
    return exact(step) ? MatchConfidence::Exact : MatchConfidence::Likely;
}

std::optional<MatchConfidence> matchHistoryStep(
    const DockerfileInstruction &instruction, const QStringList &shell, const HistoryStep &step)
{
    return StepMatcher(instruction, shell).match(step);
}

} // namespace ballast
