# The two commands of the README, and the steps they are made of.
# `make serve`: set up what is missing, build, and serve the playground on localhost.
# `make test`:  set up what is missing and run every check and test.

# The façade, built once for the browser and for the Node.js tests, the
# WAT printer (web/wat), a module of its own that the worker loads at its
# first link, and the exchange formats (web/exchange: share links, reports,
# histories, bench summaries), one it loads when one is first needed; and
# for Node.js only, web/tools, which makes the files the playground would
# otherwise compute at start-up.
WASM_DIR := target/wasm32-unknown-unknown/wasm-release
WEB_WASM := $(WASM_DIR)/web.wasm
WEB_MODULES := web web_wat web_exchange
WEB_CRATES := -p web -p web-wat -p web-exchange -p web-tools
PORT ?= 8080

.PHONY: setup serve test build web web-pkg editor examples playground web-node lint unit facade-test js-deps browser-deps browser-test budgets bench-suite bench-gforth browser-native engine-config

setup:
	@.ci/setup

build:
	cargo build --release -p native-runner

# binaryen's wasm-opt, from npm (web/package.json: binaryen 132, pinned by
# the lock file), with the wasm features rustc's wasm32 target uses. Not
# Debian's binaryen 108: it misreads a module with two tables (wasm-bindgen's
# function table and its externref table) and exports the wrong one, so the
# page fails at start ("WebAssembly.Table.set(): Argument 1 is invalid").
JS_BIN := $(CURDIR)/web/node_modules/.bin
WASM_OPT := $(JS_BIN)/wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
	--enable-reference-types --enable-multivalue --enable-mutable-globals

# The compiler façade for the playground's worker, its WAT printer and its
# exchange formats (ES modules in target/web-pkg; Trunk copies them to
# dist/pkg), shrunk by wasm-opt; the bindings and wasm-opt run again only
# when cargo made a newer wasm. Then the files made ahead of time by
# web/tools under Node.js (web/make-startup-files.mjs): the worker's boot
# file (a booted system, snapshotted) and the system's words for the
# editor's completion.
web-pkg: js-deps
	cargo build --profile wasm-release $(WEB_CRATES) --target wasm32-unknown-unknown
	@for m in $(WEB_MODULES); do \
		if [ ! target/web-pkg/$${m}_bg.wasm -nt $(WASM_DIR)/$$m.wasm ]; then \
		echo "wasm-bindgen + wasm-opt: target/web-pkg/$${m}_bg.wasm" >&2 && \
		wasm-bindgen --target web --remove-name-section --out-dir target/web-pkg $(WASM_DIR)/$$m.wasm && \
		$(WASM_OPT) target/web-pkg/$${m}_bg.wasm -o target/web-pkg/$${m}_bg.opt.wasm && \
		mv target/web-pkg/$${m}_bg.opt.wasm target/web-pkg/$${m}_bg.wasm || exit 1; fi; done
	@if [ ! target/web-pkg/boot.snap -nt $(WASM_DIR)/web_tools.wasm ]; then \
		wasm-bindgen --target nodejs --out-dir target/web-node $(WASM_DIR)/web_tools.wasm && \
		node web/make-startup-files.mjs target/web-pkg || exit 1; fi

# The npm packages of web/package.json (CodeMirror, esbuild, binaryen, and
# for the tests playwright-core and axe-core), installed from the lock file the
# first time (npm ci) and again only when the lock file changes; offline
# after that.
js-deps: web/node_modules/.package-lock.json
web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	@echo "[js-deps] installing the playground's npm packages (npm ci)" >&2
	cd web && npm ci --prefer-offline --no-audit --no-fund

# The editor: CodeMirror 6 and the Forth mode (web/editor/), bundled and
# minified by esbuild into ES modules (Trunk copies them to dist/editor/):
# editor.js, the entry, and editor-chunk.js, the code it shares with
# editor-extras.js (search and replace, completion: web/editor/extras.js),
# which editor.js imports at the editor's first use. Names without hashes,
# so that web/index.html can preload the shared chunk.
editor: js-deps
	@rm -rf target/editor
	web/node_modules/.bin/esbuild web/editor/main.js --bundle --minify --format=esm --splitting --target=es2020 \
		--log-level=warning --outdir=target/editor --entry-names=editor --chunk-names=editor-[name]

