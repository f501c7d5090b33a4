#include "dockerfile/parse/LogicalLines.h"

#include "dockerfile/shell/WordExpander.h"

#include <QRegularExpression>

namespace ballast::detail {
namespace {

int leadingSpace(const QString &line)
{
    int i = 0;
    while (i < line.size() && (line[i] == QLatin1Char(' ') || line[i] == QLatin1Char('\t')))
        ++i;
    return i;
}

bool isBlank(const QString &line)
{
    return leadingSpace(line) == line.size();
}

bool isComment(const QString &line)
{
    const int i = leadingSpace(line);
    return i < line.size() && line[i] == QLatin1Char('#');
}

// A line continues when its last character other than spaces and tabs is the escape character
// (BuildKit: lineContinuationRegex `\\[ \t]*$`). Returns the text without the escape, or -1.
int continuationCut(const QString &line, QChar escape)
{
    int end = int(line.size());
    while (end > 0 && (line[end - 1] == QLatin1Char(' ') || line[end - 1] == QLatin1Char('\t')))
        --end;
    return end > 0 && line[end - 1] == escape ? end - 1 : -1;
}

const QStringList KnownDirectives = { QStringLiteral("syntax"), QStringLiteral("escape"), QStringLiteral("check") };

// Parser directives at the top (Dockerfile reference, "Parser directives"). Returns the first line
// index after them.
int readDirectives(const QStringList &lines, SplitDockerfile &out)
{
    static const QRegularExpression directive(
        QStringLiteral("^#[ \\t]*([a-zA-Z][a-zA-Z0-9]*)[ \\t]*=[ \\t]*(.+?)[ \\t]*$"));
    int i = 0;
    for (; i < lines.size(); ++i) {
        const auto match = directive.match(lines[i]);
        if (!match.hasMatch())
            break;
        const QString name = match.captured(1).toLower();
        if (!KnownDirectives.contains(name))
            break; // an unknown directive is a comment, and ends the directives
        const QString value = match.captured(2);
        bool duplicate = false;
        for (const auto &d : out.directives)
            duplicate = duplicate || d.name == name;
        if (duplicate) {
            out.errors.push_back(
                { i + 1, 1, i + 1, QStringLiteral("only one %1 parser directive can be used").arg(name) });
            continue;
        }
        if (name == QLatin1String("escape")) {
            if (value != QLatin1String("\\") && value != QLatin1String("`")) {
                out.errors.push_back({ i + 1, int(match.capturedStart(2)) + 1, i + 1,
                    QStringLiteral("invalid escape token '%1': use \\ or `").arg(value) });
                continue;
            }
            out.escape = value[0];
        }
        out.directives.push_back({ name, value, i + 1 });
    }
    return i;
}

// Here-documents named by the words of an instruction line (BuildKit: heredocsFromLine, a word
// `[n]<<[-]WORD`; quoting any part of WORD turns expansion off).
std::vector<Heredoc> heredocsOf(const QString &text, QChar escape)
{
    static const QRegularExpression marker(QStringLiteral("^\\d*<<(-?)([^<]*)$"));
    std::vector<Heredoc> out;
    const WordExpander unquote(escape, {});
    for (const RawWord &word : splitRawWords(text, escape)) {
        const auto match = marker.match(word.text);
        if (!match.hasMatch() || match.captured(2).isEmpty())
            continue;
        Heredoc doc;
        doc.stripTabs = !match.captured(1).isEmpty();
        const QString rest = match.captured(2);
        doc.expand = !rest.contains(QLatin1Char('"')) && !rest.contains(QLatin1Char('\''));
        doc.delimiter = unquote.word(rest);
        if (!doc.delimiter.isEmpty())
            out.push_back(doc);
    }
    return out;
}

QString stripLeadingTabs(const QString &line)
{
    int i = 0;
    while (i < line.size() && line[i] == QLatin1Char('\t'))
        ++i;
    return line.mid(i);
}

// Reads the bodies of `docs` starting at line index `next`. Returns the index after the last
// delimiter, or -1 when one is missing (its error is added and the bodies are dropped).
int readHeredocBodies(const QStringList &lines, int next, LogicalLine &logical, SplitDockerfile &out)
{
    int i = next;
    for (Heredoc &doc : logical.heredocs) {
        doc.startLine = i + 1;
        bool terminated = false;
        for (; i < lines.size(); ++i) {
            const QString candidate = doc.stripTabs ? stripLeadingTabs(lines[i]) : lines[i];
            if (candidate == doc.delimiter) {
                terminated = true;
                doc.endLine = i + 1;
                ++i;
                break;
            }
            doc.content += candidate + QLatin1Char('\n');
        }
        if (!terminated) {
            const int at = int(
                logical.text.indexOf(QLatin1String("<<") + QString(doc.stripTabs ? QStringLiteral("-") : QString())));
            const SourcePosition pos = positionIn(logical.segments, std::max(at, 0));
            out.errors.push_back({ pos.line, pos.column, logical.endLine,
                QStringLiteral("unterminated heredoc: no line with only \"%1\" follows").arg(doc.delimiter) });
            logical.heredocs.clear();
            return -1;
        }
    }
    return i;
}

} // namespace

QStringList sourceLines(const QString &text)
{
    QString normalized = text;
    if (normalized.startsWith(QChar(0xFEFF)))
        normalized.remove(0, 1);
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QStringList lines = normalized.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.back().isEmpty())
        lines.removeLast(); // the final line end does not start a line
    return lines;
}

