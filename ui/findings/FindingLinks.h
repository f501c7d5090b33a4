#pragma once
#include "findings/FindingsModel.h"

namespace ballast {

class DockerfilePane;

// What the Dockerfile pane says about each finding of `analysis`, in its order: the line of the
// finding's layer and of the layer that hid its files (DockerfilePane::lineOfLayer, so a Dockerfile that
// does not match the image gives none), and the quick fixes of the hints that measure the finding,
// merged into one edit. The image's hints have fixes only while the editor holds the text that built
// the image; while the pane is still linting the text it shows, they may describe an older text, so no
// fix is given then either.
std::vector<FindingsModel::DockerfileLink> dockerfileLinks(const ImageAnalysis &analysis, const DockerfilePane &pane);

} // namespace ballast
