#pragma once
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace ballast {

// One image of a local engine, as `docker image ls` / `podman images` list it.
struct EngineImage {
    QString engine; // "docker" or "podman"
    QString repository; // "docker.io/library/alpine", "<none>" for an untagged image
    QString tag; // "3.19", "<none>"
    QString id; // short image ID
    int64_t size = -1; // bytes; -1 when the engine did not say
    QDateTime created; // invalid when the engine did not say

    // What to open: podman://alpine:3.19, or podman://ID for an untagged image.
    QString sourceUri() const;
};

// The engines whose command-line tool is on PATH, in the order docker, podman.
QStringList availableEngines();

// Throws LoadError naming the engine and what it said when the listing fails.
std::vector<EngineImage> listEngineImages(const QString &engine);

// Parsers of the listings, public for tests.
std::vector<EngineImage> parseDockerImageLines(const QByteArray &jsonLines);
std::vector<EngineImage> parsePodmanImagesJson(const QByteArray &json);

} // namespace ballast
