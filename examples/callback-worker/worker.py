#!/usr/bin/env python3
"""Activity worker for examples/callback-worker, against `./flowstate server` (or AWS).

Creates the activity `check-order` (CreateActivity is idempotent by name), long-polls GetActivityTask for it and
answers each task with SendTaskSuccess, or SendTaskFailure when the order names no item.

    python3 examples/callback-worker/worker.py [--endpoint http://localhost:8083] [--tasks N]
"""
import argparse
import json

import boto3
from botocore.config import Config


def client(endpoint):
    # GetActivityTask holds the request up to 60 s when there is no task: read past that.
    return boto3.client("stepfunctions", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="local", aws_secret_access_key="local",
                        config=Config(read_timeout=70, retries={"max_attempts": 2}))


def check(order, worker):
    """The work itself: an order is approved when it names an item."""
    if not order.get("item"):
        raise ValueError(f"order {order.get('orderId')} names no item")
    return {"approved": True, "checkedBy": worker}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", default="http://localhost:8083")
    parser.add_argument("--activity", default="check-order")
    parser.add_argument("--name", default="worker-1", help="worker name, recorded in ActivityStarted")
    parser.add_argument("--tasks", type=int, default=0, help="stop after N tasks (default: run until Ctrl-C)")
    args = parser.parse_args()

    sfn = client(args.endpoint)
    arn = sfn.create_activity(name=args.activity)["activityArn"]
    print(f"worker: polling {arn}", flush=True)
    handled = 0
    while args.tasks == 0 or handled < args.tasks:
        task = sfn.get_activity_task(activityArn=arn, workerName=args.name)
        token = task.get("taskToken")
        if not token:
            continue  # the long poll ended without a task
        order = json.loads(task["input"])
        try:
            result = check(order, args.name)
        except ValueError as e:
            sfn.send_task_failure(taskToken=token, error="OrderRejected", cause=str(e))
            print(f"worker: rejected {order}: {e}", flush=True)
        else:
            sfn.send_task_success(taskToken=token, output=json.dumps(result))
            print(f"worker: answered {order} with {result}", flush=True)
        handled += 1


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass
