#!/usr/bin/env bash
# CI: builds and tests examples/junit, a user's project that tests its state machine with flowstate-testing,
# against this checkout. Installs flowstate-testing and the modules it needs into the local Maven repository
# (the example depends on io.flowstate:flowstate-testing:0.1.0-SNAPSHOT like any user project), runs
# `mvn verify` on the example, and removes io/flowstate from that repository again on the way out, pass or
# fail, so that later steps see a repository without the project's own artifacts (as .ci/run wants it).
#
# MAVEN_REPO_LOCAL=DIR uses DIR as the local repository instead of ~/.m2/repository (passed to every mvn as
# -Dmaven.repo.local), e.g. a throwaway copy on a machine where others rely on ~/.m2's io/flowstate.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source .ci/find-jdk.sh
echo "CI: examples: using JAVA_HOME=$JAVA_HOME"

mvn_args=(-B -q -Dstyle.color=never)
if [ -n "${MAVEN_REPO_LOCAL:-}" ]; then
  mvn_args+=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
  repo="$MAVEN_REPO_LOCAL"
else
  repo="$(mvn -q -B -Dstyle.color=never help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null | tr -d '\033' | sed 's/\[[0-9;]*m//g' || true)"
  repo="${repo:-$HOME/.m2/repository}"
fi
cleanup() {
  echo "CI: examples: removing the project's own artifacts from $repo/io/flowstate"
  rm -rf "$repo/io/flowstate"
}
trap cleanup EXIT

echo "CI: examples: installing flowstate-testing and its modules into $repo"
mvn "${mvn_args[@]}" -DskipTests install -pl flowstate-testing -am

echo "CI: examples: mvn verify in examples/junit"
mvn "${mvn_args[@]}" -f examples/junit/pom.xml verify
echo "CI: examples: examples/junit OK: $(cat examples/junit/target/surefire-reports/*.txt | grep -h 'Tests run' | tr '\n' ' ')"
