#pragma once
#include "analysis/ImageAnalysis.h"

#include <QString>

namespace ballast {

// A report for pull-request comments: summary table, the heaviest layers, the top findings.
QString markdownReport(const Image &image, const ImageAnalysis &analysis);

} // namespace ballast
