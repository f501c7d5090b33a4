#pragma once
// Internal to the lint engine: what every rule sees, the rule table and the fix builders. Implemented
// by Lint.cpp (the engine and the rule table), HadolintRunRules.cpp and HadolintSequenceRules.cpp
// (hadolint's rules on one RUN and across instructions), ImageRules.cpp (the BA rules that need the
// image), LintFixes.cpp and CleanupFixes.cpp (the quick fixes).
#include "dockerfile/lint/Lint.h"
#include "dockerfile/mapping/LayerMapping.h"
#include "dockerfile/shell/ShellScript.h"

#include <optional>
#include <vector>

namespace ballast::detail {

// A RUN's script as hadolint reads it: the shell-form text, the exec-form arguments joined with
// spaces, or the script of a `RUN <<EOF` here-document.
struct RunScript {
    const DockerfileInstruction *run = nullptr; // the RUN (the trigger itself for ONBUILD RUN)
    const DockerfileInstruction *owner = nullptr; // where findings go: the RUN, or its ONBUILD
    QString text;
    bool plainShell = false; // `text` is the RUN's arguments as written, so offsets map to the source
    bool onbuild = false;
    ShellScript script;
};

struct LintInput {
    explicit LintInput(const Dockerfile &d)
        : df(d)
    { }
    const Dockerfile &df;
    std::vector<RunScript> runs; // in file order
    const ImageLintContext *image = nullptr;
    std::optional<LayerMapping> mapping;

    // hadolint's "last FROM": the file's last stage, whatever the build target.
    int lastStage() const { return int(df.stages.size()) - 1; }
    // A later stage is built FROM this one.
    bool usedAsBase(int stage) const;
};

struct RuleSpec;
using RuleCheck = void (*)(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);

struct RuleSpec {
    const char *code;
    LintSeverity severity;
    const char *message;
    RuleCheck check;
    bool needsImage = false;
};

const std::vector<RuleSpec> &ruleTable();
LintFinding findingAt(const DockerfileInstruction &owner, const RuleSpec &rule);

// hadolint rules on RUN scripts (HadolintRunRules.cpp).
void checkDL3003(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkDL3008(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkDL3009(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkDL3013(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkDL3015(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkDL3018(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkDL3019(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkDL3042(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkDL3060(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
// hadolint rules on the instruction sequence (HadolintSequenceRules.cpp).
void checkDL3059(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkDL4006(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkDL3000(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkDL3002(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkDL3007(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkDL3020(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkDL3025(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkDL4000(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
// Ballast's image rules (ImageRules.cpp).
void checkBA1001(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkBA1002(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkBA1003(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkBA1004(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkBA1005(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);
void checkBA1006(const LintInput &, const RuleSpec &, std::vector<LintFinding> &);

// Quick fixes (LintFixes.cpp).
std::optional<LintFix> fixNoInstallRecommends(const RunScript &run, const ShellCommand &aptGet);
std::optional<LintFix> fixAptListsCleanup(const Dockerfile &df, const RunScript &run);
std::optional<LintFix> fixMergeRuns(
    const Dockerfile &df, const DockerfileInstruction &previous, const DockerfileInstruction &current);

// Quick fixes of the image rules (CleanupFixes.cpp). BA1001: append the cleanup of a package cache to
// the RUN that filled it (`directories`: the cache's directories holding that RUN's bytes). BA1005:
// move the `rm` of files a later RUN deletes into the RUN that created them.
std::optional<LintFix> fixCacheCleanup(
    const LintInput &in, const DockerfileInstruction &run, const QString &category, const QStringList &directories);
std::optional<LintFix> fixDeleteWhereCreated(const LintInput &in, const DockerfileInstruction &writer,
    const DockerfileInstruction &deleter, int storedIn, int hiddenIn);

// A BuildKit cache mount (`RUN --mount=type=cache,target=…`) whose target starts with `prefix`.
bool hasCacheMount(const DockerfileInstruction &run, const QString &prefix);

} // namespace ballast::detail
