#include "Utf8Locale.h"

#include <QByteArray>
#include <QtGlobal>

#include <clocale>
#include <langinfo.h>

namespace ballast {
namespace {

// Debian installs it with libc-bin on every system, minimal ones included.
const char *const Utf8Locale = "C.UTF-8";

// The categories LC_ALL stands for besides LC_CTYPE (glibc's, locale(7)).
const char *const OtherCategories[] = { "LC_COLLATE", "LC_MONETARY", "LC_NUMERIC", "LC_TIME", "LC_MESSAGES", "LC_PAPER",
    "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION" };

bool encodingIsUtf8()
{
    const char *codeset = nl_langinfo(CODESET);
    return qstricmp(codeset, "UTF-8") == 0 || qstricmp(codeset, "utf8") == 0;
}

} // namespace

bool selectUtf8Locale()
{
    // Look at what the environment selects, then put the process back as it was: the Q*Application
    // applies the environment itself.
    const QByteArray before = std::setlocale(LC_ALL, nullptr);
    const bool environmentValid = std::setlocale(LC_ALL, "") != nullptr;
    const bool alreadyUtf8 = environmentValid && encodingIsUtf8();
    const bool utf8Available = std::setlocale(LC_CTYPE, Utf8Locale) != nullptr;
    std::setlocale(LC_ALL, before.constData());
    if (alreadyUtf8 || !environmentValid || !utf8Available)
        return false;

    // LC_ALL overrides LC_CTYPE: hand its value to every other category, so that only the encoding changes.
    const QByteArray all = qgetenv("LC_ALL");
    if (!all.isEmpty()) {
        for (const char *category : OtherCategories)
            qputenv(category, all);
        qunsetenv("LC_ALL");
    }
    qputenv("LC_CTYPE", Utf8Locale);
    return true;
}

} // namespace ballast
