#pragma once
#include "util/LoadLimits.h"
#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>
#include <vector>

namespace ballast {

struct HistoryEntry {
    QString created;
    QString createdBy;
    QString author;
    QString comment;
    bool emptyLayer = false;
    int layerIndex = -1; // the layer this step produced, -1 for empty ones
};

// The parts of the OCI/Docker image config that Ballast shows.
struct ImageConfig {
    QString os;
    QString architecture;
    QString variant;
    QString created;
    QStringList env;
    QStringList entrypoint;
    QStringList cmd;
    QString user;
    QString workingDir;
    QMap<QString, QString> labels;
    QStringList exposedPorts;
    QStringList diffIds;
    std::vector<HistoryEntry> history;

    // Throws LoadError naming `source` when the JSON is invalid, nested deeper than `maxJsonDepth`, or
    // not an object, or when rootfs.diff_ids is not an array of strings.
    static ImageConfig parse(
        const QByteArray &json, const QString &source, int maxJsonDepth = LoadLimits {}.maxJsonDepth);
};

} // namespace ballast
