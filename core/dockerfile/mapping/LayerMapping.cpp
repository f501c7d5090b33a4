#include "dockerfile/mapping/LayerMapping.h"
#include "util/Logging.h"

#include <QHash>
#include <algorithm>
#include <climits>

namespace ballast {
namespace {

bool makesLayer(const QString &keyword)
{
    return keyword == QLatin1String("RUN") || keyword == QLatin1String("COPY") || keyword == QLatin1String("ADD");
}

// Alignment scores. An exact match is worth most; a kind-only match of a layer-making instruction is
// better than leaving both unexplained; a kind-only match of a metadata instruction is worth nothing
// (kaniko writes no entries for them, so a base image's ENV must not be taken for ours).
constexpr int ExactScore = 8;
constexpr int LikelyLayerScore = 2;
constexpr int LikelyMetadataScore = 0;
constexpr int SkipLayerInstruction = -4;
constexpr int SkipMetadataInstruction = 0;
constexpr int SkipOwnHistoryEntry = -4; // an entry after the stage's first step that no instruction explains
constexpr int Impossible = INT_MIN / 4;

struct Alignment {
    std::vector<std::pair<int, int>> matches; // (own row, history entry)
    std::vector<MatchConfidence> confidence; // per match
};

Alignment align(const std::vector<const DockerfileInstruction *> &own, const std::vector<QStringList> &shells,
    const std::vector<HistoryStep> &steps)
{
    const int n = int(own.size()), m = int(steps.size());
    // Keywords as small integers, so the n * m pairs of different kinds cost one comparison each.
    QHash<QString, int> kinds;
    const auto kindOf = [&kinds](const QString &keyword) {
        auto it = kinds.constFind(keyword);
        if (it == kinds.constEnd())
            it = kinds.insert(keyword, int(kinds.size()));
        return it.value();
    };
    std::vector<int> ownKind(static_cast<size_t>(n)), stepKind(static_cast<size_t>(m));
    std::vector<int> skipCost(static_cast<size_t>(n)), likelyScore(static_cast<size_t>(n));
    std::vector<StepMatcher> matchers;
    matchers.reserve(size_t(n));
    for (int i = 0; i < n; ++i) {
        ownKind[size_t(i)] = kindOf(own[size_t(i)]->keyword);
        const bool layer = makesLayer(own[size_t(i)]->keyword);
        skipCost[size_t(i)] = layer ? SkipLayerInstruction : SkipMetadataInstruction;
        likelyScore[size_t(i)] = layer ? LikelyLayerScore : LikelyMetadataScore;
        matchers.emplace_back(*own[size_t(i)], shells[size_t(i)]);
    }
    for (int h = 0; h < m; ++h)
        stepKind[size_t(h)] = kindOf(steps[size_t(h)].keyword);
    const auto fit = [&](int i, int h) -> std::optional<MatchConfidence> {
        if (ownKind[size_t(i)] != stepKind[size_t(h)])
            return std::nullopt;
        return matchers[size_t(i)].match(steps[size_t(h)]);
    };
    // Forward DP over (instructions [0, i), entries [0, h), s = a match happened), two score rows at a
    // time; `how` keeps every state's move for the way back: 1 skip entry, 2 skip instruction, 3 match,
    // plus 4 when the previous state had s = 1.
    const size_t width = size_t(m + 1) * 2;
    std::vector<int> current(width, Impossible), next(width, Impossible);
    std::vector<uint8_t> how(size_t(n + 1) * width, 0);
    const auto cell = [](int h, int s) { return size_t(h) * 2 + size_t(s); };
    current[cell(0, 0)] = 0;
    for (int i = 0; i <= n; ++i) {
        std::fill(next.begin(), next.end(), Impossible);
        for (int h = 0; h <= m; ++h)
            for (int s = 0; s < 2; ++s) {
                const int here = current[cell(h, s)];
                if (here == Impossible)
                    continue;
                const uint8_t from = s ? 4 : 0;
                const auto relax = [&](std::vector<int> &row, size_t rowBase, int hh, int ss, int score, uint8_t move) {
                    if (score > row[cell(hh, ss)]) {
                        row[cell(hh, ss)] = score;
                        how[rowBase + cell(hh, ss)] = move | from;
                    }
                };
                if (h < m)
                    relax(current, size_t(i) * width, h + 1, s, here + (s ? SkipOwnHistoryEntry : 0), 1);
                if (i < n) {
                    relax(next, size_t(i + 1) * width, h, s, here + skipCost[size_t(i)], 2);
                    if (h < m)
                        if (const auto f = fit(i, h))
                            relax(next, size_t(i + 1) * width, h + 1, 1,
                                here + (*f == MatchConfidence::Exact ? ExactScore : likelyScore[size_t(i)]), 3);
                }
            }
        if (i < n)
            std::swap(current, next);
    }
    Alignment out;
    int i = n, h = m, s = current[cell(m, 1)] > current[cell(m, 0)] ? 1 : 0;
    while (i > 0 || h > 0) {
        const uint8_t move = how[size_t(i) * width + cell(h, s)];
        if ((move & 3) == 3) {
            out.matches.push_back({ i - 1, h - 1 });
            out.confidence.push_back(*fit(i - 1, h - 1));
            --i;
            --h;
        } else if ((move & 3) == 2) {
            --i;
        } else {
            --h;
        }
        s = (move & 4) ? 1 : 0;
    }
    std::reverse(out.matches.begin(), out.matches.end());
    std::reverse(out.confidence.begin(), out.confidence.end());
    return out;
}

// buildah writes `comment: "FROM <base>"` on a stage's first step; when it names our base image the
// boundary between base and own history is certain.
bool commentNamesBase(const QString &comment, const DockerfileStage &stage)
{
    if (!comment.startsWith(QLatin1String("FROM ")))
        return false;
    const QString named = comment.mid(5).trimmed();
    return !stage.image.isEmpty()
        && (named == stage.baseName || named.endsWith(QLatin1Char('/') + stage.baseName)
            || named.section(QLatin1Char(':'), 0, 0).endsWith(stage.image));
}

void positionalFallback(const Image &image, LayerMapping &out, const std::vector<const DockerfileInstruction *> &own)
{
    out.notes << QStringLiteral("the image has no history: layers were matched to RUN/COPY/ADD lines in order");
    std::vector<size_t> layerRows;
    for (size_t r = 0; r < own.size(); ++r)
        if (makesLayer(own[r]->keyword))
            layerRows.push_back(r + 1);
    const int layerCount = int(image.layers.size());
    int layer = layerCount - int(layerRows.size());
    for (size_t k = 0; k < layerRows.size(); ++k, ++layer) {
        if (layer < 0)
            continue;
        out.rows[layerRows[k]].layers = { layer };
        out.rows[layerRows[k]].confidence = MatchConfidence::Likely;
    }
    for (int l = 0; l < std::max(0, layerCount - int(layerRows.size())); ++l)
        out.rows.front().layers.push_back(l);
    out.rows.front().confidence = MatchConfidence::Likely;
}

} // namespace

int64_t InstructionLayers::sizeBytes(const Image &image) const
{
    int64_t total = 0;
    for (int l : layers)
        total += image.layers[size_t(l)].size;
    return total;
}

const InstructionLayers *LayerMapping::row(int instruction) const
{
    for (const InstructionLayers &r : rows)
        if (r.instruction == instruction)
            return &r;
    return nullptr;
}

int LayerMapping::instructionFor(int layer) const
{
    return layer >= 0 && layer < int(instructionOfLayer.size()) ? instructionOfLayer[size_t(layer)] : -1;
}

MappingAgreement mappingAgreement(const Dockerfile &df, const LayerMapping &mapping)
{
    const int from
        = mapping.stage >= 0 && mapping.stage < int(df.stages.size()) ? df.stages[size_t(mapping.stage)].from : -1;
    const auto counts = [&](bool layerStepsOnly) {
        MappingAgreement out;
        for (const InstructionLayers &row : mapping.rows) {
            if (row.instruction < 0 || row.instruction >= int(df.instructions.size()) || row.instruction == from)
                continue; // the FROM line stands for the base image, not for a step of ours
            if (layerStepsOnly && !makesLayer(df.instructions[size_t(row.instruction)].keyword))
                continue;
            ++out.steps;
            const bool confirmed = mapping.fromHistory ? row.confidence == MatchConfidence::Exact : !row.layers.empty();
            out.matched += confirmed;
        }
        return out;
    };
    const MappingAgreement layerSteps = counts(true);
    const MappingAgreement agreement = layerSteps.steps > 0 ? layerSteps : counts(false);
    qCDebug(lcDockerfile) << "mapping agrees on" << agreement.matched << "of" << agreement.steps << "steps"
                          << (mapping.fromHistory ? "(read from history)" : "(by layer order)");
    return agreement;
}

QStringList shellAt(const Dockerfile &df, int instruction)
{
    QStringList shell = { QStringLiteral("/bin/sh"), QStringLiteral("-c") };
    if (instruction < 0 || instruction >= int(df.instructions.size()))
        return shell;
    std::vector<int> chain; // stages from the oldest ancestor to the instruction's stage
    for (int s = df.instructions[size_t(instruction)].stage; s >= 0; s = df.stages[size_t(s)].parentStage)
        chain.insert(chain.begin(), s);
    for (int s : chain) {
        const DockerfileStage &stage = df.stages[size_t(s)];
        for (int i = stage.first; i <= stage.last && i <= instruction; ++i) {
            const DockerfileInstruction &in = df.instructions[size_t(i)];
            if (in.keyword == QLatin1String("SHELL") && in.form == InstructionForm::Exec
                && (s != chain.back() || i < instruction))
                shell = in.execArgs;
        }
    }
    return shell;
}

std::vector<HistoryStep> historySteps(const Image &image)
{
    std::vector<HistoryStep> steps;
    steps.reserve(image.config.history.size());
    for (const HistoryEntry &entry : image.config.history)
        steps.push_back(parseCreatedBy(entry.createdBy));
    return steps;
}

LayerMapping mapInstructionsToLayers(const Dockerfile &df, const Image &image)
{
    return mapInstructionsToLayers(df, image, historySteps(image));
}

LayerMapping mapInstructionsToLayers(const Dockerfile &df, const Image &image, const std::vector<HistoryStep> &steps)
{
    LayerMapping out;
    out.instructionOfLayer.assign(image.layers.size(), -1);
    const DockerfileStage *stage = df.final();
    if (!stage)
        return out;
    out.stage = df.finalStage;
    std::vector<const DockerfileInstruction *> own;
    std::vector<QStringList> shells;
    for (int i = stage->first; i <= stage->last; ++i) {
        out.rows.push_back({ i, {}, {}, MatchConfidence::Unmatched });
        if (i != stage->from) {
            own.push_back(&df.instructions[size_t(i)]);
            shells.push_back(shellAt(df, i));
        }
    }
    const auto &history = image.config.history;
    if (history.empty()) {
        out.fromHistory = false;
        positionalFallback(image, out, own);
    } else {
        const Alignment alignment = align(own, shells, steps);
        for (size_t k = 0; k < alignment.matches.size(); ++k) {
            const auto [r, h] = alignment.matches[k];
            InstructionLayers &row = out.rows[size_t(r) + 1];
            row.history = { h };
            row.confidence = alignment.confidence[k];
            if (history[size_t(h)].layerIndex >= 0)
                row.layers = { history[size_t(h)].layerIndex };
        }
        const int firstOwn = alignment.matches.empty() ? int(history.size()) : alignment.matches.front().second;
        InstructionLayers &from = out.rows.front();
        for (int h = 0; h < firstOwn; ++h) {
            from.history.push_back(h);
            if (history[size_t(h)].layerIndex >= 0)
                from.layers.push_back(history[size_t(h)].layerIndex);
        }
        if (alignment.matches.empty()) {
            out.notes << QStringLiteral(
                "no history entry matches an instruction of the final stage: is this the image the Dockerfile built?");
        } else {
            const bool firstStepIsFirstOwn
                = alignment.matches.front().first == 0 && alignment.confidence.front() == MatchConfidence::Exact;
            const bool certain = (firstOwn == 0 && stage->baseName == QLatin1String("scratch"))
                || commentNamesBase(history[size_t(firstOwn)].comment, *stage);
            from.confidence = certain || firstStepIsFirstOwn ? MatchConfidence::Exact : MatchConfidence::Likely;
            int explained = int(alignment.matches.size());
            if (int extra = int(history.size()) - firstOwn - explained; extra > 0)
                out.notes << QStringLiteral("%1 history entries after the base image match no instruction").arg(extra);
        }
    }
    for (const InstructionLayers &row : out.rows)
        for (int l : row.layers)
            if (l >= 0 && l < int(out.instructionOfLayer.size()))
                out.instructionOfLayer[size_t(l)] = row.instruction;
    return out;
}

} // namespace ballast
