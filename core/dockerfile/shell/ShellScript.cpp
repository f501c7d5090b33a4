#include "dockerfile/shell/ShellScript.h"

#include <algorithm>

namespace ballast {
namespace {

enum class TokenKind : uint8_t { Word, Operator, Newline };

struct Token {
    TokenKind kind = TokenKind::Word;
    QString text; // the word's text, or the operator
    int offset = 0;
    int length = 0;
    bool quoted = false;
};

// The blanks that separate words, as the shell's default IFS has them (plus '\r', for CRLF files).
// Other Unicode spaces (a no-break space pasted from a web page, a vertical tab) belong to words, as
// in sh; tokenize() and word() must agree on this, or word() returns without consuming anything.
bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

bool isOperatorChar(QChar c)
{
    return c == QLatin1Char(';') || c == QLatin1Char('&') || c == QLatin1Char('|') || c == QLatin1Char('(')
        || c == QLatin1Char(')') || c == QLatin1Char('<') || c == QLatin1Char('>');
}

bool isRedirect(const QString &op)
{
    return op.contains(QLatin1Char('<')) || op.contains(QLatin1Char('>'));
}

const QStringList Operators = {
    QStringLiteral(";;&"),
    QStringLiteral("&>>"),
    QStringLiteral("<<<"),
    QStringLiteral("<<-"),
    QStringLiteral("&&"),
    QStringLiteral("||"),
    QStringLiteral(";;"),
    QStringLiteral(";&"),
    QStringLiteral("|&"),
    QStringLiteral("&>"),
    QStringLiteral(">>"),
    QStringLiteral(">|"),
    QStringLiteral("<<"),
    QStringLiteral("<>"),
    QStringLiteral(">&"),
    QStringLiteral("<&"),
    QStringLiteral(";"),
    QStringLiteral("&"),
    QStringLiteral("|"),
    QStringLiteral("("),
    QStringLiteral(")"),
    QStringLiteral("<"),
    QStringLiteral(">"),
};

const QStringList ReservedWords = {
    QStringLiteral("if"),
    QStringLiteral("then"),
    QStringLiteral("else"),
    QStringLiteral("elif"),
    QStringLiteral("fi"),
    QStringLiteral("do"),
    QStringLiteral("done"),
    QStringLiteral("while"),
    QStringLiteral("until"),
    QStringLiteral("!"),
    QStringLiteral("{"),
    QStringLiteral("}"),
    QStringLiteral("time"),
};

bool isAssignment(const QString &word)
{
    const int eq = int(word.indexOf(QLatin1Char('=')));
    if (eq <= 0 || !(word[0].isLetter() || word[0] == QLatin1Char('_')))
        return false;
    for (int i = 0; i < eq; ++i) {
        const QChar c = word[i];
        if (c == QLatin1Char('[') || (c == QLatin1Char('+') && i == eq - 1))
            return true;
        if (!c.isLetterOrNumber() && c != QLatin1Char('_'))
            return false;
    }
    return true;
}

class Parser {
public:
    explicit Parser(const QString &s, ShellScript &out)
        : m_s(s)
        , m_out(out)
    { }

    // Tokens from `i` to the end, or to the `)` that closes a `$(` (then `i` ends on it).
    std::vector<Token> tokenize(int &i, bool untilParen)
    {
        std::vector<Token> tokens;
        int depth = 0;
        const int n = int(m_s.size());
        while (i < n) {
            const QChar c = m_s[i];
            if (isBlank(c)) {
                ++i;
            } else if (c == QLatin1Char('\\') && i + 1 < n && m_s[i + 1] == QLatin1Char('\n')) {
                i += 2;
            } else if (c == QLatin1Char('\n')) {
                tokens.push_back({ TokenKind::Newline, QStringLiteral("\n"), i, 1 });
                ++i;
                skipHeredocBodies(i);
            } else if (c == QLatin1Char('#')) {
                while (i < n && m_s[i] != QLatin1Char('\n'))
                    ++i;
            } else if (isOperatorChar(c) || (c.isDigit() && redirectAfterDigits(i))) {
                const int start = i;
                while (m_s[i].isDigit())
                    ++i;
                QString op;
                for (const QString &candidate : Operators)
                    if (QStringView(m_s).mid(i).startsWith(candidate)) {
                        op = candidate;
                        break;
                    }
                if (op == QLatin1String("(")) {
                    ++depth;
                } else if (op == QLatin1String(")")) {
                    if (untilParen && depth == 0)
                        return tokens;
                    --depth;
                }
                i += int(op.size());
                tokens.push_back({ TokenKind::Operator, op, start, i - start });
                m_delimiterNext = op == QLatin1String("<<") || op == QLatin1String("<<-");
                m_stripTabs = op == QLatin1String("<<-");
            } else {
                tokens.push_back(word(i));
                if (m_delimiterNext)
                    m_pendingHeredocs.push_back({ tokens.back().text, m_stripTabs });
                m_delimiterNext = false;
            }
        }
        return tokens;
    }

