#include "DockerfileHighlighter.h"

#include "Theme.h"
#include "dockerfile/parse/Instructions.h"

#include <QEvent>
#include <QPalette>
#include <QPlainTextEdit>

namespace ballast {
namespace {

// A line's first word when it is an instruction keyword, in any case (as the builder accepts it).
QString instructionPattern()
{
    QStringList keywords;
    for (const InstructionKind &kind : instructionKinds())
        keywords << kind.keyword;
    return QStringLiteral("^\\s*(%1)\\b").arg(keywords.join(QLatin1Char('|')));
}

} // namespace

DockerfileHighlighter::DockerfileHighlighter(QPlainTextEdit *editor)
    : QSyntaxHighlighter(editor->document())
    , m_editor(editor)
    , m_instruction(instructionPattern(), QRegularExpression::CaseInsensitiveOption)
    , m_flag(QStringLiteral("(?<=\\s)--[a-z-]+(=\\S*)?"))
    , m_variable(QStringLiteral("\\$(\\{[^}]*\\}|[A-Za-z_][A-Za-z0-9_]*)"))
    , m_string(QStringLiteral("\"(\\\\.|[^\"\\\\])*\"|'[^']*'"))
{
    updateFormats();
    editor->installEventFilter(this);
}

bool DockerfileHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::PaletteChange) {
        updateFormats();
        rehighlight();
    }
    return QSyntaxHighlighter::eventFilter(watched, event);
}

void DockerfileHighlighter::updateFormats()
{
    const QPalette palette = m_editor->palette();
    const QColor base = palette.color(QPalette::Base);
    const bool dark = base.lightness() < 128;
    // Each hue as the theme would have it, then made to read on the editor's actual base colour.
    auto format = [&](const QColor &light, const QColor &darkTheme) {
        QTextCharFormat f;
        f.setForeground(readableOn(dark ? darkTheme : light, base));
        return f;
    };
    m_stringFormat = format(QColor(0x0a, 0x7d, 0x32), QColor(0x8f, 0xd1, 0x9e));
    m_flagFormat = format(QColor(0x6f, 0x42, 0xc1), QColor(0xc3, 0xa6, 0xff));
    m_variableFormat = format(QColor(0xb3, 0x59, 0x00), QColor(0xff, 0xb8, 0x6b));
    m_instructionFormat = format(QColor(0x00, 0x5c, 0xc5), QColor(0x79, 0xb8, 0xff));
    m_instructionFormat.setFontWeight(QFont::Bold);
    // Comments: the text colour, softened towards the base, but still readable.
    const QColor text = palette.color(QPalette::Text);
    m_comment.setForeground(
        readableOn(QColor::fromRgbF((text.redF() * 2 + base.redF()) / 3, (text.greenF() * 2 + base.greenF()) / 3,
                       (text.blueF() * 2 + base.blueF()) / 3),
            base));
    m_comment.setFontItalic(true);
}

void DockerfileHighlighter::highlightBlock(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1Char('#'))) {
        setFormat(0, int(text.size()), m_comment);
        return;
    }
    auto apply = [&](const QRegularExpression &pattern, const QTextCharFormat &style) {
        for (auto it = pattern.globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            setFormat(int(match.capturedStart()), int(match.capturedLength()), style);
        }
    };
    apply(m_string, m_stringFormat);
    apply(m_flag, m_flagFormat);
    apply(m_variable, m_variableFormat);
    if (auto match = m_instruction.match(text); match.hasMatch())
        setFormat(int(match.capturedStart(1)), int(match.capturedLength(1)), m_instructionFormat);
}

} // namespace ballast
