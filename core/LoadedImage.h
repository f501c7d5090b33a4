#pragma once
#include "analysis/ImageAnalysis.h"
#include "image/Image.h"

#include <QMetaType>
#include <memory>

namespace ballast {

// An image as the application holds it once loaded: the decoded image and its analysis, both
// immutable and shared by every view that shows them.
struct LoadedImage {
    std::shared_ptr<const Image> image;
    std::shared_ptr<const ImageAnalysis> analysis;
};

} // namespace ballast

Q_DECLARE_METATYPE(ballast::LoadedImage)
