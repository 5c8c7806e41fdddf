#!/usr/bin/env bash
# Runs this module's tests, building its sibling modules from this worktree (never from ~/.m2, which other
# worktrees install into). Usage: flowstate-api/test-api.sh [-Dtest=Pattern]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
exec mvn -q -B test -pl flowstate-api -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest='io.flowstate.api.**' "$@"
