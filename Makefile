# The two commands of the README, and the steps they are made of.
# `make serve`: set up what is missing, build the workspace and the wasm façade.
# `make test`:  set up what is missing and run every check and test.

WEB_WASM := target/wasm32-unknown-unknown/release/web.wasm

.PHONY: setup serve test build web web-node lint unit facade-test

setup:
	@.ci/setup

build:
	cargo build --release --workspace

# The compiler façade built for the browser (ES module in dist/pkg).
web: setup
	cargo build --release -p web --target wasm32-unknown-unknown
	wasm-bindgen --target web --out-dir dist/pkg $(WEB_WASM)

serve: setup build web
	@echo
	@echo "Built: target/release/native-runner (try: target/release/native-runner repl)"
	@echo "Built: dist/pkg/web.js and web_bg.wasm (the compiler façade for the browser)"
	@echo "The playground UI that serves these is not built yet."

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p web -p compiler -p runtime --target wasm32-unknown-unknown -- -D warnings

unit:
	cargo test --workspace

# The same façade for Node.js, tested against the golden files.
web-node:
	cargo build --release -p web --target wasm32-unknown-unknown
	wasm-bindgen --target nodejs --out-dir target/web-node $(WEB_WASM)

facade-test: web-node
	node --stack-size=4000 --test web/tests/

test: setup lint unit facade-test
