#!/usr/bin/env bash
# Runs the benchmark suite side by side, in one run, and prints a Markdown
# table of medians and ratios:
#   - ours: the program linked by `native-runner build` (release), run on
#     wasmtime with Cranelift (the module cache holds the compiled code);
#   - C: the twin at gcc -O2, native;
#   - gforth-fast with 32-bit cells, where ../shared/tools/gforth32 exists,
#     else the system gforth-fast (64-bit; its checksums may differ).
# Every program's output is checked against NAME.expected before its time
# counts; a mismatch stops the run.
#
#   benchmarks/run-suite.sh [NAME...] [-- hyperfine options]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
progs=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do progs+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
[ ${#progs[@]} -gt 0 ] || progs=($(ls "$root/benchmarks/programs" | grep -v README))
cargo build --release -q -p native-runner --manifest-path "$root/Cargo.toml"
runner="$root/target/release/native-runner"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gforth=""
if [ -x "$root/../shared/tools/gforth32" ]; then
  gforth="env GFORTH32_ENGINE=gforth-fast $root/../shared/tools/gforth32"
elif command -v gforth-fast >/dev/null; then
  gforth="gforth-fast"
fi
for p in "${progs[@]}"; do
  dir="$root/benchmarks/programs/$p"
  want="$dir/$p.expected"
  gcc -O2 -std=c11 -o "$work/$p.c.bin" "$dir/$p.c"
  "$runner" build "$dir/$p.fs" -o "$work/$p.wasm" --cache-dir "$work/cache" >/dev/null 2>&1
  for cmd in "$work/$p.c.bin" "$runner run --cache-dir $work/cache $work/$p.wasm"; do
    if ! diff -q <($cmd) "$want" >/dev/null; then echo "error: $p: output of '$cmd' differs from $want" >&2; exit 1; fi
  done
  cmds=(-n C "$work/$p.c.bin" -n ours "$runner run --cache-dir $work/cache $work/$p.wasm")
  if [ -n "$gforth" ]; then
    gf_ok=yes
    diff -q <($gforth "$dir/$p.fs" -e "MAIN bye" 2>/dev/null) "$want" >/dev/null || gf_ok=no
    cmds+=(-n "gforth-fast" "$gforth $dir/$p.fs -e 'MAIN bye'")
    echo "$p gforth-output-matches=$gf_ok" >> "$work/notes"
  fi
  hyperfine -N --warmup 1 --runs 5 "$@" --export-json "$work/$p.json" "${cmds[@]}" >/dev/null
done
python3 - "$work" "${progs[@]}" <<'PY'
import json, math, statistics, sys
work, progs = sys.argv[1], sys.argv[2:]
rows, ratios_c, ratios_g = [], [], []
for p in progs:
    res = {r["command"]: statistics.median(r["times"]) for r in json.load(open(f"{work}/{p}.json"))["results"]}
    c, ours, g = res.get("C"), res.get("ours"), res.get("gforth-fast")
    ratios_c.append(ours / c)
    if g: ratios_g.append(g / ours)
    rows.append(f"| {p} | {c:.3f} | {ours:.3f} | {ours / c:.2f} | " + (f"{g:.3f} | {g / ours:.1f} |" if g else "- | - |"))
geo = lambda xs: math.exp(sum(map(math.log, xs)) / len(xs)) if xs else float("nan")
print("| program | C -O2 (s) | ours (s) | ours / C | gforth-fast (s) | gforth-fast / ours |")
print("|---|---:|---:|---:|---:|---:|")
print("\n".join(rows))
print(f"| **geometric mean** | | | **{geo(ratios_c):.2f}** | | **{geo(ratios_g):.1f}** |")
PY
