#pragma once
#include <QString>

namespace ballast {

// The instruction a history entry records, without builder noise: `/bin/sh -c #(nop) ` prefixes,
// BuildKit's ` # buildkit` suffix, build-arg prefixes `|2 A=1 B=2 `. For display only; exports keep
// the raw text.
QString cleanCreatedBy(const QString &createdBy);

} // namespace ballast
