#!/usr/bin/env bash
# Runs examples/hello-world and examples/callback-worker as their READMEs say, against the jar that ./flowstate
# builds from this checkout (it rebuilds it when the sources are newer), and checks what they print:
#  1. hello-world: `./flowstate run` prints {"greeting":"Hello, world!"};
#  2. callback-worker: `./flowstate server` on a free port with a temporary data directory, worker.py polling the
#     activity, start.py creating the state machine and one execution, which must SUCCEED within 60 s.
# Stops everything it started and removes its temporary files; exits non-zero, with the logs, on any failure.
# Needs a JDK >= 21 (found as ./flowstate finds it), python3 and boto3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tmp="$(mktemp -d)"
server_pid=""
worker_pid=""

stop() {  # TERM first: the server closes its database cleanly; KILL whatever is still there after 10 s
  local pid
  for pid in "$worker_pid" "$server_pid"; do
    [ -n "$pid" ] || continue
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap stop EXIT

fail() {
  echo "examples: FAILED: $*" >&2
  for log in "$tmp"/*.log; do [ -f "$log" ] && { echo "--- $(basename "$log")" >&2; cat "$log" >&2; }; done
  exit 1
}

# Builds the jar first when it is missing or stale (allow it ten minutes), so no later step waits for Maven.
version="$(timeout 600 ./flowstate --version)" || fail "./flowstate --version"
echo "examples: $version"

# 1. hello-world
expected='{"greeting":"Hello, world!"}'
out="$(./flowstate run examples/hello-world/hello.json --input @examples/hello-world/input.json --skip-waits \
  2>"$tmp/hello-world.log")" || fail "hello-world: ./flowstate run exited non-zero"
[ "$out" = "$expected" ] || fail "hello-world: printed '$out', expected '$expected'"
echo "examples: hello-world OK: $out"

# 2. callback-worker
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
endpoint="http://127.0.0.1:$port"
./flowstate server --port "$port" --data "$tmp/data" >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
  grep -q "Step Functions API on" "$tmp/server.log" && break
  kill -0 "$server_pid" 2>/dev/null || fail "callback-worker: ./flowstate server exited before it was ready"
  sleep 0.1
done
grep -q "Step Functions API on" "$tmp/server.log" || fail "callback-worker: server not ready after 60 s"

python3 examples/callback-worker/worker.py --endpoint "$endpoint" --tasks 1 >"$tmp/worker.log" 2>&1 &
worker_pid=$!
for _ in $(seq 1 300); do
  grep -q "worker: polling" "$tmp/worker.log" && break
  kill -0 "$worker_pid" 2>/dev/null || fail "callback-worker: worker.py exited before polling"
  sleep 0.1
done
grep -q "worker: polling" "$tmp/worker.log" || fail "callback-worker: worker.py not polling after 30 s"

# start.py waits at most 60 s for the execution to end; `timeout` bounds a hung connection too.
out="$(timeout 90 python3 examples/callback-worker/start.py --endpoint "$endpoint" --timeout 60 \
  2>"$tmp/start.log")" || fail "callback-worker: start.py: $out"
expected='SUCCEEDED {"orderId":"o-42","item":"book","check":{"approved":true,"checkedBy":"worker-1"}}'
[ "$(tail -n 1 <<<"$out")" = "$expected" ] || fail "callback-worker: printed '$out', expected '$expected'"
# The worker stops by itself after its one task.
for _ in $(seq 1 100); do kill -0 "$worker_pid" 2>/dev/null || break; sleep 0.1; done
wait "$worker_pid" || fail "callback-worker: worker.py exited non-zero"
worker_pid=""
echo "examples: callback-worker OK: $(tail -n 1 <<<"$out")"
echo "examples: all OK (hello-world, callback-worker)"
