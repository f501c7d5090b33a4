#pragma once
#include <QRegularExpression>
#include <QSyntaxHighlighter>

namespace ballast {

// Instructions, flags, variables, strings and comments of a Dockerfile, in colours that follow the
// palette (light or dark).
class DockerfileHighlighter : public QSyntaxHighlighter {
public:
    explicit DockerfileHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QRegularExpression m_instruction, m_flag, m_variable, m_string;
};

} // namespace ballast
