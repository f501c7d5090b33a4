#include "dockerfile/shell/WordExpander.h"

namespace ballast {
namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// One pass over the text, following BuildKit's shell/lex.go: processStopOn, processSingleQuote,
// processDoubleQuote, processDollar.
class Lexer {
public:
    Lexer(QStringView text, const WordExpander &expander, bool keepQuotes)
        : m_s(text)
        , m_ex(expander)
        , m_keepQuotes(keepQuotes)
    { }

    // Reads up to `stop` (not consumed) or the end. With `words`, splits on unquoted whitespace.
    QString run(QChar stop, QStringList *words)
    {
        QString current;
        bool started = false;
        const int n = int(m_s.size());
        while (m_i < n) {
            const QChar c = m_s[m_i];
            if (!stop.isNull() && c == stop)
                break;
            if (words && c.isSpace()) {
                if (started)
                    words->push_back(current);
                current.clear();
                started = false;
                ++m_i;
                continue;
            }
            if (c == QLatin1Char('$')) {
                // An unquoted expansion is split on its whitespace, and one to nothing makes no
                // word of its own (lex.go: wordsStruct.addString).
                for (const QChar ch : dollar()) {
                    if (words && ch.isSpace()) {
                        if (started)
                            words->push_back(current);
                        current.clear();
                        started = false;
                    } else {
                        current += ch;
                        started = true;
                    }
                }
                continue;
            }
            started = true;
            if (c == m_ex.escape())
                escaped(current);
            else if (c == QLatin1Char('\''))
                singleQuoted(current);
            else if (c == QLatin1Char('"'))
                doubleQuoted(current);
            else {
                current += c;
                ++m_i;
            }
        }
        if (words && started)
            words->push_back(current);
        return current;
    }

    int position() const { return m_i; }

private:
    void escaped(QString &out)
    {
        const int n = int(m_s.size());
        if (m_i + 1 >= n) { // a trailing escape stays
            out += m_s[m_i++];
            return;
        }
        const QChar next = m_s[m_i + 1];
        if (m_keepQuotes && next != QLatin1Char('$'))
            out += m_s[m_i];
        out += next;
        m_i += 2;
    }

    void singleQuoted(QString &out)
    {
        const int n = int(m_s.size());
        int end = m_i + 1;
        while (end < n && m_s[end] != QLatin1Char('\''))
            ++end;
        out += m_s.mid(m_i + (m_keepQuotes ? 0 : 1), end - m_i - (m_keepQuotes ? 0 : 1)).toString();
        if (m_keepQuotes && end < n)
            out += QLatin1Char('\'');
        m_i = end < n ? end + 1 : end;
    }

    void doubleQuoted(QString &out)
    {
        const int n = int(m_s.size());
        if (m_keepQuotes)
            out += QLatin1Char('"');
        ++m_i;
        while (m_i < n && m_s[m_i] != QLatin1Char('"')) {
            const QChar c = m_s[m_i];
            if (c == m_ex.escape() && m_i + 1 < n
                && (m_s[m_i + 1] == QLatin1Char('"') || m_s[m_i + 1] == QLatin1Char('$')
                    || m_s[m_i + 1] == m_ex.escape())) {
                if (m_keepQuotes && m_s[m_i + 1] != QLatin1Char('$'))
                    out += c;
                out += m_s[m_i + 1];
                m_i += 2;
            } else if (c == QLatin1Char('$')) {
                out += dollar();
            } else {
                out += c;
                ++m_i;
            }
        }
        if (m_i < n) {
            ++m_i;
            if (m_keepQuotes)
                out += QLatin1Char('"');
        }
    }

    // The end of a `${…}` starting at `open` (the '{'), nesting counted; the text length when open.
    int matchingBrace(int open) const
    {
        int depth = 0;
        for (int i = open; i < int(m_s.size()); ++i) {
            if (m_s[i] == QLatin1Char('{'))
                ++depth;
            else if (m_s[i] == QLatin1Char('}') && --depth == 0)
                return i;
        }
        return int(m_s.size());
    }

    QString dollar()
    {
        const int start = m_i;
        const int n = int(m_s.size());
        ++m_i;
        if (m_i >= n)
            return QStringLiteral("$");
        const QChar c = m_s[m_i];
        if (c == QLatin1Char('{')) {
            if (!m_ex.substitutes()) {
                const int end = matchingBrace(m_i);
                m_i = std::min(end + 1, n);
                return m_s.mid(start, m_i - start).toString();
            }
            return braced();
        }
        if (!isNameChar(c))
            return QStringLiteral("$");
        int end = m_i;
        while (end < n && isNameChar(m_s[end]))
            ++end;
        const QString name = m_s.mid(m_i, end - m_i).toString();
        m_i = end;
        if (!m_ex.substitutes())
            return m_s.mid(start, end - start).toString();
        return m_ex.lookup(name).value_or(QString());
    }

