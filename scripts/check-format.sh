#!/usr/bin/env bash
# Fails when a C++ file differs from what clang-format makes of it under the committed .clang-format
# (written for clang-format 14, as Debian 12 ships it; other versions format some constructs
# differently). `scripts/check-format.sh --fix` rewrites the files instead.
set -euo pipefail
cd "$(dirname "$0")/.."
formatter=$(command -v clang-format-14 || command -v clang-format || true)
[ -n "$formatter" ] || { echo "check-format.sh: clang-format is missing (scripts/install-deps.sh installs it)" >&2; exit 2; }
mapfile -d '' files < <(git ls-files -z -- '*.cpp' '*.h' ':!:tests/data/**' ':!:tests/fuzz/regressions/**' ':!:tests/fuzz/seeds/**')
if [ "${1:-}" = --fix ]; then
  "$formatter" -i "${files[@]}"
  exit 0
fi
report=$(mktemp)
trap 'rm -f "$report"' EXIT
if ! "$formatter" --dry-run --Werror "${files[@]}" 2> "$report"; then
  grep -E '^[^ ].*: (error|warning):' "$report" | cut -d: -f1 | sort -u | sed 's/^/  /' >&2
  echo "check-format.sh: the files above are not formatted ($("$formatter" --version | head -1)); run scripts/check-format.sh --fix" >&2
  exit 1
fi
echo "check-format.sh: ${#files[@]} files formatted"
