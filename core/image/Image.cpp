#include "Image.h"

namespace ballast {

QString Image::platform() const
{
    QString name = config.os + QLatin1Char('/') + config.architecture;
    return config.variant.isEmpty() ? name : name + QLatin1Char('/') + config.variant;
}

int64_t Image::sizeBytes() const
{
    int64_t total = 0;
    for (const Layer &layer : layers)
        total += layer.size;
    return total;
}

int64_t Image::compressedSizeBytes() const
{
    int64_t total = 0;
    for (const Layer &layer : layers)
        total += layer.compressedSize;
    return total;
}

} // namespace ballast
