#!/usr/bin/env bash
# Tests .pre-commit-hooks.yaml with pre-commit itself (`make test-hooks`): in a
# temporary git repository holding a good spec, a bad one and a bad YAML file the
# hook must not look at (its name is not one the deploy tools read),
# `pre-commit try-repo <this checkout> gradient-spec --all-files` must fail naming the
# bad file's rule and not the other file, pass on the good file alone, and pass on
# all files once the bad spec is gone. try-repo takes the checkout's HEAD plus its
# uncommitted changes to tracked files. Each run clones the checkout (most of the
# few seconds each takes).
#
# pre-commit comes from the tools venv (.ci/install-tools). The hook's cargo build
# goes to GRADIENT_SPEC_HOOK_TARGET_DIR (the Makefile points it at the tools folder),
# so only the first run on a machine compiles. Prints `N passed, M failed`.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS=${GRADIENT_TOOLS:-$HOME/.cache/gradient-spec-tools}
pre_commit="$TOOLS/python/bin/pre-commit"
if [ ! -x "$pre_commit" ]; then
  echo "pre-commit is missing at $pre_commit: run bash .ci/install-tools" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
export GRADIENT_SPEC_HOOK_TARGET_DIR=${GRADIENT_SPEC_HOOK_TARGET_DIR:-$TOOLS/hook-target}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid
repo="$work/repo"
mkdir -p "$repo/.paperspace" "$repo/other"
cp "$root/tests/data/corpus/e10-v1-fastapi-hf-template.yaml" "$repo/paperspace.yaml"
# A v1 spec with a legacy field: `mixed-shape`, an error.
printf 'apiVersion: v1\nname: app\nimage: x/y:1\nenabled: true\nresources:\n  machineType: C4\n  ports: [8000]\n  instanceType: C4\n' \
  > "$repo/.paperspace/app.yaml"
# Not a file the deploy tools read: the hook must leave it alone.
printf 'image: [unclosed\n' > "$repo/other/spec.yaml"
git -C "$repo" init -q
git -C "$repo" add -A

passed=0 failed=0
check() { # NAME EXPECTED-STATUS(pass|fail) GREP... -- try-repo args
  local name=$1 want=$2; shift 2
  local greps=()
  while [ "$1" != -- ]; do greps+=("$1"); shift; done
  shift
  local out status=0
  out=$(cd "$repo" && "$pre_commit" try-repo "$root" gradient-spec --color never "$@" 2>&1) || status=$?
  local ok=1
  if [ "$want" = pass ] && [ $status -ne 0 ]; then ok=0; fi
  if [ "$want" = fail ] && [ $status -eq 0 ]; then ok=0; fi
  for g in "${greps[@]}"; do
    if [[ "$g" == !* ]]; then
      grep -qF -- "${g#!}" <<<"$out" && ok=0
    else
      grep -qF -- "$g" <<<"$out" || ok=0
    fi
  done
  if [ $ok = 1 ]; then
    echo "ok: $name"; passed=$((passed + 1))
  else
    echo "FAILED: $name (exit $status)"; echo "$out" | sed 's/^/    /'; failed=$((failed + 1))
  fi
}

check "bad spec fails, naming the rule" fail \
  ".paperspace/app.yaml:8:3: error[mixed-shape]" "!other/spec.yaml" -- --all-files
check "good spec alone passes" pass "Passed" "!error[" -- --files paperspace.yaml
git -C "$repo" rm -q --cached .paperspace/app.yaml
rm "$repo/.paperspace/app.yaml"
check "all files pass without the bad spec" pass "Passed" -- --all-files

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