    void build(const std::vector<Token> &tokens)
    {
        ShellCommand current;
        bool inCommand = false;
        bool redirectTarget = false;
        bool skippingLoopHeader = false;
        int caseState = 0; // 1: after `case`, 2: expecting `in`, 3: in the body
        auto finish = [&] {
            if (inCommand)
                m_out.commands.push_back(std::move(current));
            current = ShellCommand();
            inCommand = false;
        };
        for (size_t t = 0; t < tokens.size(); ++t) {
            const Token &tok = tokens[t];
            if (tok.kind == TokenKind::Newline) {
                finish();
                skippingLoopHeader = false;
                continue;
            }
            if (tok.kind == TokenKind::Operator) {
                if (isRedirect(tok.text)) {
                    redirectTarget = true;
                    continue;
                }
                if (tok.text == QLatin1String("|") || tok.text == QLatin1String("|&"))
                    m_out.hasPipes = true;
                if (tok.text == QLatin1String("(") && inCommand && current.args.empty() && t + 1 < tokens.size()
                    && tokens[t + 1].text == QLatin1String(")")) {
                    current = ShellCommand(); // `name()`: a function definition, not a command
                    inCommand = false;
                    ++t;
                    continue;
                }
                finish();
                skippingLoopHeader = skippingLoopHeader && tok.text != QLatin1String(";");
                continue;
            }
            if (redirectTarget) {
                redirectTarget = false;
                continue;
            }
            if (inCommand) {
                current.args.push_back({ tok.text, tok.offset, tok.length });
                continue;
            }
            if (skippingLoopHeader) {
                skippingLoopHeader = tok.text != QLatin1String("do");
                continue;
            }
            if (caseState == 1 || caseState == 2) {
                caseState = caseState == 1 ? 2 : (tok.text == QLatin1String("in") ? 3 : 2);
                continue;
            }
            if (caseState == 3) {
                if (tok.text == QLatin1String("esac")) {
                    caseState = 0;
                    continue;
                }
                if (isCasePattern(tokens, t))
                    continue;
            }
            if (!tok.quoted && ReservedWords.contains(tok.text))
                continue;
            if (!tok.quoted && (tok.text == QLatin1String("for") || tok.text == QLatin1String("select"))) {
                skippingLoopHeader = true;
                continue;
            }
            if (!tok.quoted && tok.text == QLatin1String("case")) {
                caseState = 1;
                continue;
            }
            if (isAssignment(tok.text))
                continue;
            current.name = tok.text;
            current.nameOffset = tok.offset;
            inCommand = true;
        }
        finish();
    }

private:
    // The bodies of here-documents started on the line just ended: not commands.
    void skipHeredocBodies(int &i)
    {
        for (const auto &[delimiter, stripTabs] : m_pendingHeredocs) {
            while (i < m_s.size()) {
                int end = int(m_s.indexOf(QLatin1Char('\n'), i));
                if (end < 0)
                    end = int(m_s.size());
                QStringView line = QStringView(m_s).mid(i, end - i);
                while (stripTabs && line.startsWith(QLatin1Char('\t')))
                    line = line.mid(1);
                i = std::min(end + 1, int(m_s.size()));
                if (line == delimiter)
                    break;
            }
        }
        m_pendingHeredocs.clear();
    }

    bool redirectAfterDigits(int i) const
    {
        while (i < m_s.size() && m_s[i].isDigit())
            ++i;
        return i < m_s.size() && (m_s[i] == QLatin1Char('<') || m_s[i] == QLatin1Char('>'));
    }

    // A case pattern: words (and `|`, `(`) up to the `)` that ends it; advances `t` to that `)`.
    static bool isCasePattern(const std::vector<Token> &tokens, size_t &t)
    {
        for (size_t k = t; k < tokens.size(); ++k) {
            if (tokens[k].kind == TokenKind::Newline)
                return false;
            if (tokens[k].kind == TokenKind::Operator) {
                if (tokens[k].text == QLatin1String(")")) {
                    t = k;
                    return true;
                }
                if (tokens[k].text != QLatin1String("|") && tokens[k].text != QLatin1String("("))
                    return false;
            }
        }
        return false;
    }

