#pragma once

namespace ballast {

// Makes the environment select a UTF-8 character encoding (LC_CTYPE = C.UTF-8) when it selects one
// that is not UTF-8, as it does without LANG (CI jobs, cron, containers) or with LC_ALL=C; the other
// categories keep their values. Qt 6.8 switches to UTF-8 by itself but says so on stderr, where the
// notice would start every error message; Qt 6.4 stays with ASCII. The tools Ballast runs (docker,
// podman, skopeo) inherit the same environment. Call it first in main(), before the Q*Application
// reads the environment. An environment naming a locale that is not installed is left alone: Qt's
// warning about it is then true. Returns whether the environment was changed.
bool selectUtf8Locale();

} // namespace ballast
