#!/usr/bin/env bash
# Measures the regression verdict's false-alarm and detection rates through
# the command line, as benchmarks/README.md ("Regression verdicts") says:
# HISTORY runs of one program are recorded, then PAIRS pairs of runs are
# judged against that history (--against-history), each pair one run of the
# same build (A/A) and one of a build that does 10% more work; the runs of
# every other pair (and every other history run) have a second process
# busy-looping beside them. Each run's verdict, exit code, samples (thinned
# to 150, evenly, and the fastest one) and confirmation re-runs land in
# OUT.json, in the form of
# benchmarks/verdict/runs-confirm.json, which
# native-runner/src/bench/verdict/rates.rs replays.
#
# Usage: benchmarks/verdict/measure-rates.sh OUT.json [PAIRS [SECONDS]]
#   (defaults 100 pairs, 4 seconds of samples per run; RUNNER, HISTORY=10
#   and CONFIRM=2 from the environment). Needs jq.
set -euo pipefail
out=$1
pairs=${2:-100}
secs=${3:-4}
runner=${RUNNER:-target/release/native-runner}
history=${HISTORY:-10}
confirm=${CONFIRM:-2}

work=$(mktemp -d)
busy=
stop_busy() {
	if [ -n "$busy" ]; then
		kill "$busy" 2>/dev/null || true
		wait "$busy" 2>/dev/null || true
		busy=
	fi
}
trap 'stop_busy; rm -rf "$work"' EXIT
start_busy() {
	if [ "$1" = true ]; then
		(while :; do :; done) &
		busy=$!
	fi
}

mkdir -p "$work/same" "$work/slower" "$work/runs"
echo ': MAIN 0 3000000 0 DO I XOR LOOP DROP ;' >"$work/same/xorloop.fs"
echo ': MAIN 0 3300000 0 DO I XOR LOOP DROP ;' >"$work/slower/xorloop.fs"
common=(--time "$secs" --warmup 2 --gforth none --no-predict --no-c-wasm
	--store "$work/results.sqlite" --machine verdict-rates --format json)

# The run's entry of OUT.json from its report: $1 role, $2 kind, $3
# loaded, $4 exit code, $5 the report.
entry() {
	jq --arg role "$1" --arg kind "$2" --argjson loaded "$3" --argjson rc "$4" '
		def keep($s): ($s | length) as $n | if $n <= 150 then [range(0; $n)] else
			[range(0; 150) as $i | ($i * ($n - 1) / 149 | floor)] + [$s | to_entries | min_by(.value) | .key] | unique end;
		def run($s; $p): keep($s) as $k | {samples_taken: ($s | length), samples_ns: [$k[] as $i | $s[$i]],
			probe_ns: [$k[] as $i | $p[$i]]};
		.results[0] as $r
		| {role: $role, kind: $kind, loaded: $loaded, exit_code: $rc, load_average: .provenance.load_average}
		+ run($r.steady.samples_ns; $r.speed_probe_ns)
		+ (if $role == "new" then {first_regressed: $r.baseline.verdict.regressed,
			confirmations: [$r.baseline.confirmations[]? | run(.samples_ns; .speed_probe_ns)]} else {} end)' "$5"
}

n=0
one() { # role kind loaded [bench options...]
	local role=$1 kind=$2 loaded=$3 rc=0
	shift 3
	n=$((n + 1))
	start_busy "$loaded"
	"$runner" bench "$work/$kind/xorloop.fs" "${common[@]}" "$@" -o "$work/r.json" 2>"$work/err" || rc=$?
	stop_busy
	if [ "$rc" != 0 ] && [ "$rc" != 3 ]; then
		cat "$work/err" >&2
		exit 1
	fi
	entry "$role" "$kind" "$loaded" "$rc" "$work/r.json" >"$work/runs/$(printf %04d $n).json"
	echo "$(date -u +%H:%M:%S) run $n: $role $kind loaded=$loaded exit $rc" >&2
}

# OUT.json from the runs so far (after every pair, so that a campaign cut
# short leaves what it measured).
assemble() {
	jq -s --arg secs "$secs" --argjson confirm "$confirm" '{
		program: ": MAIN 0 3000000 0 DO I XOR LOOP DROP ;",
		slower_program: ": MAIN 0 3300000 0 DO I XOR LOOP DROP ;",
		command: ("native-runner bench xorloop.fs --time \($secs) --warmup 2 --gforth none --no-predict --no-c-wasm (--record for the history, --against-history --confirm \($confirm) for the new runs)"),
		confirm: $confirm,
		runs: .}' "$work"/runs/*.json >"$out"
}

for i in $(seq "$history"); do
	one history same "$([ $((i % 2)) = 1 ] && echo true || echo false)" --record
done
for i in $(seq "$pairs"); do
	loaded=$([ $((i % 2)) = 1 ] && echo true || echo false)
	one new same "$loaded" --against-history --confirm "$confirm"
	one new slower "$loaded" --against-history --confirm "$confirm"
	assemble
done
echo "wrote $out: $n runs" >&2