    QString braced()
    {
        const int n = int(m_s.size());
        ++m_i; // '{'
        int end = m_i;
        while (end < n && isNameChar(m_s[end]))
            ++end;
        const QString name = m_s.mid(m_i, end - m_i).toString();
        m_i = end;
        const std::optional<QString> value = m_ex.lookup(name);
        if (m_i >= n)
            return value.value_or(QString());
        if (m_s[m_i] == QLatin1Char('}')) {
            ++m_i;
            return value.value_or(QString());
        }
        bool colon = false;
        if (m_s[m_i] == QLatin1Char(':')) {
            colon = true;
            ++m_i;
        }
        const QChar op = m_i < n ? m_s[m_i] : QChar();
        ++m_i;
        bool doubled = false;
        if (!colon && (op == QLatin1Char('#') || op == QLatin1Char('%') || op == QLatin1Char('/')) && m_i < n
            && m_s[m_i] == op) {
            doubled = true;
            ++m_i;
        }
        QString replacement;
        QString word;
        if (op == QLatin1Char('/')) {
            word = run(QLatin1Char('/'), nullptr);
            if (m_i < n && m_s[m_i] == QLatin1Char('/')) {
                ++m_i;
                replacement = run(QLatin1Char('}'), nullptr);
            }
        } else {
            word = run(QLatin1Char('}'), nullptr);
        }
        if (m_i < n)
            ++m_i; // '}'
        QString v = value.value_or(QString());
        const bool set = value.has_value();
        const bool nonEmpty = set && !v.isEmpty();
        switch (op.unicode()) {
        case '-':
            return (colon ? nonEmpty : set) ? v : word;
        case '+':
            return (colon ? nonEmpty : set) ? word : QString();
        case '?':
            return v; // `${VAR?message}` fails the build when unset; here it expands to what it has
        case '#':
            return removePrefix(v, word, doubled);
        case '%':
            return removeSuffix(v, word, doubled);
        case '/':
            return replace(v, word, replacement, doubled);
        default:
            return v;
        }
    }

    static QString removePrefix(const QString &value, const QString &pattern, bool longest)
    {
        const int n = int(value.size());
        for (int k = longest ? n : 0; longest ? k >= 0 : k <= n; k += longest ? -1 : 1)
            if (globMatches(pattern, QStringView(value).left(k)))
                return value.mid(k);
        return value;
    }

    static QString removeSuffix(const QString &value, const QString &pattern, bool longest)
    {
        const int n = int(value.size());
        for (int k = longest ? 0 : n; longest ? k <= n : k >= 0; k += longest ? 1 : -1)
            if (globMatches(pattern, QStringView(value).mid(k)))
                return value.left(k);
        return value;
    }

    static QString replace(const QString &value, const QString &pattern, const QString &with, bool all)
    {
        QString out;
        const int n = int(value.size());
        int i = 0;
        bool done = false;
        while (i < n) {
            int matched = -1;
            if (!done)
                for (int k = n; k > i; --k) // longest match at i, as bash does
                    if (globMatches(pattern, QStringView(value).mid(i, k - i))) {
                        matched = k;
                        break;
                    }
            if (matched < 0) {
                out += value[i++];
                continue;
            }
            out += with;
            i = matched;
            done = !all;
        }
        return out;
    }

    QStringView m_s;
    const WordExpander &m_ex;
    bool m_keepQuotes;
    int m_i = 0;
};

} // namespace

QString WordExpander::word(QStringView text) const
{
    return Lexer(text, *this, false).run(QChar(), nullptr);
}

QStringList WordExpander::words(QStringView text) const
{
    QStringList out;
    Lexer(text, *this, false).run(QChar(), &out);
    return out;
}

QString WordExpander::substitute(QStringView text) const
{
    return Lexer(text, *this, true).run(QChar(), nullptr);
}

bool globMatches(QStringView pattern, QStringView text)
{
    // Iterative matcher with one backtracking point for the last '*'.
    int p = 0, t = 0, starP = -1, starT = 0;
    const int pn = int(pattern.size()), tn = int(text.size());
    while (t < tn) {
        if (p < pn && pattern[p] == QLatin1Char('\\') && p + 1 < pn) {
            if (pattern[p + 1] == text[t]) {
                p += 2;
                ++t;
                continue;
            }
        } else if (p < pn && pattern[p] == QLatin1Char('*')) {
            starP = p++;
            starT = t;
            continue;
        } else if (p < pn && (pattern[p] == QLatin1Char('?') || pattern[p] == text[t])) {
            ++p;
            ++t;
            continue;
        }
        if (starP < 0)
            return false;
        p = starP + 1;
        t = ++starT;
    }
    while (p < pn && pattern[p] == QLatin1Char('*'))
        ++p;
    return p == pn;
}

int rawWordEnd(QStringView text, int start, QChar escape)
{
    const int n = int(text.size());
    int i = start;
    QChar quote;
    while (i < n && (!quote.isNull() || !text[i].isSpace())) {
        const QChar c = text[i];
        if (c == escape && quote != QLatin1Char('\'') && i + 1 < n) {
            i += 2;
            continue;
        }
        if (quote.isNull() && (c == QLatin1Char('"') || c == QLatin1Char('\'')))
            quote = c;
        else if (c == quote)
            quote = QChar();
        ++i;
    }
    return i;
}

std::vector<RawWord> splitRawWords(QStringView text, QChar escape)
{
    std::vector<RawWord> out;
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        while (i < n && text[i].isSpace())
            ++i;
        if (i >= n)
            break;
        const int start = i;
        i = rawWordEnd(text, start, escape);
        out.push_back({ text.mid(start, i - start).toString(), start });
    }
    return out;
}

} // namespace ballast
