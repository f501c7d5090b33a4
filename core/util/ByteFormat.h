#pragma once
#include <QString>
#include <cstdint>

namespace ballast {

// "1.3 GB", "512 kB", "12 B": decimal units, as `docker images` prints them.
QString formatBytes(int64_t bytes);
// The same with a sign for growth: "+1.2 MB", "-3 kB", "0 B".
QString formatSignedBytes(int64_t bytes);

} // namespace ballast
