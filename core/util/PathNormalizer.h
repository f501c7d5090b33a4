#pragma once
#include <QString>
#include <optional>
#include <string>
#include <string_view>

namespace ballast {

// Tar entry names come as `./usr/bin`, `/usr/bin/`, `usr//bin` or even `../../etc`. All of them are
// reduced to a relative path without `.`/`..` components that can never climb above the root: a
// `..` at the top is dropped, as container runtimes do when they apply a layer.
std::string normalizeEntryPath(std::string_view raw);

// `target` (a link's value) resolved against `directory`, both relative to the archive's top;
// nullopt when it is absolute or climbs above the top. For following links inside an archive.
std::optional<std::string> resolveInside(std::string_view directory, std::string_view target);

// Names are byte strings in tar; show invalid UTF-8 bytes as \xNN escapes instead of replacement marks
// so that two different names never look the same.
QString displayPath(std::string_view bytes);

} // namespace ballast
