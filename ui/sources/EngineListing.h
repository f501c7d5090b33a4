#pragma once
#include "source/EngineImages.h"

#include <QStringList>
#include <vector>

namespace ballast {

// The images of every engine on PATH, and what went wrong with the ones that could not list theirs.
struct EngineListing {
    QStringList engines; // present on PATH, in availableEngines() order
    std::vector<EngineImage> images;
    QStringList problems; // one message per engine that failed ("docker: … Is the docker daemon running?")
};

// Runs `docker image ls` / `podman images` one after the other; blocks, so call it off the GUI thread.
EngineListing listAllEngineImages();

} // namespace ballast
