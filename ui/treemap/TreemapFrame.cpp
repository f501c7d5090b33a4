#include "TreemapFrame.h"

namespace ballast {

std::shared_ptr<const TreemapFrame> buildTreemapFrame(const TreemapRequest &request, const std::atomic<bool> *cancelled)
{
    auto frame = std::make_shared<TreemapFrame>();
    frame->coloring = request.coloring;
    frame->layout = request.layout;
    if (!frame->layout) {
        auto weights = request.weights && request.weights->scope == request.scope
            ? request.weights
            : TreemapWeights::compute(request.scope, cancelled);
        if (!weights)
            return nullptr;
        frame->layout = TreemapLayout::build(weights, request.zoomRoot, float(request.size.width()),
            float(request.size.height()), request.layoutOptions, cancelled);
        if (!frame->layout)
            return nullptr;
    }
    frame->hitGrid = std::make_shared<TreemapHitGrid>(*frame->layout);
    frame->colors = tileColors(*frame->layout, request.coloring);
    frame->image = renderTreemap(*frame->layout, frame->colors, request.renderOptions, cancelled);
    if (frame->image.isNull())
        return nullptr;
    return frame;
}

} // namespace ballast
