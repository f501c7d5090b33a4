#pragma once
#include "dockerfile/parse/Dockerfile.h"

#include <vector>

namespace ballast::detail {

// One instruction's text as BuildKit's parser assembles it before looking at the keyword: the first
// line without its leading whitespace, continuation lines appended without the escape character and
// the line end, comment lines and blank lines inside the continuation dropped. Here-documents named
// on the line (RUN, COPY and ADD only) have their bodies read from the lines that follow.
struct LogicalLine {
    QString text;
    std::vector<DockerfileInstruction::Segment> segments;
    std::vector<Heredoc> heredocs;
    int line = 0;
    int endLine = 0;
    int column = 0;
};

// The Dockerfile split into directives, comments and logical lines, with the errors found on the way
// (bad directives, unterminated heredocs).
struct SplitDockerfile {
    std::vector<LogicalLine> logicalLines;
    std::vector<ParserDirective> directives;
    std::vector<DockerfileComment> comments;
    std::vector<DockerfileError> errors;
    QChar escape = QLatin1Char('\\');
};

SplitDockerfile splitDockerfile(const QStringList &lines);

// Splits text into lines at \n, \r\n or \r; drops a leading byte-order mark.
QStringList sourceLines(const QString &text);

// Position in the source of an offset into a logical line's text.
SourcePosition positionIn(const std::vector<DockerfileInstruction::Segment> &segments, int offset);

} // namespace ballast::detail
