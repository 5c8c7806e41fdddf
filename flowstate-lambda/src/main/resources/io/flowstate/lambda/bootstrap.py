"""Flowstate's Lambda bootstrap for Python functions: one warm execution environment.

Loads the handler once (the init phase), then answers invocations one at a time: the server writes one JSON line
per invocation on stdin ({"requestId", "payload", "deadlineMs", "functionArn", "clientContext"}) and reads one JSON
line per answer on this process's original stdout ({"requestId", "result": base64} or {"requestId", "error"}).
The function's own stdout and stderr both go to stderr, the log stream; after each invocation a marker line there
tells the server that invocation's log is complete.

What the function sees, and what it answers, follows AWS's Python runtime (aws-lambda-python-runtime-interface-
client, awslambdaric/bootstrap.py and lambda_runtime_marshaller.py): json.dumps of the return value (UTF-8 text
from python3.12 on, ASCII escapes before), {"errorMessage", "errorType", "requestId", "stackTrace"} for an
exception, its [ERROR] log line, and paths under the task root shown as /var/task. This file is named bootstrap.py
on purpose: like AWS's runtime, it drops its own leading frames ("/bootstrap.py" in the path) from stack traces.
"""
import base64
import decimal
import importlib
import json
import logging
import math
import os
import re
import sys
import time
import traceback

TASK_ROOT = os.environ["LAMBDA_TASK_ROOT"]
AWS_TASK_ROOT = "/var/task"
END_MARKER = "\x1eflowstate-end "

try:
    import simplejson as _json  # what AWS's runtime uses; the standard module when it is not installed

    _SIMPLEJSON = True
except ImportError:
    _json = json
    _SIMPLEJSON = False

_version = re.match(r"AWS_Lambda_python3\.(\d+)$", os.environ.get("AWS_EXECUTION_ENV", ""))
_ENSURE_ASCII = not (_version and int(_version.group(1)) >= 12)


class FaultException(Exception):
    def __init__(self, exception_type, msg, trace=None):
        self.exception_type, self.msg, self.trace = exception_type, msg, trace


class Encoder(_json.JSONEncoder):
    def __init__(self):
        if _SIMPLEJSON:
            super().__init__(use_decimal=False, ensure_ascii=_ENSURE_ASCII, allow_nan=True)
        else:
            super().__init__(ensure_ascii=_ENSURE_ASCII)

    def default(self, obj):
        if isinstance(obj, decimal.Decimal):
            if obj.is_nan():
                return math.nan
            return _json.raw_json.RawJSON(str(obj)) if _SIMPLEJSON else float(obj)
        return super().default(obj)


def to_json(obj):
    return Encoder().encode(obj)


class LambdaContext(object):
    def __init__(self, request):
        self.aws_request_id = request["requestId"]
        self.invoked_function_arn = request.get("functionArn")
        self.client_context = request.get("clientContext")
        self.identity = None
        self.tenant_id = None
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self._deadline_ms = request.get("deadlineMs", 0)

    def get_remaining_time_in_millis(self):
        return max(0, int(self._deadline_ms - time.time() * 1000))


def get_handler(handler):
    try:
        modname, fname = handler.rsplit(".", 1)
    except ValueError as e:
        raise FaultException("Runtime.MalformedHandlerName", "Bad handler '{}': {}".format(handler, str(e)))
    try:
        if modname.split(".")[0] in sys.builtin_module_names:
            raise FaultException("Runtime.BuiltInModuleConflict",
                                 "Cannot use built-in module {} as a handler module".format(modname))
        module = importlib.import_module(modname.replace("/", "."))
    except ImportError as e:
        raise FaultException("Runtime.ImportModuleError", "Unable to import module '{}': {}".format(modname, str(e)))
    except SyntaxError as e:
        trace = ['  File "%s" Line %s\n    %s' % (aws_path(e.filename), e.lineno, e.text)]
        raise FaultException("Runtime.UserCodeSyntaxError", "Syntax error in module '{}': {}".format(modname, str(e)),
                             trace)
    try:
        return getattr(module, fname)
    except AttributeError:
        raise FaultException("Runtime.HandlerNotFound", "Handler '{}' missing on module '{}'".format(fname, modname))


