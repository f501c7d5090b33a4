#pragma once
#include <QLoggingCategory>

// One logging category per core module, all quiet by default: only warnings and worse are printed.
// Turn a module on with QT_LOGGING_RULES, e.g. `QT_LOGGING_RULES='ballast.loader.debug=true'`, or all
// of them with `ballast.*.debug=true`. Messages go to stderr with the category name in front.
Q_DECLARE_LOGGING_CATEGORY(lcLoader) // ballast.loader: phases of a load and their times
Q_DECLARE_LOGGING_CATEGORY(lcSource) // ballast.source: the engine, registry and build commands run
Q_DECLARE_LOGGING_CATEGORY(lcAnalysis) // ballast.analysis: analysis and diff times
Q_DECLARE_LOGGING_CATEGORY(lcDockerfile) // ballast.dockerfile: the layer mapping and lint runs

namespace ballast {
// Installs the message pattern that names the category ("ballast.loader: …"). Both programs call it.
void installLogMessagePattern();
} // namespace ballast
