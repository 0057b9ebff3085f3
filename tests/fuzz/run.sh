#!/bin/bash
# Runs one libFuzzer target from the 'fuzz' preset's build on a working copy of its seed corpus.
#   tests/fuzz/run.sh smf_reader|audio_decoder|model_loader [SECONDS] [libFuzzer options...]
# New inputs go to build/fuzz/corpus/TARGET (not committed), crashes to build/fuzz/artifacts/TARGET.
# Reproduce one: build/fuzz/tests/fuzz/fuzz_TARGET FILE; then copy it to tests/fuzz/regressions/TARGET/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target=${1:?target: smf_reader, audio_decoder or model_loader}
seconds=${2:-300}
shift $(( $# >= 2 ? 2 : 1 ))
build=$root/build/fuzz
binary=$build/tests/fuzz/fuzz_$target
[ -x "$binary" ] || { echo "no $binary: cmake --preset fuzz && cmake --build --preset fuzz" >&2; exit 2; }
mkdir -p "$build/corpus/$target" "$build/artifacts/$target"
# Big allocations return null (as malloc does outside ASan: LibTorch then throws) instead of
# stopping the run; leaks are checked by the asan test preset, not per input here. libFuzzer
# puts libstdc++ before the shared ASan runtime, which is harmless (nothing in it allocates first).
export ASAN_OPTIONS=${ASAN_OPTIONS:-allocator_may_return_null=1:detect_leaks=0:verify_asan_link_order=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exec "$binary" "$build/corpus/$target" "$here/corpus/$target" \
  -artifact_prefix="$build/artifacts/$target/" -max_total_time="$seconds" -timeout=20 \
  -rss_limit_mb=4096 -print_final_stats=1 "$@"
