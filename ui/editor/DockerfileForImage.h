#pragma once
#include <QString>

// Which Dockerfile goes with an image: the one the person chose for it (File › Open Dockerfile… while
// it was open, or the one a Rebuild built it from), remembered in the settings by the image's source;
// else a Dockerfile or Containerfile beside the image; else none.
namespace ballast::DockerfileForImage {
// The Dockerfile (or Containerfile) in the folder of an image given by path; empty for URIs.
QString beside(const QString &imageSource);
QString chosenOrBeside(const QString &imageSource);
void remember(const QString &imageSource, const QString &dockerfile);
constexpr int Limit = 100; // images remembered, the most recent first
} // namespace ballast::DockerfileForImage
