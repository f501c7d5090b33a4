#pragma once
#include "analysis/ImageAnalysis.h"

#include <nlohmann/json.hpp>

namespace ballast {

// dive's `--json` export, field for field and in dive's key order, so that scripts written for dive
// read Ballast's output unchanged.
nlohmann::ordered_json diveExportJson(const Image &image, const ImageAnalysis &analysis);

// Go's os.FileMode encoding of a tar entry's mode (what dive writes as "fileMode").
uint32_t goFileMode(const LayerEntry &entry);

} // namespace ballast
