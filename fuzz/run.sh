#!/usr/bin/env bash
# Builds invoice-fuzz for libFuzzer with AddressSanitizer and fuzzes for FUZZ_SECONDS seconds.
#
# The run starts from fuzz/corpus and fuzz/regressions, copied into a working corpus under .build-fuzz/ that
# later runs keep growing; the repository's corpus is never written to. A crash or broken invariant stops the
# run with its input under .build-fuzz/artifacts/: keep it as fuzz/regressions/<what-it-broke> once fixed.
#
# Environment: SWIFT (swift), FUZZ_SECONDS (300), FUZZ_JOBS (1: one process; N: libFuzzer's -fork=N),
# FUZZ_ARGS (more libFuzzer flags).
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
FUZZ_SECONDS=${FUZZ_SECONDS:-300}
FUZZ_JOBS=${FUZZ_JOBS:-1}
scratch=.build-fuzz
work="$scratch/work-corpus"
artifacts="$scratch/artifacts"

started=$(date +%s)
# -DLIBFUZZER makes the entry point hand over to libFuzzer's driver. SwiftPM aliases main to the target's own
# entry point with --defsym, which gold refuses (and crashes on) next to libFuzzer's main; lld accepts it.
"$SWIFT" build -c release --product invoice-fuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DLIBFUZZER \
    -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
binary="$("$SWIFT" build -c release --scratch-path "$scratch" --show-bin-path)/invoice-fuzz"
built=$(date +%s)
echo "fuzz: build took $((built - started)) s"

mkdir -p "$work" "$artifacts"
cp fuzz/corpus/* fuzz/regressions/* "$work/"

flags=(
    -max_total_time="$FUZZ_SECONDS"
    # Seed files go up to about 9 KB; the raw server's body limit is 8 KiB.
    -max_len=16384
    # One input normally takes milliseconds; a connection left hanging is cut at 5 s by the harness itself.
    -timeout=30
    -rss_limit_mb=4096
    -dict=fuzz/invoice.dict
    -artifact_prefix="$artifacts/"
    -print_final_stats=1
)
if [ "$FUZZ_JOBS" -gt 1 ]; then
    flags+=(-fork="$FUZZ_JOBS" -ignore_crashes=0)
fi
# The Swift runtime's backtracer reads other threads' stacks, which AddressSanitizer reports as a
# stack-buffer-underflow and which hides the real report; libFuzzer prints the stack itself.
export SWIFT_BACKTRACE=enable=no
set +e
# shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
"$binary" "${flags[@]}" ${FUZZ_ARGS:-} "$work" 2>&1 | tee "$scratch/fuzz.log" | grep -v -E "^#[0-9]+\s+(NEW|REDUCE)"
status=${PIPESTATUS[0]}
set -e
finished=$(date +%s)
final_stat() { grep -m1 -o "stat::$1: *[0-9]*" "$scratch/fuzz.log" | grep -o '[0-9]*$' || echo '?'; }
echo "fuzz: $((finished - built)) s of fuzzing, $(final_stat number_of_executed_units) inputs," \
    "$(final_stat average_exec_per_sec) per second, corpus $(find "$work" -type f | wc -l) files"
if [ "$status" -ne 0 ]; then
    echo "fuzz: FAILED (exit $status); the input is in $artifacts/, the log in $scratch/fuzz.log"
fi
exit "$status"
