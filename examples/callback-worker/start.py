#!/usr/bin/env python3
"""Creates the state machine `check-order` from check-order.json on `./flowstate server`, starts one execution
and waits for it to end; prints the status and the output. Exit 0 when it SUCCEEDED, 1 otherwise.

    python3 examples/callback-worker/start.py [--endpoint http://localhost:8083] [--input JSON] [--timeout 60]
"""
import argparse
import json
import pathlib
import sys
import time

import boto3

DEFINITION = pathlib.Path(__file__).with_name("check-order.json")
ROLE = "arn:aws:iam::123456789012:role/any"  # any role: Flowstate assumes none for activities


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", default="http://localhost:8083")
    parser.add_argument("--input", default='{"orderId": "o-42", "item": "book"}')
    parser.add_argument("--timeout", type=float, default=60, help="seconds to wait for the end (default 60)")
    args = parser.parse_args()

    sfn = boto3.client("stepfunctions", endpoint_url=args.endpoint, region_name="us-east-1",
                       aws_access_key_id="local", aws_secret_access_key="local")
    definition = DEFINITION.read_text()
    try:
        machine = sfn.create_state_machine(name="check-order", definition=definition, roleArn=ROLE)["stateMachineArn"]
    except sfn.exceptions.StateMachineAlreadyExists:
        # created before with another definition: make it this one
        machine = "arn:aws:states:us-east-1:123456789012:stateMachine:check-order"
        sfn.update_state_machine(stateMachineArn=machine, definition=definition, roleArn=ROLE)
    execution = sfn.start_execution(stateMachineArn=machine, input=args.input)["executionArn"]
    print(f"started {execution}", flush=True)

    deadline = time.monotonic() + args.timeout
    while True:
        d = sfn.describe_execution(executionArn=execution)
        if d["status"] != "RUNNING":
            break
        if time.monotonic() > deadline:
            print(f"RUNNING after {args.timeout:g} s: is worker.py running?", file=sys.stderr)
            return 1
        time.sleep(0.2)
    if d["status"] == "SUCCEEDED":
        print("SUCCEEDED", json.dumps(json.loads(d["output"]), separators=(",", ":")))
        return 0
    print(d["status"], d.get("error", ""), d.get("cause", ""))
    return 1


if __name__ == "__main__":
    sys.exit(main())
