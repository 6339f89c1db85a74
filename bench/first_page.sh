#!/usr/bin/env bash
# Time from `make run` to the first page (HTTP 200 on /), in a clone of this repository.
#   bench/first_page.sh cold   a fresh clone: no .venv, no var/ (installs, migrates, loads the demo)
#   bench/first_page.sh warm   the same clone again: .venv and var/ exist
# Prints one line: "<mode> <seconds>". Uses port 8090 so it does not collide with a running site.
set -euo pipefail
mode=${1:-cold}
repo=$(cd "$(dirname "$0")/.." && pwd)
clone=${CLONE_DIR:-/tmp/tim-first-page}
port=8090
if [ "$mode" = cold ]; then
    rm -rf "$clone"
    git clone --quiet "$repo" "$clone"
fi
cd "$clone"
start=$(date +%s.%N)
setsid env PORT=$port make run >"$clone/run.log" 2>&1 &
runner=$!  # its own process group, so Ctrl-C (SIGINT) reaches everything it started
until curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; do
    if ! kill -0 "$runner" 2>/dev/null; then echo "make run stopped; see $clone/run.log" >&2; exit 1; fi
    sleep 0.2
done
end=$(date +%s.%N)
kill -INT -- "-$runner"
wait "$runner" 2>/dev/null || true
echo "$mode $(echo "$end - $start" | bc)"
