#!/usr/bin/env bash
# Times loading the Forth 2012 core test suite (prelimtest, tester, core,
# coreplus, utilities, errorreport, coreext), native-runner against gforth,
# side by side in one hyperfine run. The suite is public but not part of this
# repository: pass the path of its src/ folder.
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
files="prelimtest.fth tester.fr core.fr coreplustest.fth utilities.fth errorreport.fth coreexttest.fth"
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
# core.fr's ACCEPT test reads a line; gforth stops at end of input, so give one.
echo "a line for ACCEPT" > "$cache/input"
cd "$src"
# gforth 0.7.3 lacks BUFFER:, which coreexttest.fth uses; define it first.
hyperfine --warmup 3 --runs 30 --export-markdown "$cache/table.md" "$@" \
  -n "native-runner (warm module cache)" "$runner run --cache-dir $cache/warm $files < $cache/input" \
  -n "native-runner (no module cache)" "$runner run --no-cache $files < $cache/input" \
  -n "gforth 0.7.3" "gforth -e ': buffer: create allot ;' $files -e bye < $cache/input"
cat "$cache/table.md"
