#pragma once
// Internal to the quick fixes: a shell-form RUN read as the list of commands it joins with `&&`, the
// shape most RUN lines have, and the edits that add commands to such a list or take some out.
#include "dockerfile/lint/Lint.h"
#include "dockerfile/parse/Dockerfile.h"

#include <optional>
#include <vector>

namespace ballast::detail {

struct RunChain {
    struct Command {
        int start = 0; // offsets into the instruction's `original`
        int end = 0; // just after the command's last non-blank character
        bool simple = true; // a single command: no `;`, `|`, `||`, `&`, redirection or parenthesis of its own
        QString text;
    };
    const DockerfileInstruction *run = nullptr;
    std::vector<Command> commands;
    // The script may take another `&& command` at its end (it does not end in `;`, `&` or `|`).
    bool appendable = true;
};

// The chain of a shell-form RUN run by a POSIX shell, written in place (no here-document); nullopt for
// anything else, and for scripts whose text an edit could break: a `#` comment in the script (an
// appended command would land in it), unbalanced quotes, an empty command.
std::optional<RunChain> readRunChain(const Dockerfile &df, const DockerfileInstruction &run);

// An insertion after the RUN's last command that appends `commands`, each joined with `&&`, in the
// RUN's own style: on new continuation lines starting with `&&` when its last line does, else on the
// same line.
TextEdit appendCommands(const Dockerfile &df, const RunChain &chain, const QStringList &commands);

// Edits that take the commands marked in `drop` out of the chain with the `&&` that joined them, or
// the whole instruction (its lines) when none is left; nullopt when that would delete a comment line
// inside the instruction.
std::optional<std::vector<TextEdit>> dropCommands(
    const Dockerfile &df, const RunChain &chain, const std::vector<bool> &drop);

} // namespace ballast::detail
