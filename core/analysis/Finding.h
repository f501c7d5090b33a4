#pragma once
#include <QString>
#include <string>
#include <vector>

namespace ballast {

enum class Severity : uint8_t { Info, Warning, Error };
const char *severityName(Severity severity);

// One thing worth fixing in an image, with the bytes it costs and a plain line of advice.
struct Finding {
    QString category; // stable code, e.g. "apt-lists", "setuid", "duplicate-content"
    Severity severity = Severity::Info;
    QString title;
    QString advice;
    std::vector<std::string> paths; // relative paths, most important first (capped)
    int64_t bytes = 0;
    int layer = -1; // the layer that created the bytes, -1 when several or none
    bool security = false;
    int laterLayer = -1; // deleted-later, overwritten-later: the layer that deleted or replaced them
};

} // namespace ballast