    // The text of a `$(…)` or backtick substitution is parsed for its commands and kept as written.
    void substitution(int &i, QString &text)
    {
        const int start = i;
        i += 2;
        if (i < m_s.size() && m_s[i] == QLatin1Char('(')) { // $(( arithmetic ))
            int depth = 2;
            ++i;
            while (i < m_s.size() && depth > 0) {
                depth += m_s[i] == QLatin1Char('(') ? 1 : m_s[i] == QLatin1Char(')') ? -1 : 0;
                ++i;
            }
        } else {
            std::vector<Token> inner = tokenize(i, true);
            build(inner);
            if (i < m_s.size())
                ++i; // ')'
        }
        text += QStringView(m_s).mid(start, i - start);
    }

    void backtick(int &i, QString &text)
    {
        const int start = i++;
        int end = i;
        while (end < m_s.size() && m_s[end] != QLatin1Char('`'))
            end += m_s[end] == QLatin1Char('\\') ? 2 : 1;
        end = std::min(end, int(m_s.size()));
        ShellScript inner = parseShellScript(m_s.mid(i, end - i));
        for (ShellCommand &cmd : inner.commands) {
            cmd.nameOffset += i;
            for (ShellWord &w : cmd.args)
                w.offset += i;
            m_out.commands.push_back(std::move(cmd));
        }
        m_out.hasPipes = m_out.hasPipes || inner.hasPipes;
        i = std::min(end + 1, int(m_s.size()));
        text += QStringView(m_s).mid(start, i - start);
    }

    Token word(int &i)
    {
        Token tok;
        tok.offset = i;
        const int n = int(m_s.size());
        while (i < n) {
            const QChar c = m_s[i];
            if (isBlank(c) || c == QLatin1Char('\n') || isOperatorChar(c))
                break;
            if (c == QLatin1Char('\\')) {
                if (i + 1 < n && m_s[i + 1] != QLatin1Char('\n'))
                    tok.text += m_s[i + 1];
                i += 2;
            } else if (c == QLatin1Char('\'')) {
                tok.quoted = true;
                const int end = int(m_s.indexOf(QLatin1Char('\''), i + 1));
                const int stop = end < 0 ? n : end;
                tok.text += QStringView(m_s).mid(i + 1, stop - i - 1);
                i = end < 0 ? n : end + 1;
            } else if (c == QLatin1Char('"')) {
                tok.quoted = true;
                doubleQuoted(i, tok.text);
            } else if (c == QLatin1Char('$') && i + 1 < n && m_s[i + 1] == QLatin1Char('(')) {
                substitution(i, tok.text);
            } else if (c == QLatin1Char('$') && i + 1 < n && m_s[i + 1] == QLatin1Char('{')) {
                const int end = int(m_s.indexOf(QLatin1Char('}'), i));
                const int stop = end < 0 ? n : end + 1;
                tok.text += QStringView(m_s).mid(i, stop - i);
                i = stop;
            } else if (c == QLatin1Char('`')) {
                backtick(i, tok.text);
            } else {
                tok.text += c;
                ++i;
            }
        }
        tok.length = i - tok.offset;
        return tok;
    }

    void doubleQuoted(int &i, QString &text)
    {
        const int n = int(m_s.size());
        ++i;
        while (i < n && m_s[i] != QLatin1Char('"')) {
            const QChar c = m_s[i];
            if (c == QLatin1Char('\\') && i + 1 < n) {
                const QChar next = m_s[i + 1];
                if (next == QLatin1Char('"') || next == QLatin1Char('\\') || next == QLatin1Char('$')
                    || next == QLatin1Char('`'))
                    text += next;
                else if (next != QLatin1Char('\n'))
                    text += QStringView(m_s).mid(i, 2);
                i += 2;
            } else if (c == QLatin1Char('$') && i + 1 < n && m_s[i + 1] == QLatin1Char('(')) {
                substitution(i, text);
            } else if (c == QLatin1Char('`')) {
                backtick(i, text);
            } else {
                text += c;
                ++i;
            }
        }
        if (i < n)
            ++i;
    }

    const QString &m_s;
    ShellScript &m_out;
    std::vector<std::pair<QString, bool>> m_pendingHeredocs;
    bool m_delimiterNext = false;
    bool m_stripTabs = false;
};

} // namespace

ShellScript parseShellScript(const QString &script)
{
    ShellScript out;
    Parser parser(script, out);
    int i = 0;
    parser.build(parser.tokenize(i, false));
    std::stable_sort(out.commands.begin(), out.commands.end(),
        [](const ShellCommand &a, const ShellCommand &b) { return a.nameOffset < b.nameOffset; });
    return out;
}
} // namespace ballast
