#pragma once
#include "diff/ImageDiff.h"

#include <QString>
#include <nlohmann/json.hpp>

namespace ballast {

// `ballast-cli diff` output. JSON: summary, layers (shared, aligned, edited, only in A, only in B) and one row
// per path whose state differs; text and Markdown: summary, layers and the biggest movements.
nlohmann::ordered_json diffJson(const ImageDiff &diff);
QString diffText(const ImageDiff &diff);
QString diffMarkdown(const ImageDiff &diff);

// The largest changes, as a person would list them: added or removed subtrees as a whole, and
// modified files; largest absolute delta first.
std::vector<ImageDiff::NodeId> topMovements(const ImageDiff &diff, size_t count);

} // namespace ballast
