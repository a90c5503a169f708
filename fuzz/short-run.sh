#!/usr/bin/env bash
# A short libFuzzer run of every target, as CI runs it: each target starts from its corpus
# in the repository (read only; new inputs go to a temporary folder) and runs for
# FUZZ_SECONDS (default 30). A crash, a timeout (an input taking more than 10 s) or more
# than 2 GB of memory fails the run and leaves the input in fuzz/artifacts/<target>/.
#
# Usage: fuzz/short-run.sh [target …]     (default: all targets)
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`). Coverage instrumentation without
# a sanitizer (-s none) keeps the build short; the library is built without its window
# (thidua's `gui` feature is off in fuzz/Cargo.toml).
set -euo pipefail
cd "$(dirname "$0")"
seconds="${FUZZ_SECONDS:-30}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(xlsx_import package_files text)
fi
# cargo-fuzz expects a nightly toolchain; this lets the stable one stand in. Keep it on
# every fuzz command (the README's too): builds with and without it do not share artifacts.
export RUSTC_BOOTSTRAP=1
cargo fuzz build -s none
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for target in "${targets[@]}"; do
  mkdir -p "$work/$target"
  log="$work/$target.log"
  if ! cargo fuzz run -s none "$target" "$work/$target" "corpus/$target" -- \
      -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
      > "$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz target $target failed; the input is in fuzz/artifacts/$target/" >&2
    exit 1
  fi
  runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
  echo "fuzz $target: $runs runs in $seconds s, no crash"
done
