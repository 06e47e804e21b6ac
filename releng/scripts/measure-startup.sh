#!/usr/bin/env bash
# Measures, on the built product, the time from `civicsla` to its first window (and, with
# --sample, until the vendors of the sample workspace are listed), under a private Xvfb display.
# Usage: releng/scripts/measure-startup.sh [runs]      (build first: ./mvnw -DskipTests verify)
# Needs: Xvfb, xdotool. Prints one line per run and the median.
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
product=$root/releng/org.civicsla.product/target/products/org.civicsla.product/linux/gtk/x86_64/civicsla
[ -x "$product/civicsla" ] || { echo "build the product first: ./mvnw -DskipTests verify" >&2; exit 2; }
command -v xdotool >/dev/null || { echo "needs xdotool (apt-get install xdotool)" >&2; exit 2; }
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 & xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
times=()
for i in $(seq 1 "$runs"); do
  state=$(mktemp -d)
  start=$(date +%s.%N)
  DISPLAY=$display CIVICSLA_STATE=$state "$product/civicsla" >/dev/null 2>&1 & app=$!
  deadline=$((SECONDS + 60))
  until DISPLAY=$display xdotool search --onlyvisible --name "^CivicSLA" >/dev/null 2>&1; do
    kill -0 $app 2>/dev/null && [ $SECONDS -lt $deadline ] || { echo "run $i: no window (exit or time-out)" >&2; exit 1; }
    sleep 0.05
  done
  t=$(echo "$(date +%s.%N) - $start" | bc)
  times+=("$t")
  echo "run $i: first window after $t s"
  kill $app 2>/dev/null; wait $app 2>/dev/null || true
  rm -rf "$state"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median first window: " a[int((NR+1)/2)] " s over " NR " runs"}'
