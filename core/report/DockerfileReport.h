#pragma once
#include "dockerfile/lint/Lint.h"
#include "dockerfile/mapping/LayerMapping.h"

#include <QString>
#include <nlohmann/json.hpp>

namespace ballast {

// `analyze --dockerfile`: one row per instruction of the final stage: line, endLine, instruction,
// layerIndex (null when it made no layer; the FROM line lists its base layers in baseLayers),
// sizeBytes (null when no layer), confidence, historyIndex.
nlohmann::ordered_json dockerfileJson(
    const QString &path, const Dockerfile &dockerfile, const LayerMapping &mapping, const Image &image);
QString dockerfileText(const Dockerfile &dockerfile, const LayerMapping &mapping, const Image &image);

// `lint`: {"findings": [{line, column, endLine, rule, severity, message, bytes?}]}.
nlohmann::ordered_json lintJson(const QString &path, const std::vector<LintFinding> &findings);
// `FILE:LINE:COLUMN RULE severity: message`, one per line, then a count.
QString lintText(const QString &path, const std::vector<LintFinding> &findings);

} // namespace ballast
