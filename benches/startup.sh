#!/usr/bin/env bash
# Launch-to-visible-window time of the release build under Xvfb, on the large demo school.
# Prints each run and the median. Needs: Xvfb, xdotool, imagemagick (`import`).
#   benches/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
bin=target/release/yitihua
[ -x "$bin" ] || cargo build --release

home=$(mktemp -d)
export YITIHUA_HOME="$home"
"$bin" demo "$home/学校.yth" --size large >/dev/null

display=:97
Xvfb "$display" -screen 0 1280x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$home"' EXIT
export DISPLAY=$display
sleep 1

now() { date +%s%N; }
mapped=()
painted=()
for _ in $(seq "$runs"); do
    start=$(now)
    "$bin" "$home/学校.yth" >/dev/null 2>&1 &
    app=$!
    until wid=$(xdotool search --onlyvisible --class "^yitihua$" 2>/dev/null | head -1) && [ -n "$wid" ]; do
        sleep 0.005
    done
    t_mapped=$(now)
    # Painted: the window shows more than a blank background (the form has text and colours).
    until [ "$(import -window "$wid" -format %k info: 2>/dev/null || echo 0)" -gt 50 ]; do
        sleep 0.005
    done
    t_painted=$(now)
    kill "$app"
    wait "$app" 2>/dev/null || true
    mapped+=($(( (t_mapped - start) / 1000000 )))
    painted+=($(( (t_painted - start) / 1000000 )))
    echo "run: window mapped ${mapped[-1]} ms, content painted ${painted[-1]} ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median of $runs: window mapped $(median "${mapped[@]}") ms, content painted $(median "${painted[@]}") ms"
