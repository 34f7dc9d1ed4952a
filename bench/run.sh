#!/usr/bin/env bash
# `make bench`: installs wrk, nginx, gcc, python3, pkg-config and libevent-dev when missing, builds the release
# sandbox and the libevent ceiling (bench/ceiling.c), then runs bench/bench.py, which starts the servers on
# 127.0.0.1, measures, and writes bench/RESULTS.md. Everything started here is stopped on exit, on failure,
# on Ctrl-C and on SIGTERM; the logs of the last run are kept in bench/tmp/last-run/ (git-ignored).
#
# Environment: SWIFT (swift), BENCH_SCRATCH (.build: the scratch path of the release build),
# BENCH_DURATION (10 s per wrk run), BENCH_ROUNDS (3 GET runs per server), BENCH_CONNECTIONS (64),
# BENCH_WRK_THREADS (2), BENCH_STARTS (20),
# BENCH_BIG_INVOICES (100000), BENCH_THREADS (nproc: the threads of every server),
# SOAK_SECONDS (300: the soak's length; 0 skips it), SOAK_CONNECTIONS (256), SOAK_INTERVAL (5 s between RSS
# samples), SOAK_RSS_BOUND_MB (2: the largest steady-state RSS growth that counts as flat).
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
SCRATCH=${BENCH_SCRATCH:-.build}
THREADS=${BENCH_THREADS:-$(nproc)}
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
began=$(date +%s)

work=""
sandbox=""
bench_pid=""
policy_rc=""

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [ -n "$bench_pid" ] && kill -0 "$bench_pid" 2>/dev/null; then
        kill -TERM "$bench_pid" 2>/dev/null || true
        wait "$bench_pid" 2>/dev/null || true
    fi
    if [ -n "$work" ] && [ -f "$work/pids" ]; then
        # bench.py stops its servers itself; this catches them if it was killed outright. Only processes
        # still running one of our binaries are signalled, in case a PID was reused.
        while read -r pid; do
            exe=$(readlink "/proc/$pid/exe" 2>/dev/null || true)
            case "$exe" in
                "$sandbox" | "$work/ceiling" | */nginx) kill -TERM "$pid" 2>/dev/null || true ;;
            esac
        done <"$work/pids"
    fi
    if [ -n "$work" ] && [ -d "$work" ]; then
        rm -rf bench/tmp/last-run && mkdir -p bench/tmp/last-run
        cp "$work"/*.txt "$work"/*.log bench/tmp/last-run/ 2>/dev/null || true
        cp "$work"/nginx/nginx.conf "$work"/nginx/error.log bench/tmp/last-run/ 2>/dev/null || true
        rm -rf "$work"
    fi
    if [ -n "$policy_rc" ]; then
        $SUDO rm -f "$policy_rc"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== tools"
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v gcc >/dev/null || need+=(gcc)
command -v python3 >/dev/null || need+=(python3)
command -v pkg-config >/dev/null || need+=(pkg-config)
pkg-config --exists libevent libevent_pthreads 2>/dev/null || need+=(libevent-dev)
if [ ${#need[@]} -gt 0 ]; then
    echo "installing ${need[*]}"
    if [[ " ${need[*]} " == *" nginx "* ]] && [ ! -e /usr/sbin/policy-rc.d ]; then
        # Keep apt from starting the system's nginx service on port 80 (removed again on exit).
        policy_rc=/usr/sbin/policy-rc.d
        printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy_rc" >/dev/null
        $SUDO chmod 755 "$policy_rc"
    fi
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    if [ -n "$policy_rc" ]; then
        $SUDO rm -f "$policy_rc"
        policy_rc=""
    fi
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)

echo "== building the release sandbox (scratch path $SCRATCH)"
build_began=$(date +%s%N)
$SWIFT build -c release --product invoice-sandbox --scratch-path "$SCRATCH"
build_seconds=$(awk "BEGIN { print ($(date +%s%N) - $build_began) / 1e9 }")
sandbox=$(cd "$SCRATCH/release" && pwd -P)/invoice-sandbox

work=$(mktemp -d "${TMPDIR:-/tmp}/invoice-bench.XXXXXX")
echo "== compiling the libevent ceiling"
# shellcheck disable=SC2046 # pkg-config prints several words on purpose
gcc -O2 -Wall -Wextra -o "$work/ceiling" bench/ceiling.c $(pkg-config --cflags --libs libevent libevent_pthreads)

# In the background, so that the INT/TERM traps run at once and stop it (and it, its servers).
python3 bench/bench.py \
    --sandbox "$sandbox" --ceiling "$work/ceiling" --nginx "$nginx" --work "$work" \
    --threads "$THREADS" --duration "${BENCH_DURATION:-10}" --connections "${BENCH_CONNECTIONS:-64}" \
    --wrk-threads "${BENCH_WRK_THREADS:-2}" --rounds "${BENCH_ROUNDS:-3}" --starts "${BENCH_STARTS:-20}" \
    --big-invoices "${BENCH_BIG_INVOICES:-100000}" --build-seconds "$build_seconds" \
    --soak-seconds "${SOAK_SECONDS:-300}" --soak-connections "${SOAK_CONNECTIONS:-256}" \
    --soak-interval "${SOAK_INTERVAL:-5}" --soak-rss-bound-mb "${SOAK_RSS_BOUND_MB:-2}" &
bench_pid=$!
wait "$bench_pid"
bench_pid=""
echo "make bench took $(($(date +%s) - began)) s in all"
