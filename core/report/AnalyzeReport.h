#pragma once
#include "image/Image.h"

#include <QString>
#include <nlohmann/json.hpp>

namespace ballast {

// `ballast-cli analyze` output: the JSON document (paths without a leading '/'), and a table like
// `docker history` with a summary.
nlohmann::json analyzeJson(const Image &image);
QString analyzeText(const Image &image);

} // namespace ballast
