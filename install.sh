#!/usr/bin/env bash
# ConcurLab set-up and tests, on Debian/Ubuntu with Go installed.
#
#   ./install.sh              install what is missing, build, register the kernel, open notebooks/
#   ./install.sh --no-launch  the same, without opening Jupyter
#   ./install.sh test         everything CI runs: build, Go tests, Jupyter's own kernel tests,
#                             nbconvert of every notebook
#
# Jupyter comes from the OS packages (PyPI is not needed) and is always called as
# /usr/bin/python3 and /usr/bin/jupyter, so another python first on PATH doesn't shadow it.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

# Jupyter as Debian packages it; the test set adds the kernel test suite, pytest and
# ipykernel (the reference kernel the benchmark compares with).
runtime_packages=(jupyter-client python3-jupyter-client jupyter-nbconvert python3-nbclient jupyter-notebook python3-nbformat)
test_packages=(python3-jupyter-kernel-test python3-pytest python3-pytest-timeout python3-ipykernel)

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "please install these with your OS's package manager: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "Installing OS packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

need_linux() {
  [ "$(uname -s)" = Linux ] || die "ConcurLab's kernel runs on Linux only, not on $(uname -s) (README.md, Supported systems): use a Linux VM or container"
}

need_go() {
  [ -x /usr/local/go/bin/go ] && export PATH="/usr/local/go/bin:$PATH"
  command -v go >/dev/null || die "Go is not installed: get Go 1.25 or newer from https://go.dev/dl/ and run ./install.sh again"
}

build() {
  say "Building bin/concurlab"
  go build -o bin/concurlab ./cmd/concurlab
}

launch() {
  cd "$root/notebooks"
  local allow_root=()
  [ "$(id -u)" -eq 0 ] && allow_root=(--allow-root)
  if /usr/bin/jupyter lab --version >/dev/null 2>&1 || jupyter lab --version >/dev/null 2>&1; then
    say "Opening notebooks/ in JupyterLab"
    exec jupyter lab "${allow_root[@]}" 00-index.ipynb
  fi
  say "Opening notebooks/ in Jupyter Notebook (JupyterLab is not installed)"
  exec /usr/bin/jupyter notebook "${allow_root[@]}" 00-index.ipynb
}

run_tests() {
  apt_install "${runtime_packages[@]}" "${test_packages[@]}"
  # JupyterLab's own client library (@jupyterlab/services, from npm) runs under node.
  command -v npm >/dev/null || apt_install nodejs npm
  build
  say "gofmt and go vet"
  unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
  [ -z "$unformatted" ] || die "gofmt would change: $unformatted"
  go vet ./...
  say "Go tests, then with -race"
  # One package at a time: the timing tests (an interrupted compiled call costs its worker
  # only once it keeps a core busy) must not share the two cores with tests/programs' builds.
  go test -count=1 -p 1 ./...
  # -race over every package but tests/programs, whose 200-odd programs run in one process,
  # in one session too, with goroutines that outlive their program: there yaegi v0.16.1 still
  # races with itself in a way our code cannot order (compiling a chunk replaces the global
  # frame's slice, interp.go:486-490, while a goroutine still running reads it; the old slice
  # stays valid, so nothing reads a wrong value). The races of the select statement, the
  # closure slot, the go statement's frame and pointer receivers, which also gave wrong
  # results, are lowered away (kernel/gofront, kernel/eval).
  go test -count=1 -race $(go list ./... | grep -v -e '/tests/programs$')
  # Budgets in runs, not seconds: go1.26's fuzzer can fail a target with "context deadline
  # exceeded" when a -fuzztime duration runs out under load (go.dev/issue/75804).
  say "Fuzzing message decoding (200 000 runs) and the header codec against encoding/json (100 000)"
  go test -run '^$' -fuzz '^FuzzDecode$' -fuzztime 200000x ./kernel/jupyter
  go test -run '^$' -fuzz '^FuzzHeader$' -fuzztime 100000x ./kernel/jupyter
  say "The benchmark, briefly, to keep it working (its figures are not judged here)"
  go run ./cmd/bench -quick -peer=false -kernel bin/concurlab
  say "Jupyter's clients (and JupyterLab's, through a Notebook server) against the installed kernel"
  local prefix
  prefix=$(mktemp -d)
  trap 'rm -rf "$prefix"' RETURN
  bin/concurlab install --prefix "$prefix" >/dev/null
  JUPYTER_PATH="$prefix/share/jupyter" /usr/bin/python3 -m pytest -p no:cacheprovider --timeout 300 -q tests/jupyter tests/jupyterlab
}

case "${1:-}" in
  test)
    need_linux
    need_go
    run_tests
    ;;
  ""|--no-launch)
    need_linux
    need_go
    command -v jupyter >/dev/null || [ -x /usr/bin/jupyter ] || apt_install "${runtime_packages[@]}"
    build
    say "Registering the kernel (Go (concur)) for $(id -un)"
    bin/concurlab install --user
    if [ "${1:-}" = --no-launch ]; then
      say "Done. Start Jupyter in notebooks/ and pick the kernel 'Go (concur)'."
    else
      launch
    fi
    ;;
  *)
    die "usage: ./install.sh [--no-launch] | ./install.sh test"
    ;;
esac
