#!/usr/bin/env bash
# Times loading the Forth 2012 core test suite (prelimtest, tester, core,
# coreplus, utilities, errorreport), native-runner against gforth, side by
# side in one hyperfine run; and, for native-runner only, the same plus
# coreexttest (gforth 0.7.3 stops at its S\" tests). The suite is public but
# not part of this repository: pass the path of its src/ folder.
#
#   benchmarks/load-core-suite.sh ~/forth2012-test-suite/src [hyperfine options]
set -euo pipefail
src=${1:?usage: $0 SUITE_SRC_DIR [hyperfine options]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
runner="$root/target/release/native-runner"
cargo build --release -q -p native-runner --manifest-path "$root/Cargo.toml"
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine" >&2; exit 1; }
command -v gforth >/dev/null || { echo "gforth is missing: apt-get install gforth" >&2; exit 1; }
files="prelimtest.fth tester.fr core.fr coreplustest.fth utilities.fth errorreport.fth"
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
# core.fr's ACCEPT test reads a line; gforth stops at end of input, so give one.
echo "a line for ACCEPT" > "$cache/input"
cd "$src"
hyperfine --warmup 3 --runs 30 --export-json "$cache/times.json" "$@" \
  -n "native-runner (warm module cache)" "$runner run --cache-dir $cache/warm $files < $cache/input" \
  -n "native-runner (no module cache)" "$runner run --no-cache $files < $cache/input" \
  -n "gforth 0.7.3" "gforth $files -e bye < $cache/input" \
  -n "native-runner, with coreexttest (warm cache)" "$runner run --cache-dir $cache/warm $files coreexttest.fth < $cache/input"
# Medians and their ratio to gforth, from the same run.
python3 - "$cache/times.json" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
med = {r["command"]: statistics.median(r["times"]) * 1000 for r in results}
base = med["gforth 0.7.3"]
print("| command | median (ms) | ratio to gforth |")
print("|---|---:|---:|")
for name, m in med.items():
    print(f"| {name} | {m:.1f} | {m / base:.2f} |")
PY
