#!/usr/bin/env bash
# Starts `./flowstate server` as a newcomer's first command would (a fresh data directory, a free port),
# calls ListStateMachines through boto3, opens the console's first page, and stops it. Exits non-zero, with the
# server's log, if any step fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
data="$(mktemp -d)"
log="$(mktemp)"
./flowstate server --port "$port" --data "$data" >"$log" 2>&1 &
pid=$!
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"; }
trap stop EXIT
# The first run builds the jar: allow it ten minutes.
for _ in $(seq 1 600); do
  if grep -q "Step Functions API on" "$log"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "CI: ./flowstate server exited before it was ready:"; cat "$log"; exit 1; fi
  sleep 1
done
grep -q "Step Functions API on" "$log" || { echo "CI: ./flowstate server not ready after 600 s:"; cat "$log"; exit 1; }
python3 - "$port" <<'PY'
import sys, boto3
sfn = boto3.client("stepfunctions", endpoint_url=f"http://127.0.0.1:{sys.argv[1]}", region_name="us-east-1",
                   aws_access_key_id="local", aws_secret_access_key="local")
print("CI: ListStateMachines answered", sfn.list_state_machines()["stateMachines"])
import urllib.request
page = urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/console/").read().decode()
assert "State machines" in page, page[:500]
print("CI: the console answered on /console/")
PY
echo "CI: first run OK: $(grep 'Step Functions API on' "$log")"