def aws_path(path):
    if path and path.startswith(TASK_ROOT + os.sep):
        return AWS_TASK_ROOT + "/" + path[len(TASK_ROOT) + 1:]
    return path


def make_error(error_message, error_type, stack_trace, invoke_id=None):
    return {
        "errorMessage": error_message if error_message else "",
        "errorType": error_type if error_type else "",
        "requestId": invoke_id if invoke_id is not None else "",
        "stackTrace": stack_trace if stack_trace else [],
    }


def fault_result(exc_info, invoke_id=None):
    etype, value, tb = exc_info
    frames = [(aws_path(f.filename), f.lineno, f.name, f.line) for f in traceback.extract_tb(tb)]
    for i in range(len(frames)):
        if "/bootstrap.py" not in frames[i][0]:
            frames = frames[i:]
            break
    return make_error(str(value), etype.__name__, traceback.format_list(frames), invoke_id)


def log_error(error_result):
    description = "[ERROR]"
    if error_result.get("errorType"):
        description += " " + error_result["errorType"]
    if error_result.get("errorMessage"):
        if error_result.get("errorType"):
            description += ":"
        description += " " + error_result["errorMessage"]
    lines = [description]
    stack_trace = error_result.get("stackTrace")
    if stack_trace is not None:
        lines.append("Traceback (most recent call last):")
        for element in stack_trace:
            for line in ([""] if element == "" else element.splitlines()):
                stripped = line.lstrip(" ")
                lines.append("\u00a0" * (len(line) - len(stripped)) + stripped)
    sys.stdout.write("\r".join(lines) + "\n")


class LambdaLoggerHandler(logging.Handler):
    def emit(self, record):
        record.aws_request_id = _request_id or ""
        sys.stdout.write(self.format(record))


_request_id = None


def invoke(handler, request):
    global _request_id
    _request_id = request_id = request["requestId"]
    try:
        try:
            event = _json.loads(request["payload"])
        except Exception as e:
            raise FaultException("Runtime.UnmarshalError", "Unable to unmarshal input: {}".format(str(e)))
        response = handler(event, LambdaContext(request))
        if isinstance(response, bytes):
            return {"requestId": request_id, "result": base64.b64encode(response).decode("ascii")}
        try:
            result = Encoder().encode(response)
        except Exception as e:
            raise FaultException("Runtime.MarshalError", "Unable to marshal response: {}".format(str(e)))
        return {"requestId": request_id, "result": base64.b64encode(result.encode("utf-8")).decode("ascii")}
    except FaultException as e:
        error = make_error(e.msg, e.exception_type, e.trace, request_id)
    except Exception:
        error = fault_result(sys.exc_info(), request_id)
    log_error(error)
    return {"requestId": request_id, "error": to_json(error)}


def end_of_log(request_id):
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            stream.flush()
        except Exception:
            pass
    os.write(2, (END_MARKER + request_id + "\n").encode("utf-8"))


def main():
    # The server's channel keeps the original stdin/stdout; the function reads nothing and writes to the log.
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.dup2(2, 1)
    sys.stdout.reconfigure(encoding="utf-8")
    sys.stderr.reconfigure(encoding="utf-8")
    sys.path[0] = TASK_ROOT
    os.chdir(TASK_ROOT)
    logging.Formatter.converter = time.gmtime
    log_handler = LambdaLoggerHandler()
    log_handler.setFormatter(logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S"))
    logging.getLogger().addHandler(log_handler)

    init_error = None
    try:
        handler = get_handler(os.environ["_HANDLER"])
    except FaultException as e:
        init_error = make_error(e.msg, e.exception_type, e.trace)
    except Exception:
        init_error = fault_result(sys.exc_info())
    if init_error is not None:
        log_error(init_error)
    answers.write(json.dumps({"ready": True}) + "\n")
    answers.flush()

    for line in requests:
        request = json.loads(line)
        if init_error is not None:
            answer = {"requestId": request["requestId"], "error": to_json(init_error), "exit": True}
        else:
            answer = invoke(handler, request)
        end_of_log(request["requestId"])
        answers.write(json.dumps(answer) + "\n")
        answers.flush()
        if init_error is not None:
            return  # as on AWS, a failed init is tried again in a fresh environment at the next invocation


if __name__ == "__main__":
    main()
