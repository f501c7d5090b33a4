#pragma once
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QPlainTextEdit;

namespace ballast {

// Instructions, flags, variables, strings and comments of a Dockerfile, in colours derived from the
// editor's palette: each reads on its base colour at WCAG AA contrast (4.5:1), light or dark, and
// they follow a new palette (View › Theme) at once.
class DockerfileHighlighter : public QSyntaxHighlighter {
public:
    explicit DockerfileHighlighter(QPlainTextEdit *editor);

protected:
    void highlightBlock(const QString &text) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateFormats();

    QPlainTextEdit *m_editor;
    QRegularExpression m_instruction, m_flag, m_variable, m_string;
    QTextCharFormat m_comment, m_stringFormat, m_flagFormat, m_variableFormat, m_instructionFormat;
};

} // namespace ballast
