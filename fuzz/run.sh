#!/usr/bin/env bash
# Runs one built fuzz target: fuzz/run.sh <target> [libFuzzer options...]
#
# New corpus entries go to target/fuzz/corpus/<target>; the committed seeds in
# fuzz/corpus/<target> are only read. A crash is written to target/fuzz/artifacts/<target>/
# and fails the run. The whole output is kept in target/fuzz/logs/<target>.log; its last
# lines (libFuzzer's `Done N runs` and final stats) are printed.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
target=$1
shift
work=$root/target/fuzz
binary=$root/fuzz/target/x86_64-unknown-linux-gnu/release/$target
mkdir -p "$work/corpus/$target" "$work/artifacts/$target" "$work/logs"
log=$work/logs/$target.log
echo "fuzz $target $*"
# One process: the second core belongs to whoever else builds on this machine.
"$binary" "$work/corpus/$target" "$root/fuzz/corpus/$target" \
    -artifact_prefix="$work/artifacts/$target/" -timeout=10 -print_final_stats=1 "$@" \
    >"$log" 2>&1
status=$?
grep -E '^(Done|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' "$log" \
    | sed "s/^/  $target: /"
if [ "$status" -ne 0 ]; then
    grep -E -A 12 "panicked at|ERROR: libFuzzer|SUMMARY" "$log" | head -40
    echo "  $target failed (exit $status); input and log: $work/artifacts/$target/, $log" >&2
fi
exit "$status"
