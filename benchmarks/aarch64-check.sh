#!/usr/bin/env bash
# Opt-in (not run by CI): checks FastForth/wasm on aarch64 Linux under qemu.
#
#  1. Installs what it needs when missing: the Rust target
#     aarch64-unknown-linux-gnu, the cross linker (gcc-aarch64-linux-gnu)
#     and qemu-user (needs root for apt-get).
#  2. Cross-builds native-runner for aarch64 (release) and prints its `info`
#     under qemu-aarch64.
#  3. For every benchmark (or the NAMEs given), two correctness checks,
#     each comparing the output with NAME.expected:
#       native: the aarch64 runner loads NAME.fs and runs MAIN (its own
#               Cranelift compiles for aarch64);
#       cross:  this host's runner builds NAME.cwasm with
#               `build --aot --target aarch64-unknown-linux-gnu`, and the
#               aarch64 runner runs that precompiled code.
# Prints one line per check and a summary; exits 1 if any check failed.
# Slow: qemu emulates every instruction (minutes per program on 2 cores).
#
#   benchmarks/aarch64-check.sh [NAME...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
triple=aarch64-unknown-linux-gnu
sysroot=/usr/aarch64-linux-gnu

rustup target list --installed | grep -qx "$triple" || rustup target add "$triple"
if ! command -v aarch64-linux-gnu-gcc >/dev/null || ! command -v qemu-aarch64 >/dev/null; then
  apt-get update -qq || true  # a partly failed update still leaves usable lists
  apt-get install -y -qq gcc-aarch64-linux-gnu qemu-user
fi

export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc
export CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc
cargo build --release -q -p native-runner --target "$triple" --manifest-path "$root/Cargo.toml"
# The host runner, built the way `cargo test` builds it (same features, so
# a tested work tree needs no rebuild).
cargo build -q -p native-runner --tests --manifest-path "$root/Cargo.toml"
arm="$root/target/$triple/release/native-runner"
host="$root/target/debug/native-runner"
qemu() { qemu-aarch64 -L "$sysroot" "$@"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
file "$arm" | sed "s|$root/||"
qemu "$arm" info --cache-dir "$work/cache"

progs=("$@")
[ ${#progs[@]} -gt 0 ] || progs=($(ls "$root/benchmarks/programs" | grep -v README))
pass=0 fail=0
check() { # name kind command...
  local name=$1 kind=$2; shift 2
  local want="$root/benchmarks/programs/$name/$name.expected" start=$SECONDS out
  if out=$("$@" 2>&1) && [ "$out" == "$(cat "$want")" ]; then
    echo "ok   $name ($kind, $((SECONDS - start)) s): $out"; pass=$((pass + 1))
  else
    echo "FAIL $name ($kind): $out"; fail=$((fail + 1))
  fi
}
for p in "${progs[@]}"; do
  fs="$root/benchmarks/programs/$p/$p.fs"
  check "$p" native qemu "$arm" run "$fs" -e MAIN --timeout 0 --cache-dir "$work/cache"
  "$host" build --aot --target "$triple" "$fs" -o "$work/$p.cwasm" --no-cache 2>/dev/null
  check "$p" cross qemu "$arm" run "$work/$p.cwasm" --timeout 0
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
