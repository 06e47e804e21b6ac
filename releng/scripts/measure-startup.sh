#!/usr/bin/env bash
# Measures, on the built product, under a private Xvfb display:
#   - the time from `civicsla` to its first window;
#   - the time until the checklist matrix of the sample workspace is shown, on a fresh copy of the
#     sample (first open: the sample's import files are imported, the documents indexed, the checks
#     run) and again on the same copy (later opens: store and index exist).
# Usage: releng/scripts/measure-startup.sh [runs]      (build first: ./mvnw -DskipTests verify)
# Needs: Xvfb, xdotool, bc. Prints one line per run and the medians.
set -euo pipefail
runs=${1:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
product=$root/releng/org.civicsla.product/target/products/org.civicsla.product/linux/gtk/x86_64/civicsla
[ -x "$product/civicsla" ] || { echo "build the product first: ./mvnw -DskipTests verify" >&2; exit 2; }
command -v xdotool >/dev/null || { echo "needs xdotool (apt-get install xdotool)" >&2; exit 2; }
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 & xvfb=$!
work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 1

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# One start of the workbench on workspace $1; prints "<first window s> <matrix shown s>".
start_once() {
  local workspace=$1 state timing start app window="" deadline
  state=$(mktemp -d -p "$work"); timing=$state/timing.txt
  start=$(date +%s.%N)
  DISPLAY=$display CIVICSLA_STATE=$state CIVICSLA_VMARGS="-Xmx2g -Dcivicsla.workspace=$workspace -Dcivicsla.timing.file=$timing" \
    "$product/civicsla" >"$state/out.log" 2>&1 & app=$!
  deadline=$((SECONDS + 180))
  while :; do
    kill -0 $app 2>/dev/null && [ $SECONDS -lt $deadline ] || { echo "no matrix (exit or time-out); log:" >&2; cat "$state/out.log" >&2; exit 1; }
    if [ -z "$window" ] && DISPLAY=$display xdotool search --onlyvisible --name "^CivicSLA" >/dev/null 2>&1; then
      window=$(echo "$(date +%s.%N) - $start" | bc)
    fi
    if [ -s "$timing" ]; then break; fi
    sleep 0.05
  done
  local matrix; matrix=$(echo "$(date +%s.%N) - $start" | bc)
  kill $app 2>/dev/null; wait $app 2>/dev/null || true
  echo "${window:-$matrix} $matrix"
}

first=(); later=(); windows=()
for i in $(seq 1 "$runs"); do
  copy=$work/riverton-$i
  cp -r "$product/samples/riverton" "$copy"
  read -r w m < <(start_once "$copy")
  windows+=("$w"); first+=("$m")
  read -r w2 m2 < <(start_once "$copy")
  windows+=("$w2"); later+=("$m2")
  echo "run $i: first window $w s; matrix on a fresh sample $m s; first window $w2 s, matrix when reopened $m2 s"
  rm -rf "$copy"
done
echo "median first window: $(printf '%s\n' "${windows[@]}" | median) s over ${#windows[@]} starts"
echo "median matrix shown, fresh sample (import, index, check): $(printf '%s\n' "${first[@]}" | median) s over $runs runs"
echo "median matrix shown, sample reopened: $(printf '%s\n' "${later[@]}" | median) s over $runs runs"
