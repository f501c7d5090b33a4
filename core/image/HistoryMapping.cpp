#include "HistoryMapping.h"

namespace ballast {

void mapHistoryToLayers(Image &image)
{
    auto &history = image.config.history;
    int nonEmpty = 0;
    for (const auto &entry : history)
        nonEmpty += entry.emptyLayer ? 0 : 1;
    const int layerCount = int(image.layers.size());
    if (history.empty()) {
        if (layerCount > 0)
            image.warnings << QStringLiteral(
                "the config has no history: layers are shown without the steps that made them");
        return;
    }
    if (nonEmpty != layerCount)
        image.warnings << QStringLiteral("the config's history lists %1 layer-creating steps for %2 layers; "
                                         "steps were matched to layers in order and may be off")
                              .arg(nonEmpty)
                              .arg(layerCount);
    int layer = 0;
    for (int i = 0; i < int(history.size()); ++i) {
        if (history[i].emptyLayer || layer >= layerCount)
            continue;
        history[i].layerIndex = layer;
        image.layers[layer].historyIndex = i;
        ++layer;
    }
}

} // namespace ballast
