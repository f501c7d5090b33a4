#pragma once
#include "dockerfile/parse/Dockerfile.h"
#include "dockerfile/parse/LogicalLines.h"
#include "dockerfile/shell/WordExpander.h"

#include <optional>

namespace ballast::detail {

struct ParsedInstruction {
    std::optional<DockerfileInstruction> instruction; // empty for an unknown keyword
    std::vector<DockerfileError> errors;
};

// Parses one logical line: keyword, flags, form and arguments. `expander` substitutes variables with
// the scope in force before the instruction (the driver picks the meta ARGs for FROM).
ParsedInstruction parseInstruction(const LogicalLine &line, const WordExpander &expander);

bool isKnownKeyword(const QString &upperKeyword);
// Instructions whose arguments the builder substitutes (Dockerfile reference, "Environment replacement").
bool substitutesVariables(const QString &upperKeyword);

// The exec form: a JSON array of strings; nullopt when `text` is not one (then it is shell form).
std::optional<QStringList> parseExecForm(const QString &text);

} // namespace ballast::detail
