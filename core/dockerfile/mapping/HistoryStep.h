#pragma once
#include "dockerfile/parse/Dockerfile.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace ballast {

// A history entry's created_by read back into the instruction that made it, for each builder's way of
// writing it:
//   classic docker  `/bin/sh -c apt-get …`, `|2 A=1 B=2 /bin/sh -c …`, `/bin/sh -c #(nop)  ENV A=1`,
//                   `/bin/sh -c #(nop) COPY file:<sha256> in /dest `
//   BuildKit        `RUN /bin/sh -c … # buildkit`, `COPY src dst # buildkit`, `ENV A=1`, `CMD ["a" "b"]`,
//                   `EXPOSE map[80/tcp:{}]`
//   buildah/podman  `/bin/sh -c ["exec", "form"]`, `/bin/sh -c --mount=… …` (the line as written),
//                   `/bin/sh -c #(nop) CMD …`
//   kaniko          `RUN apt-get …`, `COPY foo /foo`
struct HistoryStep {
    QString keyword; // upper case; "RUN" for shell commands
    QString text; // what follows the keyword; for RUN the command as recorded (shell prefix included)
    bool buildkit = false;
    bool nop = false; // a `#(nop)` metadata step

    // Read once from `text`, for matching against many instructions.
    QString normalized; // whitespace collapsed
    QString copyDestination; // `file:<sha> in /dest`: the destination; empty otherwise
    QStringList words; // COPY/ADD words without flags; metadata words without list punctuation
    std::vector<std::pair<QString, QString>> pairs; // ENV, LABEL, ARG key=value pairs
    std::optional<QStringList> list; // CMD, ENTRYPOINT: a JSON or Go-quoted list
    QStringList ports; // EXPOSE, normalized (`80/tcp`), sorted
};

HistoryStep parseCreatedBy(const QString &createdBy);

enum class MatchConfidence : uint8_t { Exact, Likely, Unmatched };
const char *confidenceName(MatchConfidence confidence);

// How well history steps fit one instruction. Exact: all the builder recorded agrees with the
// instruction (variables substituted or as written); Likely: the same kind of instruction but the
// recorded text differs; nullopt: it cannot be this instruction's step. `shell` is the SHELL in force.
// What can be computed from the instruction alone is computed once, so that aligning hundreds of
// instructions with hundreds of entries stays cheap.
class StepMatcher {
public:
    StepMatcher(const DockerfileInstruction &instruction, const QStringList &shell);
    std::optional<MatchConfidence> match(const HistoryStep &step) const;

private:
    bool exact(const HistoryStep &step) const;

    const DockerfileInstruction *m_in;
    QStringList m_texts; // whole-text forms the builders write, whitespace collapsed
    QStringList m_effective; // CMD/ENTRYPOINT: the command as the image config holds it
    QStringList m_ports;
    QString m_destination, m_rawDestination;
};

std::optional<MatchConfidence> matchHistoryStep(
    const DockerfileInstruction &instruction, const QStringList &shell, const HistoryStep &step);

// Whitespace runs collapsed to one space, ends trimmed.
QString collapseWhitespace(const QString &text);

} // namespace ballast
