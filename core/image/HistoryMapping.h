#pragma once
#include "image/Image.h"

namespace ballast {

// Links history entries to layers: the k-th history entry without `empty_layer` belongs to the k-th
// layer (OCI image spec, config "history"). When the counts disagree (kaniko omits steps, some tools
// drop history) the mapping falls back to layer order and a warning says so.
void mapHistoryToLayers(Image &image);

} // namespace ballast
