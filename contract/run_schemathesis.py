#!/usr/bin/env python3
"""Contract test: schemathesis against a running sandbox, on the four emulated operations.

    python3 contract/run_schemathesis.py --base-url http://127.0.0.1:PORT [--max-time S] [--seed N]

Writes the corrected copy of ../shared/spec/invoices.bundled.openapi.json (spec_fixups.py), then runs
`schemathesis run` restricted to GET/PUT/DELETE /invoices/{invoiceId} and
POST /invoices/schedule/{scheduleId}/cancel, with the token of location A and `Version: 2021-07-28`, the
settings of schemathesis.toml, the hooks of schemathesis_hooks.py, 60 examples per operation and phase
(repeated until the time budget of the whole run, --max-time, is spent). Start it on a fresh sandbox
(with_sandbox.py does): the run changes the store. Exit code: schemathesis' (0 when no check failed).

Checks: every schemathesis check but unsupported_method (excluded in schemathesis.toml, with the reason).
Between them they require no 5xx; status codes, content types, headers and bodies as documented (corrected
copy); schema-valid requests accepted and invalid ones refused; a missing Version header and missing or wrong
credentials refused.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in contract/
sys.path.insert(0, HERE)

import spec_fixups  # noqa: E402 - after the sys.path change above

TOKEN = "pit-sandbox-location-a"
API_VERSION = "2021-07-28"
OPERATION_IDS = ["get-invoice", "update-invoice", "delete-invoice", "cancel-invoice-schedule"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", required=True, help="the sandbox, e.g. http://127.0.0.1:8080")
    parser.add_argument("--spec", default=spec_fixups.DEFAULT_SOURCE, help="the official bundled document")
    parser.add_argument("--max-time", default="150", help="time budget of the whole run in seconds (150)")
    parser.add_argument("--max-examples", default=None, help="per operation (schemathesis.toml: 60)")
    parser.add_argument("--seed", default="20231212", help="hypothesis seed, for reproducible runs")
    parser.add_argument("--report-dir", default=None, help="also write a JUnit report there")
    args, extra = parser.parse_known_args()

    if not args.base_url.startswith(("http://127.0.0.1:", "http://localhost:")):
        parser.error("--base-url must be a local sandbox (http://127.0.0.1:PORT)")

    with tempfile.TemporaryDirectory(prefix="contract-spec-") as work:
        spec_copy = os.path.join(work, "invoices.corrected.openapi.json")
        if spec_fixups.main(["spec_fixups", args.spec, spec_copy]) != 0:
            return 1
        schemathesis = os.path.join(os.path.dirname(sys.executable), "schemathesis")
        command = [
            schemathesis,
            "--config-file",
            os.path.join(HERE, "schemathesis.toml"),
            "run",
            spec_copy,
            "--url",
            args.base_url,
            "--header",
            f"Authorization: Bearer {TOKEN}",
            "--header",
            f"Version: {API_VERSION}",
            "--include-operation-id-regex",
            "^(" + "|".join(OPERATION_IDS) + ")$",
            "--max-time",
            args.max_time,
            "--seed",
            args.seed,
            "--request-timeout",
            "10",
            "--no-color",
        ]
        if args.max_examples:
            command += ["--max-examples", args.max_examples]
        if args.report_dir:
            command += ["--report", "junit", "--report-dir", args.report_dir]
        command += extra
        environment = {
            **os.environ,
            "SCHEMATHESIS_HOOKS": os.path.join(HERE, "schemathesis_hooks.py"),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        print("run_schemathesis:", " ".join(command), flush=True)
        return subprocess.call(command, env=environment)


if __name__ == "__main__":
    sys.exit(main())
