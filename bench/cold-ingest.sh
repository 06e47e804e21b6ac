#!/usr/bin/env bash
# The first TXT index in a fresh JVM against raw Lucene in that JVM, repeated in N fresh JVMs, with the median:
# a single run swings by a third on a 2-core machine (when the JIT compiles what decides much of the figure).
# Usage: bench/cold-ingest.sh <cuad-dev folder> [N=7] [IngestProfile options, e.g. --no-detection]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cuad=$1; n=${2:-7}; shift $(( $# < 2 ? $# : 2 ))
ratios=(); cpus=()
for i in $(seq "$n"); do
  line=$("$here/run.sh" org.civicsla.bench.IngestProfile "$cuad" "$@" 2>/dev/null | grep '^civicsla ')
  echo "run $i: $line"
  ratios+=("$(awk '{print $8}' <<<"$line")"); cpus+=("$(awk '{print $10}' <<<"$line")")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo "median over $n fresh JVMs: wall $(median "${ratios[@]}")x raw Lucene, CPU $(median "${cpus[@]}")x (load $(cut -d' ' -f1-3 /proc/loadavg))"
