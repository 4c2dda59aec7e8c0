#!/usr/bin/env python3
"""A moto server for EmrSubmitIT, plus a small control endpoint that plays the EMR cluster's part.

moto accepts EMR steps but never moves them past PENDING/RUNNING, and EMR is not one of the models
that moto's /moto-api/state-manager can advance. So this launcher runs moto's ThreadedMotoServer
and, in the same process (hence the same in-memory backends), a second tiny HTTP server that can:

  GET  /steps        -> [{"clusterId", "stepId", "state"}, ...] for every cluster in the region
  POST /step-state   {"clusterId", "stepId", "state", "failureDetails": {"Reason", "Message",
                      "LogFile"} (optional)} -> moves the step, as EMR itself would

Both servers listen on 127.0.0.1 only, on ports the kernel picks (or --port/--control-port).
Once both answer, one line goes to stdout:  READY moto=<port> control=<port>
The process ends on SIGTERM, or when its stdin closes (so it never outlives the test JVM).
"""

import argparse
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from moto.core import DEFAULT_ACCOUNT_ID
from moto.core.utils import utcnow
from moto.emr import models as emr_models
from moto.server import ThreadedMotoServer

STEP_STATES = {"PENDING", "CANCEL_PENDING", "RUNNING", "COMPLETED", "CANCELLED", "FAILED", "INTERRUPTED"}
TERMINAL_STEP_STATES = {"COMPLETED", "CANCELLED", "FAILED", "INTERRUPTED"}

# moto builds a step's Status from scratch on every describe and has no FailureDetails in it.
# Add them when the control endpoint has set some (EMR's StepStatus.FailureDetails shape).
_moto_step_status = emr_models.Step.status.fget


def _step_status_with_failure_details(step):
    status = _moto_step_status(step)
    details = getattr(step, "failure_details", None)
    if details:
        status["FailureDetails"] = details
    return status


emr_models.Step.status = property(_step_status_with_failure_details)


def emr_backend(region):
    return emr_models.emr_backends[DEFAULT_ACCOUNT_ID][region]


class ControlHandler(BaseHTTPRequestHandler):
    region = "us-east-1"

    def log_message(self, fmt, *args):  # keep stdout for the READY line; log to stderr
        sys.stderr.write("control: " + (fmt % args) + "\n")

    def _reply(self, code, body):
        data = json.dumps(body).encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path != "/steps":
            self._reply(404, {"error": "unknown path " + self.path})
            return
        steps = []
        for cluster in list(emr_backend(self.region).clusters.values()):
            for step in cluster.steps:
                steps.append({"clusterId": cluster.id, "stepId": step.id, "state": step.state})
        self._reply(200, steps)

    def do_POST(self):
        if self.path != "/step-state":
            self._reply(404, {"error": "unknown path " + self.path})
            return
        try:
            length = int(self.headers.get("Content-Length", "0"))
            request = json.loads(self.rfile.read(length) or b"{}")
            state = request["state"]
            if state not in STEP_STATES:
                raise ValueError("unknown step state " + state)
            cluster = emr_backend(self.region).clusters.get(request["clusterId"])
            if cluster is None:
                raise ValueError("no cluster " + request["clusterId"])
            step = next((s for s in cluster.steps if s.id == request["stepId"]), None)
            if step is None:
                raise ValueError("no step " + request["stepId"] + " in " + cluster.id)
        except (KeyError, ValueError) as e:
            self._reply(400, {"error": str(e)})
            return
        step.state = state
        if state == "RUNNING" and step.start_date_time is None:
            step.start_date_time = utcnow()
        if state in TERMINAL_STEP_STATES:
            step.end_date_time = utcnow()
        step.failure_details = request.get("failureDetails")
        self._reply(200, {"clusterId": cluster.id, "stepId": step.id, "state": step.state})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="moto's port (default: a free one)")
    parser.add_argument("--control-port", type=int, default=0, help="control port (default: a free one)")
    parser.add_argument("--region", default="us-east-1")
    args = parser.parse_args()

    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=args.port, verbose=False)
    moto.start()
    ControlHandler.region = args.region
    control = ThreadingHTTPServer(("127.0.0.1", args.control_port), ControlHandler)
    control.daemon_threads = True
    threading.Thread(target=control.serve_forever, daemon=True).start()

    print("READY moto=%d control=%d" % (moto.get_host_and_port()[1], control.server_address[1]), flush=True)
    try:
        sys.stdin.read()  # returns when the parent closes our stdin or dies
    except KeyboardInterrupt:
        pass
    control.shutdown()
    moto.stop()


if __name__ == "__main__":
    main()
