#!/usr/bin/env python3
"""Run one command against a freshly started InvoiceSandbox, then stop the sandbox.

    python3 contract/with_sandbox.py --binary PATH [--seed-data DIR] [--log FILE] -- CMD ARG...

Starts `PATH --port 0 --seed-data DIR` (a fresh copy of the seed data every time, since PUT, DELETE and
cancel change the store), reads the port from the first stdout line
(`InvoiceSandbox listening on http://127.0.0.1:PORT (...)`), replaces `{url}` in CMD's arguments with
`http://127.0.0.1:PORT` (also exported as SANDBOX_URL), runs CMD, then stops the sandbox with SIGTERM.

Exit code: CMD's, or 1 when CMD succeeded but the sandbox did not start, died during the run, or did not
exit 0 on SIGTERM. Everything the sandbox writes after its first line goes to the log file, whose tail is
printed when something failed. Standard library only, so it runs before the venv exists.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

START_LINE = re.compile(r"^InvoiceSandbox listening on (http://127\.0\.0\.1:(\d+)) \(")
START_TIMEOUT_SECONDS = 30
STOP_TIMEOUT_SECONDS = 10


def tail(path: str, lines: int = 40) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return "".join(handle.readlines()[-lines:])
    except OSError:
        return ""


def start(binary: str, seed_data: str, log_path: str) -> tuple[subprocess.Popen, str, threading.Thread]:
    open(log_path, "w").close()
    log = open(log_path, "a", encoding="utf-8")  # O_APPEND: the sandbox's stderr and the drained stdout share it
    server = subprocess.Popen(
        [binary, "--port", "0", "--host", "127.0.0.1", "--seed-data", seed_data],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        bufsize=1,
    )
    first_line: list[str] = []
    reader_done = threading.Event()

    def read_first_line() -> None:
        first_line.append(server.stdout.readline())
        reader_done.set()

    threading.Thread(target=read_first_line, daemon=True).start()
    if not reader_done.wait(START_TIMEOUT_SECONDS):
        server.kill()
        raise RuntimeError(f"no start line from {binary} within {START_TIMEOUT_SECONDS} s")
    match = START_LINE.match(first_line[0])
    if not match:
        server.kill()
        server.wait()
        raise RuntimeError(f"unexpected first line from {binary}: {first_line[0]!r}\n{tail(log_path)}")

    def drain() -> None:
        # The access log (one line per request) must be read, or the pipe fills and the server blocks.
        log.writelines(server.stdout)
        log.flush()

    drainer = threading.Thread(target=drain, daemon=True)
    drainer.start()
    return server, match.group(1), drainer


def stop(server: subprocess.Popen) -> int | None:
    if server.poll() is not None:
        return server.returncode
    server.send_signal(signal.SIGTERM)
    try:
        return server.wait(STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="path to the invoice-sandbox executable")
    parser.add_argument("--seed-data", default="seed-data", help="seed data folder (default: seed-data)")
    parser.add_argument("--log", help="where the sandbox's output goes (default: a temporary file)")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- CMD ARG... ({url} is replaced)")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given after --")

    log_path = args.log or tempfile.mkstemp(prefix="invoice-sandbox-", suffix=".log")[1]
    try:
        server, url, drainer = start(args.binary, args.seed_data, log_path)
    except (OSError, RuntimeError) as error:
        print(f"with_sandbox: cannot start the sandbox: {error}", file=sys.stderr)
        return 1
    print(f"with_sandbox: sandbox pid {server.pid} on {url}, log in {log_path}", flush=True)

    started = time.monotonic()
    try:
        status = subprocess.call(
            [part.replace("{url}", url) for part in command], env={**os.environ, "SANDBOX_URL": url}
        )
    except KeyboardInterrupt:
        status = 130
    except OSError as error:
        print(f"with_sandbox: cannot run {command[0]}: {error}", file=sys.stderr)
        status = 1
    elapsed = time.monotonic() - started

    died_early = server.poll() is not None
    exit_code = stop(server)
    drainer.join(5)
    problems = []
    if died_early:
        problems.append(f"the sandbox died during the run (exit code {exit_code})")
    elif exit_code != 0:
        problems.append(f"the sandbox did not exit 0 on SIGTERM (exit code {exit_code})")
    for problem in problems:
        print(f"with_sandbox: {problem}", file=sys.stderr)
    if problems or status != 0:
        print(f"with_sandbox: last lines of {log_path}:\n{tail(log_path)}", file=sys.stderr)
    print(f"with_sandbox: {' '.join(command[:2])} finished with {status} in {elapsed:.1f} s", flush=True)
    return status if status != 0 else (1 if problems else 0)


if __name__ == "__main__":
    sys.exit(main())
