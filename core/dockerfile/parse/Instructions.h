#pragma once
// The Dockerfile instructions (Dockerfile reference), one row each: the parser, the history reader
// and the editor's highlighter all read this table.
#include <QString>
#include <QStringList>
#include <vector>

namespace ballast {

struct InstructionKind {
    QString keyword; // upper case, as the reference writes it
    QStringList flags; // the `--name` flags it accepts
    bool substitutesVariables = false; // the builder substitutes its arguments ("Environment replacement")
    bool onbuildTrigger = true; // allowed after ONBUILD
};

const std::vector<InstructionKind> &instructionKinds();
// The row of an instruction keyword given in upper case, nullptr when there is no such instruction.
const InstructionKind *instructionKind(const QString &upperKeyword);

} // namespace ballast
