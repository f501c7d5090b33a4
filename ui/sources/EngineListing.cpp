#include "EngineListing.h"

#include "util/LoadError.h"

namespace ballast {

EngineListing listAllEngineImages()
{
    EngineListing listing;
    listing.engines = availableEngines();
    for (const QString &engine : listing.engines) {
        try {
            const std::vector<EngineImage> images = listEngineImages(engine);
            listing.images.insert(listing.images.end(), images.begin(), images.end());
        } catch (const LoadError &error) { // one engine down does not hide the other's images
            listing.problems << error.message();
        } catch (const std::exception &error) {
            listing.problems << QStringLiteral("%1: %2").arg(engine, QString::fromLocal8Bit(error.what()));
        }
    }
    return listing;
}

} // namespace ballast
