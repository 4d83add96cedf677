# The two commands a newcomer needs: `make serve` and `make test` (README).
# Every target installs what is missing first (.ci/install-tools, idempotent).

TOOLS ?= $(HOME)/.cache/gradient-spec-tools
# .ci/install-tools installs into the same folder the PATH below points at.
export GRADIENT_TOOLS := $(TOOLS)
export PATH := $(TOOLS)/bin:$(TOOLS)/binaryen/node_modules/.bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export WASM_BINDGEN_TEST_WEBDRIVER_JSON := $(CURDIR)/tests/webdriver.json
# wasm-bindgen-test-runner: allow the first Chromium start some time on 2 cores.
export WASM_BINDGEN_TEST_TIMEOUT := 120

.PHONY: tools fetch serve dist test test-repo test-core test-app test-web test-e2e test-hooks docs lint bench soak fuzz

tools:
	@bash .ci/install-tools

# `--offline` keeps Trunk and cargo from reaching out; fetch the crates first.
fetch:
	cargo fetch --locked

serve: tools fetch
	trunk serve --offline --address 127.0.0.1 --port 8080

# Also writes dist/gradient-spec-editor.html, the offline single file (README).
dist: tools fetch
	trunk build --release --offline
	node .ci/single-file.mjs dist

test: tools fetch
	$(MAKE) --no-print-directory test-repo test-core test-hooks test-app test-web dist test-e2e

# The repository stands alone: no tracked file names a path outside it (the checker
# proves it can fail first).
test-repo:
	node .ci/check-self-contained.mjs --self-test
	node .ci/check-self-contained.mjs

# Tier 1: native tests of the pure core (and the linter) and of the app's logic.
# Includes the SARIF output checked against the SARIF 2.1.0 schema by the python
# validator that `tools` installs (tests/sarif_schema.rs: fails when it is missing).
test-core:
	cargo test --locked -p gradient-spec

# The pre-commit hook (.pre-commit-hooks.yaml) run by pre-commit itself (try-repo on
# this checkout). The hook's linter build is kept in the tools folder: only the first
# run on a machine compiles it.
test-hooks:
	GRADIENT_SPEC_HOOK_TARGET_DIR=$(TOOLS)/hook-target bash tests/hooks/pre-commit.sh

test-app:
	cargo test --locked -p gradient-spec-editor --lib

# Tier 2: component tests in headless Chromium (wasm-bindgen-test + chromedriver).
test-web:
	cargo test --locked --target wasm32-unknown-unknown -p gradient-spec-editor --test web

# Tier 3: the release build, served on 127.0.0.1 and driven by Playwright.
test-e2e:
	cd tests/e2e && npm test

# The soak test in full (tests/e2e/soak.test.mjs, issue 7): 10,000 random edits in the
# release build (typing, form changes, undo/redo, fixes), the text, the problems and the
# history checked after each, memory at the end. `make test-e2e` runs a 300-edit version.
# SOAK_SEED=S replays a run (each run prints its seed); DIST_DIR=... skips the build.
soak: tools fetch
	$(if $(DIST_DIR),,$(MAKE) --no-print-directory dist)
	cd tests/e2e && SOAK_EDITS=$(or $(SOAK_EDITS),10000) node --test soak.test.mjs

# Regenerates docs/rules.md from the rule docs in the code (a core test fails when
# the committed copy differs).
docs:
	cargo run --locked -q -p gradient-spec -- rules --format markdown > docs/rules.md

lint:
	cargo fmt --all -- --check
	cargo clippy --locked --workspace --all-targets -- -D warnings

# Benchmarks against the budgets of docs/design.md: prints a table and writes
# target/bench/results.json (tests/bench/run.mjs). Not a test: nothing fails on a time.
# Measures dist/, built first, unless DIST_DIR names another build; BENCH_PARTS picks
# parts (sizes native load parse keystroke). The measuring takes about 2 minutes on
# 2 cores, half of it the 5,000-line keystroke run; add the dist and CLI builds.
bench: tools fetch
	$(if $(DIST_DIR),,$(MAKE) --no-print-directory dist)
	cargo build --locked --release -p gradient-spec
	BENCH_OUT=$(CURDIR)/target/bench \
	GRADIENT_SPEC_BIN=$(or $(CARGO_TARGET_DIR),$(CURDIR)/target)/release/gradient-spec \
	node tests/bench/run.mjs $(BENCH_PARTS)

# The fuzz campaign over parse → check → fix → form edit → print (issue 7; see
# crates/gradient-spec/fuzz/README.md). Needs the nightly toolchain and cargo-fuzz,
# which this target installs into $(TOOLS) when missing. Runs until stopped, or for
# FUZZ_SECONDS; new inputs go to the committed corpus, crashes to fuzz/artifacts/.
# FUZZ_TARGET=differential runs the YAML layer against the yaml-edit oracle instead.
FUZZ_SECONDS ?= 0
FUZZ_TARGET ?= pipeline
fuzz: tools
	@case "$(FUZZ_TARGET)" in pipeline|differential) ;; *) echo "FUZZ_TARGET is pipeline or differential"; exit 2;; esac
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@test -x $(TOOLS)/bin/cargo-fuzz || cargo install cargo-fuzz --locked --version 0.13.2 --root $(TOOLS)
	cd crates/gradient-spec && cargo +nightly fuzz run $(FUZZ_TARGET) -s none --no-trace-compares \
	  fuzz/corpus/$(FUZZ_TARGET) -- -max_len=2048 -timeout=10 -rss_limit_mb=2048 -max_total_time=$(FUZZ_SECONDS)
