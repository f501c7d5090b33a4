#pragma once
#include <QChar>
#include <QMap>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

namespace ballast {

// A parsed Dockerfile, following the Dockerfile reference (BuildKit's parser): parser directives,
// continuations, heredocs, exec and shell forms, stages and variable substitution. Lines and columns
// are 1-based; columns count UTF-16 code units of the line, as QString and the editor do.

struct SourcePosition {
    int line = 0;
    int column = 0;
};

struct ParserDirective {
    QString name; // lower case: "syntax", "escape", "check"
    QString value;
    int line = 0;
};

struct DockerfileComment {
    int line = 0;
    int column = 0; // of the '#'
    QString text; // after the '#', untrimmed
};

// `--name=value` or `--name` before an instruction's arguments.
struct InstructionFlag {
    QString name;
    QString value; // unquoted; empty for boolean flags
    bool hasValue = false;
    int column = 0; // of the leading "--" (on the instruction's first line when it is there)
    int line = 0;
};

// A `<<EOF` here-document (RUN, COPY, ADD). `content` has the lines between the instruction and the
// delimiter, each ending in '\n', with leading tabs removed for `<<-EOF`.
struct Heredoc {
    QString delimiter;
    QString content;
    bool stripTabs = false; // <<-
    bool expand = true; // false when any part of the delimiter word was quoted
    int startLine = 0; // first content line
    int endLine = 0; // the delimiter line (0 when unterminated)
};

struct KeyValue {
    QString key;
    QString value; // quotes removed, variables substituted
    QString rawValue; // quotes removed, variables as written
    bool hasValue = true; // false for `ARG name` without a default
};

enum class InstructionForm : uint8_t { None, Shell, Exec };

struct DockerfileInstruction {
    QString keyword; // upper case: "RUN", "COPY", …
    QString original; // the logical line as BuildKit keeps it (continuations joined, comment lines dropped)
    QString arguments; // the text after the keyword and the flags, trimmed, variables as written
    QString expanded; // `arguments` with variables substituted where the instruction does that
    std::vector<InstructionFlag> flags;
    InstructionForm form = InstructionForm::None;
    QStringList execArgs; // the JSON array of the exec form
    QStringList words; // arguments split as the builder does (quotes removed, variables substituted)
    QStringList rawWords; // the same words with variables as written
    std::vector<KeyValue> keyValues; // ENV, LABEL, ARG
    std::vector<Heredoc> heredocs;
    std::shared_ptr<const DockerfileInstruction> onbuild; // the trigger of an ONBUILD

    int line = 0; // first line
    int endLine = 0; // last line, heredoc bodies included
    int column = 0; // of the keyword
    int argumentsColumn = 0; // where `arguments` starts on its line
    int argumentsLine = 0;
    int stage = -1; // index into Dockerfile::stages; -1 before the first FROM
    int index = -1; // index into Dockerfile::instructions

    // Where a character of `original` came from in the source.
    SourcePosition positionOf(int originalOffset) const;
    const InstructionFlag *flag(const QString &name) const;
    bool hasHeredocs() const { return !heredocs.empty(); }

    // Pieces of `original` and where each starts in the source (continuation lines).
    struct Segment {
        int offset = 0;
        int line = 0;
        int column = 0;
    };
    std::vector<Segment> segments;
    int argumentsOffset = 0; // offset of `arguments` in `original`
};

struct DockerfileStage {
    QString name; // `AS name`, lower-cased as BuildKit compares it; empty when unnamed
    QString baseName; // the image reference of FROM, variables substituted
    QString image; // without tag and digest
    QString tag;
    QString digest;
    QString rawBaseName; // as written
    QString platform; // --platform, substituted
    int parentStage = -1; // index of an earlier stage named by FROM, -1 for an image
    int from = -1; // index of the FROM instruction
    int first = -1; // first and last instruction index of the stage (FROM included)
    int last = -1;
    QMap<QString, QString> env; // ENV at the end of the stage (inherited by FROM <stage>)
};

struct DockerfileError {
    int line = 0;
    int column = 0;
    int endLine = 0;
    QString message;
};

struct Dockerfile {
    QStringList lines; // the source, one entry per line, without line ends
    std::vector<ParserDirective> directives;
    QChar escape = QLatin1Char('\\');
    std::vector<DockerfileComment> comments;
    std::vector<DockerfileInstruction> instructions;
    std::vector<DockerfileStage> stages;
    std::vector<DockerfileError> errors;
    int finalStage = -1; // the target stage: the last one unless ParseOptions::target names another

    const DockerfileStage * final() const { return finalStage >= 0 ? &stages[size_t(finalStage)] : nullptr; }
    // The instruction that covers `line`, nullptr when none does.
    const DockerfileInstruction *instructionAt(int line) const;
    // The comment on `line`, nullptr when it is not a comment line.
    const DockerfileComment *commentAt(int line) const;
    const ParserDirective *directive(const QString &name) const;
};

struct ParseOptions {
    QMap<QString, QString> buildArgs; // --build-arg values
    QString target; // --target stage; empty for the last stage
    QString targetPlatform = QStringLiteral("linux/amd64"); // for the automatic platform ARGs
};

Dockerfile parseDockerfile(const QString &text, const ParseOptions &options = {});

} // namespace ballast
