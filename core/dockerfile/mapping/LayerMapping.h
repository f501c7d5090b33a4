#pragma once
#include "dockerfile/mapping/HistoryStep.h"
#include "dockerfile/parse/Dockerfile.h"
#include "image/Image.h"

#include <vector>

namespace ballast {

// What one instruction of the final stage left in the image: the history entries and layers credited
// to it. The FROM line gets the base image's entries and layers (all history before the stage's own
// first step); other instructions get at most one entry and one layer.
struct InstructionLayers {
    int instruction = -1; // index into Dockerfile::instructions
    std::vector<int> history; // indices into ImageConfig::history
    std::vector<int> layers; // indices into Image::layers
    MatchConfidence confidence = MatchConfidence::Unmatched;

    int layer() const { return layers.size() == 1 ? layers.front() : -1; }
    int64_t sizeBytes(const Image &image) const; // sum of its layers' sizes
};

// How far the image's history confirms a Dockerfile: of the final stage's steps that make a layer
// (RUN, COPY, ADD; all its own instructions when it has none), how many the history records exactly
// as written. A Dockerfile that built another image still gets "likely" matches (a COPY for a COPY),
// so only exact ones count. Without any history nothing contradicts the positional guess: the steps
// that found a layer count.
struct MappingAgreement {
    int matched = 0;
    int steps = 0;

    // At least half of the steps matched: the sizes and the image rules describe these lines.
    bool trusted() const { return matched * 2 >= steps; }
};

struct LayerMapping {
    int stage = -1; // the stage mapped (the Dockerfile's final stage)
    bool fromHistory = true; // false: the image has no history and layers were assigned in order
    std::vector<InstructionLayers> rows; // one per instruction of the stage, FROM first
    std::vector<int> instructionOfLayer; // per layer: the instruction that made it, -1 when unknown
    QStringList notes; // why matches are uncertain

    const InstructionLayers *row(int instruction) const;
    // The instruction that made `layer`, -1 when unknown.
    int instructionFor(int layer) const;
};

// Aligns the final stage's instructions with the image's history (ordered, each entry matched to at
// most one instruction, as few unexplained entries and instructions as possible; the entries before
// the first match are the base image's). Without history, layer-making instructions take the last
// layers in order, marked likely.
LayerMapping mapInstructionsToLayers(const Dockerfile &dockerfile, const Image &image);
// How many of the mapped stage's steps the image confirms (see MappingAgreement).
MappingAgreement mappingAgreement(const Dockerfile &dockerfile, const LayerMapping &mapping);
// The same with the image's history already read (parseCreatedBy of each entry, in order), for callers
// that map many versions of a Dockerfile against one image.
LayerMapping mapInstructionsToLayers(
    const Dockerfile &dockerfile, const Image &image, const std::vector<HistoryStep> &steps);
std::vector<HistoryStep> historySteps(const Image &image);

// The SHELL in force at each instruction of a stage (inherited through FROM <stage>).
QStringList shellAt(const Dockerfile &dockerfile, int instruction);

} // namespace ballast
