#include "LoadLimits.h"

namespace ballast {

QString overTheLimit(int64_t limit, const char *option)
{
    return QStringLiteral("over the limit of %1 (--%2)").arg(limit).arg(QLatin1String(option));
}

QString shortenMiddle(const QString &text, int maxChars)
{
    if (text.size() <= maxChars)
        return text;
    int head = maxChars / 2, tail = maxChars - head - 1;
    if (text.at(head - 1).isHighSurrogate()) // never split a character outside the BMP
        --head;
    if (text.at(text.size() - tail).isLowSurrogate())
        --tail;
    return text.left(head) + QChar(0x2026) + text.right(tail);
}

} // namespace ballast
