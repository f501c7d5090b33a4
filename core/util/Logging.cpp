#include "util/Logging.h"

Q_LOGGING_CATEGORY(lcLoader, "ballast.loader", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSource, "ballast.source", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAnalysis, "ballast.analysis", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDockerfile, "ballast.dockerfile", QtWarningMsg)

namespace ballast {
void installLogMessagePattern()
{
    // Messages of the default category (plain qWarning) keep their text as it is.
    qSetMessagePattern(QStringLiteral("%{if-category}%{category}: %{endif}%{message}"));
}
} // namespace ballast
