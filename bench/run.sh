#!/usr/bin/env bash
# Runs one benchmark main class on a flat class path: bench/run.sh <MainClass> [args...]
# e.g. bench/run.sh org.civicsla.bench.ClauseAccuracy ../shared/data/cuad-dev
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${JAVA_HOME:-}" ]; then
  for j in /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[1-9]-* /usr/lib/jvm/*; do
    [ -x "$j/bin/java" ] && "$j/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && { export JAVA_HOME=$j; break; }
  done
fi
main=$1; shift
mvn="$here/../mvnw"; [ -x "$mvn" ] || mvn=mvn
"$mvn" -q -f "$here/pom.xml" -DskipTests compile dependency:build-classpath -Dmdep.outputFile="$here/target/cp.txt" >/dev/null
exec "$JAVA_HOME/bin/java" ${BENCH_JVM_OPTS:-} -cp "$here/target/classes:$(cat "$here/target/cp.txt")" "$main" "$@"
