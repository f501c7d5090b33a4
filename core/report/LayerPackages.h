#pragma once
#include "image/Image.h"
#include "packages/PackageAttribution.h"

#include <QString>

namespace ballast {

// The packages a layer installed, for the Dockerfile line that made it: the packages whose database
// entry first appears in that layer, the bytes the layer wrote for them, its bytes of no package,
// and how many of them apt marked as installed automatically (var/lib/apt/extended_states), which
// --no-install-recommends can avoid when they came as recommendations.
struct LayerPackages {
    std::vector<const InstalledPackage *> installed; // largest bytes in the layer first
    int64_t installedBytes = 0;
    int64_t unpackagedBytes = 0; // regular-file bytes the layer wrote that no package owns
    int autoInstalled = -1; // of `installed`; -1 when apt's extended_states was not there
};
// One per layer of `image`, in layer order (apt's extended_states is read once for all of them).
std::vector<LayerPackages> packagesOfLayers(const Image &image, const PackageReport &report);

// "installed 26 packages (32.9 MB), the largest libpython3.11-stdlib (8.30 MB), …; 18 of them as
// dependencies or recommendations; 50.0 MB of the layer belongs to no package". Empty when the layer
// installed no package. With `suggestNoRecommends`, the automatic ones come with the advice to try
// --no-install-recommends.
QString describeLayerPackages(const LayerPackages &packages, bool suggestNoRecommends);

} // namespace ballast
