# Sourced by ./flowstate and .ci/run: sets JAVA_HOME to a JDK >= 21 (JAVA_HOME if it is one, else
# /usr/lib/jvm/temurin-25-jdk-amd64) and puts it first on PATH, or exits with a clear message.
jdk_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'; }
pick=""
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ]; then
    v="$(jdk_major "$candidate")"
    if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then pick="$candidate"; break; fi
  fi
done
if [ -z "$pick" ]; then
  echo "flowstate: needs a JDK 21 or newer, found none. Set JAVA_HOME to one (JAVA_HOME=${JAVA_HOME:-unset}; also tried /usr/lib/jvm/temurin-25-jdk-amd64)." >&2
  exit 2
fi
export JAVA_HOME="$pick"
export PATH="$JAVA_HOME/bin:$PATH"