SourcePosition positionIn(const std::vector<DockerfileInstruction::Segment> &segments, int offset)
{
    if (segments.empty())
        return {};
    size_t k = 0;
    while (k + 1 < segments.size() && segments[k + 1].offset <= offset)
        ++k;
    return { segments[k].line, segments[k].column + (offset - segments[k].offset) };
}

SplitDockerfile splitDockerfile(const QStringList &lines)
{
    SplitDockerfile out;
    int i = readDirectives(lines, out);
    const QChar escape = out.escape;
    while (i < lines.size()) {
        const QString &first = lines[i];
        if (isBlank(first)) {
            ++i;
            continue;
        }
        const int indent = leadingSpace(first);
        if (first[indent] == QLatin1Char('#')) {
            out.comments.push_back({ i + 1, indent + 1, first.mid(indent + 1) });
            ++i;
            continue;
        }
        LogicalLine logical;
        logical.line = i + 1;
        logical.column = indent + 1;
        QString piece = first.mid(indent);
        int pieceColumn = indent + 1;
        while (true) {
            const int cut = continuationCut(piece, escape);
            logical.segments.push_back({ int(logical.text.size()), i + 1, pieceColumn });
            logical.text += cut >= 0 ? piece.left(cut) : piece;
            if (cut < 0)
                break;
            // Continuation: skip comment lines and blank lines (BuildKit drops both).
            int next = i + 1;
            while (next < lines.size() && (isComment(lines[next]) || isBlank(lines[next]))) {
                if (isComment(lines[next])) {
                    const int at = leadingSpace(lines[next]);
                    out.comments.push_back({ next + 1, at + 1, lines[next].mid(at + 1) });
                }
                ++next;
            }
            if (next >= lines.size())
                break; // the file ends inside the continuation
            i = next;
            piece = lines[i];
            pieceColumn = 1;
        }
        logical.endLine = i + 1;
        ++i;
        const QString keyword = logical.text.section(QLatin1Char(' '), 0, 0).section(QLatin1Char('\t'), 0, 0).toUpper();
        if (keyword == QLatin1String("RUN") || keyword == QLatin1String("COPY") || keyword == QLatin1String("ADD")) {
            logical.heredocs = heredocsOf(logical.text, escape);
            if (!logical.heredocs.empty()) {
                const int after = readHeredocBodies(lines, i, logical, out);
                if (after >= 0) {
                    i = after;
                    logical.endLine = logical.heredocs.back().endLine;
                }
            }
        }
        out.logicalLines.push_back(std::move(logical));
    }
    return out;
}

} // namespace ballast::detail
