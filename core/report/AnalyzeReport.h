#pragma once
#include "analysis/ImageAnalysis.h"
#include "image/Image.h"

#include <QString>
#include <nlohmann/json.hpp>

namespace ballast {

// `ballast-cli analyze` output: the JSON document (paths without a leading '/'), and a table like
// `docker history` with a summary.
nlohmann::ordered_json analyzeJson(const Image &image, const ImageAnalysis &analysis);
QString analyzeText(const Image &image, const ImageAnalysis &analysis);

} // namespace ballast
