#include "DockerfileHighlighter.h"

#include <QApplication>
#include <QPalette>

namespace ballast {
namespace {

QTextCharFormat styleFor(const QColor &light, const QColor &dark, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(QApplication::palette().color(QPalette::Base).lightness() < 128 ? dark : light);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

} // namespace

DockerfileHighlighter::DockerfileHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document),
      m_instruction(QStringLiteral("^\\s*(FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|"
                                   "STOPSIGNAL|HEALTHCHECK|SHELL)\\b"),
                    QRegularExpression::CaseInsensitiveOption),
      m_flag(QStringLiteral("(?<=\\s)--[a-z-]+(=\\S*)?")), m_variable(QStringLiteral("\\$(\\{[^}]*\\}|[A-Za-z_][A-Za-z0-9_]*)")),
      m_string(QStringLiteral("\"(\\\\.|[^\"\\\\])*\"|'[^']*'"))
{
}

void DockerfileHighlighter::highlightBlock(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1Char('#'))) {
        setFormat(0, int(text.size()), styleFor(QColor(0x6a, 0x73, 0x7d), QColor(0x8b, 0x94, 0x9e), false, true));
        return;
    }
    auto apply = [&](const QRegularExpression &pattern, const QTextCharFormat &style) {
        for (auto it = pattern.globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            setFormat(int(match.capturedStart()), int(match.capturedLength()), style);
        }
    };
    apply(m_string, styleFor(QColor(0x0a, 0x7d, 0x32), QColor(0x8f, 0xd1, 0x9e)));
    apply(m_flag, styleFor(QColor(0x6f, 0x42, 0xc1), QColor(0xc3, 0xa6, 0xff)));
    apply(m_variable, styleFor(QColor(0xb3, 0x59, 0x00), QColor(0xff, 0xb8, 0x6b)));
    if (auto match = m_instruction.match(text); match.hasMatch())
        setFormat(int(match.capturedStart(1)), int(match.capturedLength(1)), styleFor(QColor(0x00, 0x5c, 0xc5), QColor(0x79, 0xb8, 0xff), true));
}

} // namespace ballast
