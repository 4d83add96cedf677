#!/usr/bin/env bash
# The pre-commit hook (.pre-commit-hooks.yaml at the repository root): builds the
# `gradient-spec` linter from this crate and lints the files pre-commit passes.
# Exit status as `gradient-spec lint`: 0 no error-severity problem, 1 some, 2 trouble.
#
# The build goes to a persistent target folder so only the first run compiles:
# GRADIENT_SPEC_HOOK_TARGET_DIR, else ~/.cache/gradient-spec-hook/target. (Not
# CARGO_TARGET_DIR: pre-commit runs this from its own clone of the repository, and a
# shared target would rebuild whenever that clone and the user's checkout differ.)
# Release build without LTO and with parallel codegen: the same code as the release
# linter, built in a fraction of the time on a laptop.
#
# Each clone pre-commit makes lives at a new path, which cargo takes for a new package
# and rebuilds. So the binary is also kept by the git tree of the crate and of
# Cargo.lock (`bin/gradient-spec-<hash>` in the target folder): a clean checkout whose
# sources were built before runs it without calling cargo at all.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target=${GRADIENT_SPEC_HOOK_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/gradient-spec-hook/target}
key=""
if git -C "$here" rev-parse --git-dir >/dev/null 2>&1 &&
   [ -z "$(git -C "$here" status --porcelain -- . ../../Cargo.lock 2>/dev/null)" ]; then
  key=$(git -C "$here" rev-parse HEAD:crates/gradient-spec HEAD:Cargo.lock 2>/dev/null | sha1sum | cut -c1-16) || key=""
fi
cached="$target/bin/gradient-spec-$key"
if [ -z "$key" ] || [ ! -x "$cached" ]; then
  if ! command -v cargo >/dev/null; then
    echo "gradient-spec hook: cargo is needed to build the linter (https://rustup.rs)" >&2
    exit 2
  fi
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo build --quiet --release --locked --manifest-path "$here/Cargo.toml" \
    --bin gradient-spec --target-dir "$target" >&2
  if [ -z "$key" ]; then
    exec "$target/release/gradient-spec" lint "$@"
  fi
  mkdir -p "$target/bin"
  cp "$target/release/gradient-spec" "$cached.tmp.$$"
  mv "$cached.tmp.$$" "$cached"
fi
exec "$cached" lint "$@"