# The examples' texts, which the page fetches when one is chosen: the
# teaching programs and each benchmark program NAME/NAME.fs, as
# target/examples/GROUP/NAME.fs (Trunk copies them to dist/examples).
examples:
	@rm -rf target/examples && mkdir -p target/examples/teaching target/examples/benchmark
	cp public/examples/*.fs target/examples/teaching/
	@for d in benchmarks/programs/*/; do n=$$(basename $$d); \
		if [ -f $$d$$n.fs ]; then cp $$d$$n.fs target/examples/benchmark/; fi; done

# The playground: the Leptos app (web/app; Trunk runs wasm-opt on it, see
# web/index.html, and finds npm's first on PATH; its post-build hook
# minifies the app's JavaScript, web/minify-app-js.mjs), the editor's modules
# and the worker, built by Trunk into dist/.
playground: web-pkg editor examples
	PATH="$(JS_BIN):$$PATH" trunk build --release --offline

web: setup playground

serve: setup build playground
	@echo
	@echo "Built: target/release/native-runner (try: target/release/native-runner repl)"
	@echo "Built: dist/ (the playground)"
	node web/tests/browser/static-server.mjs dist $(PORT)

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy $(WEB_CRATES) -p playground -p compiler -p runtime --target wasm32-unknown-unknown -- -D warnings

# Every unit and integration test, beside a throwaway PostgreSQL server
# (.ci/with-postgres: a temporary folder, a Unix socket, no TCP), so that
# the results store's tests run on PostgreSQL as well as on SQLite.
unit:
	.ci/with-postgres cargo test --workspace

# The same façade (and WAT printer, exchange formats and tools) for
# Node.js, tested against the golden files.
web-node:
	cargo build --profile wasm-release $(WEB_CRATES) --target wasm32-unknown-unknown
	for m in $(WEB_MODULES) web_tools; do wasm-bindgen --target nodejs --out-dir target/web-node $(WASM_DIR)/$$m.wasm || exit 1; done

facade-test: web-node
	node --stack-size=4000 --test web/tests/*.test.mjs

# playwright-core and axe-core for the browser tests and the budgets come
# with the other npm packages (js-deps). Chromium itself comes from
# `make setup` (Debian's package).
browser-deps: js-deps
	@test -x /usr/bin/chromium || (echo "error: /usr/bin/chromium is missing: run make setup" >&2 && exit 2)

# The playground in headless Chromium (playwright-core); screenshots in
# target/browser-screenshots/. Needs the native runner for the sha256 check.
browser-test: browser-deps playground
	cargo build -p native-runner
	node --test --test-concurrency=1 web/tests/browser/*.test.mjs

# Size, load and speed budgets of the playground (numbers, not a test).
budgets: browser-deps playground
	cargo build --release -p native-runner
	node web/tests/browser/budgets.mjs

# The benchmark suite side by side (ours, C -O2, clang's C→wasm where clang
# is installed, gforth-fast): the table of benchmarks/README.md. gforth-fast
# with 32-bit cells when ../shared/tools/gforth32 is there (GFORTH=none: skip).
GFORTH ?= $(shell [ -x ../shared/tools/gforth32 ] && echo "env GFORTH32_ENGINE=gforth-fast $(abspath ../shared/tools/gforth32)")
ITERATIONS ?= 5
bench-suite: build
	target/release/native-runner bench benchmarks/programs --format markdown --timeout 0 \
	  --iterations $(ITERATIONS) $(if $(GFORTH),--gforth "$(GFORTH)")

# gforth's own four benchmarks (the ones its onebench.fs runs: each file
# included, then MAIN), from gforth's installation, never copied here; ours
# times the call of MAIN, gforth-fast the whole process.
GFORTH_SHARE ?= /usr/share/gforth/0.7.3
bench-gforth: build
	target/release/native-runner bench $(addprefix $(GFORTH_SHARE)/,siev.fs bubble.fs matrix.fs fib.fs) \
	  --entry main --format markdown --timeout 0 --iterations $(ITERATIONS) $(if $(GFORTH),--gforth "$(GFORTH)")

# The browser/native measure: each program of the suite, linked once, timed
# in headless Chromium through the façade's Image and by `native-runner
# bench` (benchmarks/browser-native.mjs: 9 rounds of one call a side,
# alternating, medians and their ratio).
browser-native: browser-deps web-pkg build
	node benchmarks/browser-native.mjs

# The engine's configuration measured side by side: the defaults against
# each variant of benchmarks/README.md (benchmarks/engine-config.mjs).
engine-config: build
	node benchmarks/engine-config.mjs

test: setup lint unit facade-test browser-test
