#include "ByteFormat.h"

#include <cmath>
#include <cstdlib>

namespace ballast {

QString formatBytes(int64_t bytes)
{
    static const char *const units[] = { "B", "kB", "MB", "GB", "TB", "PB" };
    double value = double(bytes);
    int unit = 0;
    while (std::abs(value) >= 1000.0 && unit < 5) {
        value /= 1000.0;
        ++unit;
    }
    if (unit == 0)
        return QStringLiteral("%1 B").arg(bytes);
    return QStringLiteral("%1 %2")
        .arg(value, 0, 'f',
            std::abs(value) < 10        ? 2
                : std::abs(value) < 100 ? 1
                                        : 0)
        .arg(QLatin1String(units[unit]));
}

QString formatSignedBytes(int64_t bytes)
{
    return (bytes > 0 ? QStringLiteral("+") : QString()) + formatBytes(bytes);
}

} // namespace ballast
