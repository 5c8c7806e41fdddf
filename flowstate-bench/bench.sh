#!/usr/bin/env bash
# Runs the Flowstate end-to-end benchmark on the shared workloads, in its own JVM with the same heap as the
# Java peers (-Xms1g -Xmx2g), and prints only the measurement lines on stdout (progress on stderr).
#
# Usage:  flowstate-bench/bench.sh [--workloads-dir DIR] [--only a,b] [--store memory]
#         (default DIR: ../shared/bench/workloads next to the repository)
# Env:    BENCH_SCALE, BENCH_WORKLOADS as for the peers; JAVA_HOME (a JDK >= 21, else the repository's default
#         from .ci/find-jdk.sh); BENCH_JAVA_OPTS (extra JVM flags)
# Builds target/benchmarks.jar first when it is missing (with -am, so the engine comes from this checkout and
# not from a SNAPSHOT another checkout installed into ~/.m2).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ -f "$here/../.ci/find-jdk.sh" ]; then
  source "$here/../.ci/find-jdk.sh"   # JAVA_HOME := a JDK >= 21, as ./flowstate does
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="$here/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  (cd "$here/.." && mvn -q -B install -DskipTests -pl flowstate-bench -am >&2)
fi
args=("$@")
if [[ " $* " != *" --workloads-dir "* ]]; then
  args+=(--workloads-dir "$here/../../shared/bench/workloads")
fi
exec "$java" -Xms1g -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$jar" io.flowstate.bench.BenchDriver "${args[@]}"
