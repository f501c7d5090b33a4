#pragma once
#include <QChar>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <functional>
#include <optional>

namespace ballast {

// The value of a build variable, nullopt when it is not set.
using VariableLookup = std::function<std::optional<QString>(const QString &name)>;

// Words and variable substitution as BuildKit's shell lexer does them for the instructions that
// substitute (Dockerfile reference, "Environment replacement"): `$VAR`, `${VAR}`, `${VAR:-word}`,
// `${VAR-word}`, `${VAR:+word}`, `${VAR+word}`, `${VAR#pattern}` and friends; the escape character
// makes the next character literal (`\$FOO` stays `$FOO`); no substitution inside single quotes.
// Without a lookup, variable references are kept as written (the "raw" words).
class WordExpander {
public:
    WordExpander(QChar escape, VariableLookup lookup)
        : m_escape(escape)
        , m_lookup(std::move(lookup))
    { }

    // One word: quotes and escapes removed, variables substituted, whitespace kept.
    QString word(QStringView text) const;
    // Words split on unquoted whitespace, each as word() makes it.
    QStringList words(QStringView text) const;
    // Variables substituted; quotes, escapes other than `\$`, and whitespace kept.
    QString substitute(QStringView text) const;

    QChar escape() const { return m_escape; }
    bool substitutes() const { return bool(m_lookup); }
    std::optional<QString> lookup(const QString &name) const { return m_lookup ? m_lookup(name) : std::nullopt; }

private:
    QChar m_escape;
    VariableLookup m_lookup;
};

// Shell glob match of `text` against `pattern` (`*`, `?`, `\*`, `\?`), whole string.
bool globMatches(QStringView pattern, QStringView text);

// Words split on unquoted whitespace with quotes and escapes kept, and where each starts.
struct RawWord {
    QString text;
    int offset = 0;
};
std::vector<RawWord> splitRawWords(QStringView text, QChar escape);
// Where the raw word starting at `start` ends: at the first whitespace outside quotes (the escape
// character makes the next one literal, except inside single quotes), or at the end of `text`.
int rawWordEnd(QStringView text, int start, QChar escape);

} // namespace ballast
