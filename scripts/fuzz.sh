#!/usr/bin/env bash
# Runs the libFuzzer targets (docs/fuzzing.md): scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]
#   scripts/fuzz.sh                       # every target, 60 s each
#   scripts/fuzz.sh 300 image_archive     # one target, five minutes
# Configures and builds the `fuzz` preset (clang, ASan + UBSan) when needed. Each target fuzzes a
# working corpus in build/fuzz/fuzz-work/<target>/ (kept between runs, BALLAST_FUZZ_WORK moves it)
# with tests/fuzz/seeds/<target>/ as a second, read-only corpus. Crash, leak, timeout and
# out-of-memory inputs are copied into tests/fuzz/regressions/<target>/, where the
# fuzz_<target>_regressions tests replay them from then on, and the script exits 1.
# BALLAST_FUZZ_NO_BUILD=1 skips the build step (e.g. while another build runs in build/fuzz).
set -uo pipefail
cd "$(dirname "$0")/.."
source_dir=$(pwd)

all_targets=(image_archive layer_tree dockerfile dive_ci json package_databases)
seconds=${1:-60}
if ! [[ $seconds =~ ^[0-9]+$ ]]; then
  echo "usage: $0 [SECONDS_PER_TARGET] [TARGET…]; targets: ${all_targets[*]}" >&2
  exit 2
fi
shift $(($# > 0 ? 1 : 0))
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")

max_len_of() {
  case $1 in
    image_archive | layer_tree) echo 1048576 ;; # whole archives and layer blobs
    package_databases) echo 262144 ;;          # an rpmdb.sqlite of a few packages is ~220 KiB
    *) echo 65536 ;;                             # text and JSON
  esac
}
dictionary_of() {
  case $1 in
    image_archive | layer_tree | json) echo tests/fuzz/dictionaries/image_archive.dict ;;
    *) echo "tests/fuzz/dictionaries/$1.dict" ;;
  esac
}

build=build/fuzz
for target in "${targets[@]}"; do
  if [[ ! " ${all_targets[*]} " == *" $target "* ]]; then
    echo "unknown target '$target'; targets: ${all_targets[*]}" >&2
    exit 2
  fi
done
if [ -z "${BALLAST_FUZZ_NO_BUILD:-}" ]; then # set it to fuzz the executables as they are
  if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake --preset fuzz || exit 2
  fi
  cmake --build "$build" --target "${targets[@]/#/fuzz_}" || exit 2
fi

work=${BALLAST_FUZZ_WORK:-$build/fuzz-work}
# ASan keeps freed memory in a quarantine (256 MB by default) that counts against -rss_limit_mb; a
# small one keeps an out-of-memory report meaning that the input itself needs too much memory.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16}
status=0
summary=()
for target in "${targets[@]}"; do
  dir=$work/$target
  mkdir -p "$dir/corpus" "$dir/artifacts" "tests/fuzz/regressions/$target"
  log=$dir/fuzz.log
  echo "== fuzz_$target: ${seconds}s (log: $log)"
  TIMEFORMAT='%U %S'
  { time "$build/fuzz/fuzz_$target" "$dir/corpus" "tests/fuzz/seeds/$target" \
      -max_total_time="$seconds" -rss_limit_mb=400 -timeout=60 -max_len="$(max_len_of "$target")" \
      -dict="$(dictionary_of "$target")" -artifact_prefix="$dir/artifacts/" -print_final_stats=1 \
      >"$log" 2>&1; } 2>"$dir/cpu-time"
  exit_code=$?
  read -r user system <"$dir/cpu-time"
  cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.0f", u + s }')
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  coverage=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
  corpus_files=$(find "$dir/corpus" -type f | wc -l)
  corpus_bytes=$(du -sk "$dir/corpus" | cut -f1)

  # Keep every failing input that fails again when replayed alone as a regression test; libFuzzer
  # names them by kind and content hash. An out-of-memory report is taken from a once-a-second RSS
  # sample and names whatever input ran at that moment (often the empty one), so an input that
  # replays cleanly is not a reproducer: it is reported, kept aside and does not fail the run.
  artifacts=()
  unreproduced=()
  for artifact in "$dir"/artifacts/{crash,leak,timeout,oom}-*; do
    [ -e "$artifact" ] || continue
    if "$build/fuzz/fuzz_$target" "$artifact" -rss_limit_mb=400 -timeout=60 >"$artifact.replay.log" 2>&1; then
      mkdir -p "$dir/unreproduced"
      mv "$artifact" "$artifact.replay.log" "$dir/unreproduced/"
      unreproduced+=("$(basename "$artifact")")
      continue
    fi
    cp "$artifact" "tests/fuzz/regressions/$target/" && rm "$artifact" "$artifact.replay.log"
    artifacts+=("tests/fuzz/regressions/$target/$(basename "$artifact")")
  done
  line="fuzz_$target: ${cpu} CPU s, ${executions:-?} executions, ${coverage:-no coverage line}, corpus ${corpus_files} files (${corpus_bytes} KiB)"
  if [ ${#unreproduced[@]} -gt 0 ]; then
    line+=", not reproduced on replay (kept in $dir/unreproduced): ${unreproduced[*]}"
    grep -E 'ERROR: libFuzzer|SUMMARY|^MS:' "$log" | head -5 | sed 's/^/    /'
  fi
  if [ ${#artifacts[@]} -gt 0 ]; then
    grep -E 'ERROR: |SUMMARY' "$log" | head -5 | sed 's/^/    /'
    line+=", FAILED: ${artifacts[*]}"
    status=1
  elif [ ${#unreproduced[@]} -eq 0 ] && [ $exit_code -ne 0 ]; then
    line+=", FAILED: libFuzzer exited with $exit_code (see $log)"
    status=1
  fi
  echo "$line"
  summary+=("$line")
done

echo
echo "== summary"
printf '%s\n' "${summary[@]}"
if [ $status -ne 0 ]; then
  echo "failing inputs are in tests/fuzz/regressions/; replay one with $build/fuzz/fuzz_<target> FILE"
fi
exit $status
