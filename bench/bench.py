#!/usr/bin/env python3
"""InvoiceSandbox benchmark: measures, then writes bench/RESULTS.md. Run through `make bench` (bench/run.sh),
which installs the tools, builds the sandbox and the ceiling, and cleans up after it.

What it measures, on 127.0.0.1 only:
  * wrk runs of the same length and shape against the sandbox (GET, the 401 path, PUT, a 90/10 GET/PUT
    mix), the libevent ceiling (bench/ceiling.c) and nginx (GET of the same body), each with the server's
    CPU seconds from /proc/PID/stat so requests per CPU-second can be compared;
  * RSS of the sandbox after start and after each load run;
  * start-to-first-answer of the sandbox with the shipped seed and with a generated 100,000-invoice seed,
    and the RSS per stored invoice beyond the raw JSON size;
  * last, unless --soak-seconds is 0, a soak (bench/soak.py): minutes of wrk at many connections on a
    GET/PUT/DELETE/cancel mix, every answer classified, RSS sampled throughout, the records checked afterwards.

Standard library only.
"""

import argparse
import json
import os
import platform
import re
import resource
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import soak as soak_stage

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CLK_TCK = os.sysconf("SC_CLK_TCK")

EXAMPLE_ID = "6578278e879ad2646715ba9c"  # the documentation's example invoice, a draft in location A
LOCATION_A = "6578278e879ad2646715ba9c"
TOKEN_A = "pit-sandbox-location-a"
API_VERSION = "2021-07-28"
GET_PATH = f"/invoices/{EXAMPLE_ID}?altId={LOCATION_A}&altType=location"


class Stop(Exception):
    """SIGTERM (from run.sh's trap): unwind so every started server is stopped."""


# ----------------------------------------------------------------------------------------------- processes

class Servers:
    """Every process this script starts, stopped in `stop_all()` whatever happens; their PIDs also go to a
    file run.sh reads, so they are stopped even if this script is killed outright."""

    def __init__(self, pid_file: Path):
        self.pid_file = pid_file
        self.running: list[subprocess.Popen] = []

    def start(self, argv: list[str], log: Path) -> subprocess.Popen:
        with open(log, "wb") as out:
            process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
        self.running.append(process)
        with open(self.pid_file, "a") as pids:
            pids.write(f"{process.pid}\n")
        return process

    def stop(self, process: subprocess.Popen) -> None:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process in self.running:
            self.running.remove(process)

    def stop_all(self) -> None:
        for process in list(self.running):
            self.stop(process)


def wait_for_line(process: subprocess.Popen, log: Path, pattern: str, timeout: float) -> re.Match:
    """Waits until the process's output has a line matching `pattern`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        match = re.search(pattern, log.read_text(errors="replace"))
        if match:
            return match
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}: {log.read_text()[-2000:]}")
        time.sleep(0.01)
    raise RuntimeError(f"{process.args[0]} printed no line matching {pattern!r} within {timeout} s")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children(pid: int) -> list[int]:
    """The direct children of a process (nginx's workers), from /proc/*/stat."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2:].split()[1]) == pid:
                found.append(int(entry))
    return found


def cpu_seconds(pids: list[int]) -> float:
    """utime + stime of the processes (every thread included), in seconds."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text()
        fields = fields[fields.rindex(")") + 2:].split()  # fields from the 3rd on; utime and stime are 14, 15
        total += int(fields[11]) + int(fields[12])
    return total / CLK_TCK


def machine_cpu() -> tuple[float, float]:
    """(busy, steal) seconds of the whole machine since boot, from /proc/stat: busy is user + nice + system +
    irq + softirq, all cores together."""
    fields = [int(value) for value in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq) / CLK_TCK, steal / CLK_TCK


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def http_request(port: int, method: str, path: str, headers: dict, body: bytes = b"",
                 timeout: float = 5) -> tuple[int, bytes]:
    """One HTTP/1.1 request with Connection: close; returns (status, body)."""
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    if body:
        lines.append(f"Content-Length: {len(body)}")
    raw = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(raw)
        return parse_response(read_all(connection))


def read_all(connection: socket.socket) -> bytes:
    chunks = []
    while chunk := connection.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def parse_response(data: bytes) -> tuple[int, bytes]:
    head, _, body = data.partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0].split()
    if len(status_line) < 2 or not status_line[0].startswith(b"HTTP/"):
        raise RuntimeError(f"not an HTTP answer: {data[:80]!r}")
    return int(status_line[1]), body


def get_headers(token: str = TOKEN_A) -> dict:
    return {"Authorization": f"Bearer {token}", "Version": API_VERSION}


# ---------------------------------------------------------------------------------------------------- wrk

@dataclass
class Run:
    """One wrk run and what the server spent on it."""
    name: str
    server: str
    expect: str  # "2xx" or "401"
    round: int | None = None
    requests: int = 0
    seconds: float = 0
    p50_ms: float = 0
    p99_ms: float = 0
    max_ms: float = 0
    socket_errors: dict = field(default_factory=dict)
    status_errors: int = 0
    server_cpu: float = 0
    client_cpu: float = 0
    other_cpu: float = 0
    steal: float = 0
    rss_after: int | None = None
    response_bytes: int = 0
    argv: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.name} {self.round}" if self.round else self.name

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    @property
    def per_cpu(self) -> float:
        return self.requests / self.server_cpu if self.server_cpu else float("nan")

    @property
    def socket_error_count(self) -> int:
        return sum(self.socket_errors.values())


class Wrk:
    def __init__(self, duration: int, connections: int, threads: int, work: Path, quiet_budget: float = 60):
        self.duration, self.connections, self.threads, self.work = duration, connections, threads, work
        self.quiet_budget = quiet_budget  # seconds this run may spend in all waiting for a quiet machine
        self.waited = 0.0

    def wait_for_quiet(self, per_run: float = 15, threshold: float = 0.15) -> None:
        """Before a run, waits (within the budget) until the machine's other programs use under `threshold`
        of a core over 0.5 s: the servers are idle then, so whatever is busy is not ours."""
        deadline = time.monotonic() + min(per_run, self.quiet_budget - self.waited)
        began = time.monotonic()
        while True:
            before = machine_cpu()[0]
            time.sleep(0.5)
            if (machine_cpu()[0] - before) / 0.5 < threshold or time.monotonic() >= deadline:
                break
        waited = time.monotonic() - began - 0.5
        if waited > 0.1:
            print(f"  (waited {waited:.1f} s for other programs to leave the CPU)", flush=True)
        self.waited += max(waited, 0)

    def argv(self, script: str, headers: dict, url: str, duration: int) -> list[str]:
        argv = ["wrk", "-t", str(self.threads), "-c", str(self.connections), "-d", f"{duration}s", "--latency",
                "-s", str(BENCH / "wrk" / script)]
        for name, value in headers.items():
            argv += ["-H", f"{name}: {value}"]
        return argv + [url]

    def warm_up(self, port: int, seconds: int = 2) -> None:
        subprocess.run(self.argv("get.lua", get_headers(), f"http://127.0.0.1:{port}{GET_PATH}", seconds),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=seconds + 30, check=True)

    def run(self, run: Run, pids, script: str, headers: dict, url: str) -> Run:
        """Runs wrk once; `pids()` gives the server's processes (read before and after)."""
        argv = self.argv(script, headers, url, self.duration)
        self.wait_for_quiet()
        before_machine = machine_cpu()
        before_server = cpu_seconds(pids())
        before_client = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run(argv, capture_output=True, text=True, timeout=self.duration + 60)
        after_client = resource.getrusage(resource.RUSAGE_CHILDREN)
        after_server = cpu_seconds(pids())
        after_machine = machine_cpu()
        run.argv = argv
        log = self.work / ("wrk-" + re.sub(r"[^A-Za-z0-9]+", "-", f"{run.server} {run.label}").strip("-") + ".txt")
        log.write_text(" ".join(argv) + "\n\n" + done.stdout + done.stderr)
        match = re.search(r"^BENCH_RESULT (\{.*\})$", done.stdout, re.M)
        if done.returncode != 0 or not match:
            raise RuntimeError(f"wrk failed ({done.returncode}): {done.stdout}{done.stderr}")
        result = json.loads(match.group(1))
        run.requests = result["requests"]
        run.seconds = result["duration_us"] / 1e6
        run.p50_ms, run.p99_ms, run.max_ms = (result[k] / 1000 for k in ("p50_us", "p99_us", "max_us"))
        run.socket_errors = {k: result[k] for k in ("connect", "read", "write", "timeout")}
        run.status_errors = result["status_errors"]
        run.response_bytes = result["bytes"]
        run.server_cpu = after_server - before_server
        run.client_cpu = (after_client.ru_utime - before_client.ru_utime) + (
            after_client.ru_stime - before_client.ru_stime)
        run.other_cpu = (after_machine[0] - before_machine[0]) - run.server_cpu - run.client_cpu
        run.steal = after_machine[1] - before_machine[1]
        print(f"  {run.server:8} {run.label:14} {run.rps:9.0f} req/s  p50 {run.p50_ms:6.2f} ms  p99 {run.p99_ms:6.2f} ms"
              f"  server CPU {run.server_cpu:5.2f} s  {run.per_cpu:8.0f} req/CPU-s  wrk CPU {run.client_cpu:5.2f} s"
              f"  other CPU {run.other_cpu:5.2f} s"
              f"  socket errors {run.socket_error_count}  status>=400 {run.status_errors}", flush=True)
        return run


# ------------------------------------------------------------------------------------------ the three servers

def start_sandbox(servers: Servers, binary: Path, seed: Path, threads: int, work: Path, tag: str):
    log = work / f"sandbox-{tag}.log"
    process = servers.start([str(binary), "--port", "0", "--seed-data", str(seed), "--threads", str(threads),
                             "--log-level", "warning"], log)
    match = wait_for_line(process, log, r"InvoiceSandbox listening on http://127\.0\.0\.1:(\d+)", 120)
    return process, int(match.group(1))


def start_ceiling(servers: Servers, binary: Path, threads: int, body_file: Path, work: Path):
    log = work / "ceiling.log"
    process = servers.start([str(binary), "0", str(threads), str(body_file)], log)
    match = wait_for_line(process, log, r"ceiling listening on http://127\.0\.0\.1:(\d+)", 30)
    return process, int(match.group(1))


def start_nginx(servers: Servers, nginx: str, workers: int, body: bytes, work: Path):
    directory = work / "nginx"
    (directory / "www").mkdir(parents=True)
    (directory / "www" / "body.json").write_bytes(body)
    # The workers may run as another user (nobody, when started as root): they must read the body.
    for path in (work, directory, directory / "www"):
        path.chmod(0o755)
    (directory / "www" / "body.json").chmod(0o644)
    port = free_port()
    config = (BENCH / "nginx.conf.template").read_text()
    for name, value in {"WORKERS": workers, "DIR": directory, "PORT": port}.items():
        config = config.replace(f"@@{name}@@", str(value))
    (directory / "nginx.conf").write_text(config)
    log = work / "nginx.log"
    process = servers.start([nginx, "-p", str(directory), "-e", str(directory / "error.log"),
                             "-c", str(directory / "nginx.conf")], log)
    deadline = time.monotonic() + 30
    while True:
        try:
            status, answer = http_request(port, "GET", GET_PATH, get_headers())
            if status == 200 and answer == body:
                break
            raise RuntimeError(f"nginx answered {status} with another body")
        except (ConnectionRefusedError, ConnectionResetError):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nginx did not start: {log.read_text()}"
                                   f"{(directory / 'error.log').read_text(errors='replace')}")
            time.sleep(0.01)
    workers_found = children(process.pid)
    return process, port, workers_found


# ------------------------------------------------------------------------------------------ start-up timing

@dataclass
class Starts:
    """Start-to-first-answer measurements of one seed."""
    seconds: list[float]
    rss: list[int]
    polls: int
    poll_seconds: float
    sandbox_cpu: list[float] = field(default_factory=list)  # the sandbox's CPU seconds at its first answer
    other_cpu: float = 0  # machine busy time during the starts, less the sandbox's and this script's

    @property
    def wall(self) -> float:
        return sum(self.seconds)

    @property
    def other_cpu_text(self) -> str:
        """/proc/stat counts 10 ms ticks: over much less than a second of starts the figure means nothing."""
        if self.wall < 2:
            return f"— ({self.wall:.2f} s of starts: too short for 10 ms ticks)"
        return f"{max(self.other_cpu, 0):.2f} s in {self.wall:.2f} s"

    @property
    def sandbox_cpu_text(self) -> str:
        median = statistics.median(self.sandbox_cpu)
        return "< 10 ms (one tick)" if median < 0.01 else f"{median * 1000:,.0f} ms"

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_rss(self) -> int:
        return int(statistics.median(self.rss))

    @property
    def poll_interval_ms(self) -> float:
        return 1000 * self.poll_seconds / max(self.polls, 1)


def time_starts(servers: Servers, binary: Path, seed: Path, threads: int, probe: tuple[str, str, str],
                count: int, work: Path, timeout: float, adapt_after: float | None = None) -> Starts:
    """Starts the sandbox `count` times; each time, from just before the exec to the end of the first 200
    answer to a GET of `probe` (id, location, token), polling connect() every ~0.1 ms.

    With `adapt_after`, stops after 5 starts when the first one took longer than that many seconds.
    """
    invoice, location, token = probe
    request = (f"GET /invoices/{invoice}?altId={location}&altType=location HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               f"Authorization: Bearer {token}\r\nVersion: {API_VERSION}\r\nConnection: close\r\n\r\n").encode()
    result = Starts([], [], 0, 0.0)
    log = work / f"starts-{seed.name}.log"
    while len(result.seconds) < count:
        port = free_port()
        argv = [str(binary), "--port", str(port), "--seed-data", str(seed), "--threads", str(threads),
                "--log-level", "warning"]
        machine_before, own_before = machine_cpu()[0], own_cpu()
        began = time.perf_counter()
        process = servers.start(argv, log)
        try:
            polling_since = time.perf_counter()
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"the sandbox exited with {process.returncode}: {log.read_text()[-2000:]}")
                if time.perf_counter() - began > timeout:
                    raise RuntimeError(f"no answer within {timeout} s")
                connection = socket.socket()
                try:
                    connection.connect(("127.0.0.1", port))
                except ConnectionRefusedError:
                    connection.close()
                    result.polls += 1
                    time.sleep(0.0001)
                    continue
                result.poll_seconds += time.perf_counter() - polling_since
                with connection:
                    connection.settimeout(timeout)
                    connection.sendall(request)
                    status, _ = parse_response(read_all(connection))
                answered = time.perf_counter()
                if status != 200:
                    raise RuntimeError(f"the first answer was a {status}, not a 200")
                break
            result.seconds.append(answered - began)
            result.rss.append(rss_bytes(process.pid))
            result.sandbox_cpu.append(cpu_seconds([process.pid]))
            result.other_cpu += (machine_cpu()[0] - machine_before) - result.sandbox_cpu[-1] - (
                own_cpu() - own_before)
        finally:
            servers.stop(process)
        if adapt_after is not None and len(result.seconds) == 1 and result.seconds[0] > adapt_after:
            count = min(count, 5)
    return result


# ---------------------------------------------------------------------------------------------- the report

def command_output(argv: list[str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        return (done.stdout + done.stderr).strip()
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"unavailable ({error})"


def machine() -> dict:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = int(re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text()).group(1)) * 1024
    return {"cores": os.cpu_count(), "nproc": command_output(["nproc"]), "cpu": cpu, "memory": memory,
            "kernel": platform.release()}


def tree_state() -> str:
    commit = command_output(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"])
    status = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain"], capture_output=True, text=True,
                            timeout=30).stdout.splitlines()  # not stripped: each line starts with its 2-column code
    modified = [line for line in status if not line.startswith("??")]
    untracked = [line for line in status if line.startswith("??")]
    state = "clean" if not modified else "dirty: " + ", ".join(line[3:] for line in modified) + " modified"
    return f"`{commit}` ({state}; {len(untracked)} untracked path(s): " + (
        ", ".join(line[3:] for line in untracked) or "none") + ")"


def versions(ceiling_log: str, nginx: str) -> dict:
    runtime = re.search(r"libevent ([^,\s)]+)", ceiling_log)
    return {
        "wrk": command_output(["wrk", "-v"]).splitlines()[0].split(" Copyright")[0],
        "nginx": command_output([nginx, "-v"]).splitlines()[0],
        "gcc": command_output(["gcc", "--version"]).splitlines()[0],
        "libevent": f"{command_output(['pkg-config', '--modversion', 'libevent'])} (pkg-config); "
                    f"{runtime.group(1) if runtime else '?'} (event_get_version() in the ceiling)",
        "swift": command_output([os.environ.get("SWIFT", "swift"), "--version"]).splitlines()[0],
        "python": platform.python_version(),
    }


def mb(value: float) -> str:
    return f"{value / 1e6:.1f} MB"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def table(runs: list[Run]) -> str:
    rows = ["| Run | Server | Requests/s | p50 ms | p99 ms | max ms | Server CPU s | Requests per CPU-s "
            "| wrk CPU s | Other CPU s | Socket errors c/r/w/t | Status ≥ 400 | Expected | Sandbox RSS after |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | ---: |"]
    for run in runs:
        errors = "/".join(str(run.socket_errors[k]) for k in ("connect", "read", "write", "timeout"))
        expected = "all 2xx" if run.expect == "2xx" else "all 401"
        rows.append(f"| {run.label} | {run.server} | {run.rps:,.0f} | {run.p50_ms:.2f} | {run.p99_ms:.2f} "
                    f"| {run.max_ms:.2f} | {run.server_cpu:.2f} | {run.per_cpu:,.0f} | {run.client_cpu:.2f} "
                    f"| {run.other_cpu:.2f} | {errors} | {run.status_errors:,} | {expected} "
                    f"| {mb(run.rss_after) if run.rss_after else '—'} |")
    return "\n".join(rows)


def observations(runs: list[Run], idle_rss: int, shipped: Starts, big: Starts, duration: int) -> list[str]:
    """What the run saw that deserves a look: only measured facts."""
    notes = []
    for run in runs:
        if run.socket_error_count:
            notes.append(f"{run.server} {run.label}: socket errors {run.socket_errors} "
                         "(wrk's output is in bench/tmp/last-run/).")
        if run.expect == "2xx" and run.status_errors:
            notes.append(f"{run.server} {run.label}: {run.status_errors:,} of {run.requests:,} answers had a "
                         "status ≥ 400 where 200 was expected.")
        if run.expect == "401" and run.status_errors != run.requests:
            notes.append(f"{run.server} {run.label}: {run.requests - run.status_errors:,} of {run.requests:,} "
                         "answers had a status below 400 where 401 was expected.")
    if not any(run.socket_error_count or (run.expect == "2xx" and run.status_errors) or
               (run.expect == "401" and run.status_errors != run.requests) for run in runs):
        notes.append("No socket errors in any run; every answer had the expected status class (wrk's count of "
                     "statuses ≥ 400 is 0 in the 2xx runs and equals the request count in the 401 run).")
    quiet = min(run.other_cpu for run in runs)
    busy = [run for run in runs if run.other_cpu > quiet + 0.1 * duration]
    if busy:
        notes.append("Other CPU (used by neither the server nor wrk: softirq time the kernel charges to no "
                     f"process, other programs) was {quiet:.2f} s in the quietest run but "
                     f"{', '.join(f'{run.other_cpu:.2f} s in {run.server} {run.label}' for run in busy)}: "
                     "something else ran on the machine during those runs, so their requests/s and latencies "
                     "are disturbed (requests per server CPU-second less so).")
    steal = max(run.steal for run in runs)
    if steal > 0.05 * duration:
        notes.append(f"The hypervisor reported up to {steal:.2f} s of steal time in a {duration} s run.")
    sandbox_runs = [run for run in runs if run.server == "sandbox" and run.rss_after]
    if sandbox_runs:
        trail = ", ".join(f"{run.label} {mb(run.rss_after)}" for run in sandbox_runs)
        growth = sandbox_runs[-1].rss_after - idle_rss
        notes.append(f"Sandbox RSS: {mb(idle_rss)} after start and its first answer, then after each run: {trail} "
                     f"({'+' if growth >= 0 else '−'}{mb(abs(growth))} over all its runs).")
    notes.append(f"RSS right after the first answer over the {len(shipped.rss)} shipped-seed starts: "
                 f"{mb(min(shipped.rss))} to {mb(max(shipped.rss))}.")
    if big.wall >= 2 and big.other_cpu > 0.1 * big.wall:
        notes.append(f"Other programs used {big.other_cpu:.2f} s of CPU during the {big.wall:.2f} s of starts with "
                     "the generated seed: those start times are disturbed.")
    return notes


def spread(values: list[float], fmt: str) -> str:
    return ", ".join(format(value, fmt) for value in values)


def report(args, info: dict, runs: list[Run], body_size: int, idle_rss: int, shipped: Starts, big: Starts,
           big_seed: dict, elapsed: float, waited: float, soak: "soak_stage.Soak | None" = None) -> str:
    gets = {server: [run for run in runs if run.server == server and run.name == "GET"]
            for server in ("sandbox", "ceiling", "nginx")}
    per_cpu = {server: statistics.median(run.per_cpu for run in rounds) for server, rounds in gets.items()}
    rps = {server: statistics.median(run.rps for run in rounds) for server, rounds in gets.items()}
    put = next(run for run in runs if run.server == "sandbox" and run.name == "PUT")
    get_p99 = statistics.median(run.p99_ms for run in gets["sandbox"])
    by_round = {server: [run.per_cpu for run in rounds] for server, rounds in gets.items()}
    vs_ceiling = per_cpu["sandbox"] / per_cpu["ceiling"]
    vs_nginx = per_cpu["sandbox"] / per_cpu["nginx"]
    put_vs_get = put.per_cpu / per_cpu["sandbox"]
    round_ratio = lambda other: spread([a / b for a, b in zip(by_round["sandbox"], by_round[other])], ".2f")  # noqa
    count = big_seed["count"]
    per_invoice = (big.median_rss - shipped.median_rss) / count - big_seed["bytes"] / count
    machine_info, tools = info["machine"], info["versions"]
    rounds = args.rounds

    lines = [
        "# InvoiceSandbox benchmark results",
        "",
        f"Written by `make bench` (bench/run.sh → bench/bench.py) on {info['date']}. Every figure below was "
        "measured in that one run; nothing is carried over from earlier runs.",
        "",
        "## Setup",
        "",
        f"- Machine: {machine_info['nproc']} cores (nproc), {machine_info['cpu']}, "
        f"{machine_info['memory'] / 2**30:.1f} GiB memory, Linux {machine_info['kernel']}.",
        f"- Commit: {info['tree']}.",
        f"- Tools: {tools['wrk']}; {tools['nginx']}; {tools['gcc']}; libevent {tools['libevent']}; "
        f"{tools['swift']}; Python {tools['python']}.",
        f"- Servers, all on 127.0.0.1 with {args.threads} threads/workers (= cores): the sandbox (release build, "
        f"shipped `seed-data/`, `--threads {args.threads} --log-level warning`); the libevent ceiling "
        "(`bench/ceiling.c`, `gcc -O2`: one event_base + evhttp per thread on its own SO_REUSEPORT listener, the "
        "sandbox's evhttp settings, a generic callback answering a fixed body); nginx (`bench/nginx.conf.template`: "
        f"`worker_processes {args.threads}`, `listen … reuseport`, `keepalive_requests 1000000`, `access_log off`, "
        "the body served from a file with `default_type application/json` and `charset utf-8`). The ceiling and "
        f"nginx answer every request with the sandbox's own GET body, fetched once before the runs "
        f"({body_size:,} bytes).",
        f"- Load: wrk `-t {args.wrk_threads} -c {args.connections} -d {args.duration}s --latency`, keep-alive, "
        f"one run per row. A {args.warm_up} s unmeasured GET warm-up per server, then {rounds} GET rounds (sandbox, "
        "ceiling, nginx in turn, all three running), then the sandbox's 401, PUT and mix runs. Before each run "
        "the script waits (at most 15 s per run, 60 s in all) until other programs use under 0.15 of a core. "
        "wrk runs on "
        f"the same {machine_info['nproc']} cores as the server it measures, so requests/s is bounded by both "
        "(the wrk CPU column is the client's share); requests per server CPU-second is the comparable figure.",
        f"- GET: `GET {GET_PATH}` with `Authorization: Bearer {TOKEN_A}` and `Version: {API_VERSION}`. "
        "401: the same without `Authorization`. PUT (`bench/wrk/put.lua`): `PUT /invoices/{id}` over the four "
        "drafts of location A, bodies named `bench-<n>` with 1–3 items of varying qty and amount, HST on every "
        "other item, a 5 % discount on every fifth body (1,000 prebuilt requests per wrk thread, replayed in "
        "turn). Mix (`bench/wrk/mix.lua`): nine GETs of those drafts, then one such PUT, repeated.",
        "- Server CPU: utime + stime from /proc/PID/stat (nginx: master + workers) before and after each run, "
        f"divided by CLK_TCK ({CLK_TCK}). wrk CPU: its rusage. Other CPU: the machine's busy time from /proc/stat "
        "(user + nice + system + irq + softirq) minus the two. RSS: VmRSS from /proc/PID/status "
        "(MB = 10^6 bytes; the 4 KB target is 4,096 bytes). Status ≥ 400 is "
        "wrk's \"Non-2xx or 3xx\" count (it counts statuses above 399).",
        "",
        "## wrk runs",
        "",
        table(runs),
        "",
        "The wrk command lines, in the order they ran (the output of each is kept in bench/tmp/last-run/):",
        "",
        "```",
        *(" ".join(shlex.quote(str(word)).replace(str(BENCH) + "/", "bench/") for word in run.argv)
          for run in runs),
        "```",
        "",
        f"## Ratios (requests per server CPU-second; GET: the median of the {rounds} rounds)",
        "",
        f"- GET, sandbox / ceiling: {per_cpu['sandbox']:,.0f} / {per_cpu['ceiling']:,.0f} = **{vs_ceiling:.2f}** "
        f"(round by round: {round_ratio('ceiling')}; requests/s: {rps['sandbox'] / rps['ceiling']:.2f})",
        f"- GET, sandbox / nginx: {per_cpu['sandbox']:,.0f} / {per_cpu['nginx']:,.0f} = **{vs_nginx:.2f}** "
        f"(round by round: {round_ratio('nginx')}; requests/s: {rps['sandbox'] / rps['nginx']:.2f})",
        f"- Sandbox PUT / GET: {put.per_cpu:,.0f} / {per_cpu['sandbox']:,.0f} = **{put_vs_get:.2f}** "
        f"(requests/s: {put.rps / rps['sandbox']:.2f})",
        *(f"- Sandbox {run.name} / GET: {run.per_cpu:,.0f} / {per_cpu['sandbox']:,.0f} = "
          f"{run.per_cpu / per_cpu['sandbox']:.2f} (requests/s: {run.rps / rps['sandbox']:.2f})"
          for run in runs if run.server == "sandbox" and run.name not in ("GET", "PUT")),
        "",
        "## Start-up and memory",
        "",
        "Start-to-first-answer: from just before the exec to the end of the first 200 answer (GET of an invoice, "
        f"`Connection: close`), polling connect() on the port every {shipped.poll_interval_ms:.2f} ms on average "
        f"(measured), the sandbox started with `--threads {args.threads} --log-level warning`. RSS and the "
        "sandbox's CPU time (/proc/PID/stat, 10 ms ticks) taken right after that first answer. Other CPU: the "
        "machine's busy time during the starts less the sandbox's and the measuring script's own (programs "
        "other than ours, softirq).",
        "",
        "| Seed | Starts | Median | Min | Max | Sandbox CPU to first answer (median) | RSS after start (median) "
        "| Other CPU during the starts |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| shipped `seed-data/` (12 invoices) | {len(shipped.seconds)} | {shipped.median * 1000:.1f} ms "
        f"| {min(shipped.seconds) * 1000:.1f} ms | {max(shipped.seconds) * 1000:.1f} ms "
        f"| {shipped.sandbox_cpu_text} | {mb(shipped.median_rss)} "
        f"| {shipped.other_cpu_text} |",
        f"| generated, {count:,} invoices | {len(big.seconds)} | {big.median * 1000:,.0f} ms "
        f"| {min(big.seconds) * 1000:,.0f} ms | {max(big.seconds) * 1000:,.0f} ms "
        f"| {big.sandbox_cpu_text} | {mb(big.median_rss)} "
        f"| {big.other_cpu_text} |",
        "",
        f"- Generated seed: `bench/make_seed.py` ({count:,} invoices, 1–3 items, every status, 10 locations), "
        f"invoices.json {big_seed['bytes']:,} bytes compact ({big_seed['bytes'] / count:,.0f} bytes per invoice). "
        + (f"{args.starts} starts were planned; 5 were made because the first took over "
           f"{args.adapt_after:g} s." if len(big.seconds) < args.starts else f"{len(big.seconds)} starts."),
        f"- Idle RSS of the benchmarked sandbox (shipped seed, after start and its first answer): {mb(idle_rss)}.",
        f"- RSS per stored invoice beyond the raw JSON: ({mb(big.median_rss)} − {mb(shipped.median_rss)}) / "
        f"{count:,} − {big_seed['bytes']:,} / {count:,} = **{per_invoice:,.0f} bytes** "
        f"(in all {(big.median_rss - shipped.median_rss) / count:,.0f} bytes of RSS per invoice).",
        "",
        *(soak_stage.section(soak) if soak else []),
        "## Targets",
        "",
        "| Target | Measured | |",
        "| --- | --- | --- |",
        f"| GET ≥ 0.9 × ceiling (requests per CPU-second) | {vs_ceiling:.2f} × (rounds: {round_ratio('ceiling')}) "
        f"| {verdict(vs_ceiling >= 0.9)} |",
        f"| PUT ≥ 0.4 × GET (requests per CPU-second) | {put_vs_get:.2f} × | {verdict(put_vs_get >= 0.4)} |",
        f"| GET p99 < 5 ms at {args.connections} connections (median of the rounds) | {get_p99:.2f} ms (rounds: "
        f"{spread([run.p99_ms for run in gets['sandbox']], '.2f')}) | {verdict(get_p99 < 5)} |",
        f"| Start ≤ 20 ms, shipped seed (median) | {shipped.median * 1000:.1f} ms "
        f"| {verdict(shipped.median <= 0.020)} |",
        f"| Start ≤ 2 s, {count:,} invoices (median) | {big.median:.2f} s | {verdict(big.median <= 2)} |",
        f"| RSS ≤ 30 MB idle, shipped seed | {mb(idle_rss)} | {verdict(idle_rss <= 30e6)} |",
        f"| ≤ 4 KB per stored invoice beyond the raw JSON | {per_invoice:,.0f} bytes | "
        f"{verdict(per_invoice <= 4096)} |",
        *(soak_stage.target_rows(soak) if soak else []),
        "",
        "## Observations",
        "",
        *[f"- {note}" for note in observations(runs, idle_rss, shipped, big, args.duration)],
        "",
        "## Not measured here",
        "",
        "Other hosts than 127.0.0.1, TLS, other connection counts than "
        + (f"{args.connections} (and the soak's {soak.connections}), HEAD, latencies of DELETE and the schedule "
           "route on their own (the soak mixes them in), " if soak else
           f"{args.connections}, HEAD, DELETE and the schedule route (the soak was skipped), ")
        + "other invoices than those named above, "
        "open-loop load (wrk waits for each answer before sending the next request on a connection, so its "
        "latencies leave out the queueing a fixed request rate would see), runs longer than "
        + (f"{args.duration} s save the {soak.seconds} s soak, and the memory of a sandbox after more writes "
           "than the soak made." if soak else
           f"{args.duration} s, and the memory of a sandbox after more writes than these runs made."),
        "",
        f"Measurement took {elapsed:.0f} s"
        + (f" after a {args.build_seconds:.0f} s build" if args.build_seconds is not None else "")
        + f", of which {waited:.0f} s waiting before runs and start series for other programs to leave the CPU "
        "(at most 15 s each, 60 s in all).",
        "",
    ]
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------------ main

def raise_stop(number, frame):
    raise Stop()


def main() -> int:
    parser = argparse.ArgumentParser(description="InvoiceSandbox benchmark (run it through `make bench`).")
    parser.add_argument("--sandbox", type=Path, required=True, help="the release invoice-sandbox binary")
    parser.add_argument("--ceiling", type=Path, required=True, help="the compiled bench/ceiling.c")
    parser.add_argument("--nginx", default="nginx", help="the nginx binary")
    parser.add_argument("--work", type=Path, required=True, help="a temporary directory; run.sh removes it")
    parser.add_argument("--seed-data", type=Path, default=REPO / "seed-data")
    parser.add_argument("--out", type=Path, default=BENCH / "RESULTS.md")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--warm-up", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="GET runs per server, interleaved")
    parser.add_argument("--starts", type=int, default=20)
    parser.add_argument("--big-invoices", type=int, default=100_000)
    parser.add_argument("--adapt-after", type=float, default=1.0,
                        help="with the big seed, make 5 starts instead of --starts when the first takes longer")
    parser.add_argument("--build-seconds", type=float)
    parser.add_argument("--soak-seconds", type=int, default=300, help="0 skips the soak")
    parser.add_argument("--soak-connections", type=int, default=256)
    parser.add_argument("--soak-interval", type=float, default=5, help="seconds between RSS samples")
    parser.add_argument("--soak-rss-bound-mb", type=float, default=2,
                        help="largest RSS growth over the soak's steady state that counts as flat")
    parser.add_argument("--soak-drafts", type=int, default=2000, help="drafts added to the seed to delete")
    parser.add_argument("--soak-schedules", type=int, default=200, help="schedules added to the seed to cancel")
    args = parser.parse_args()

    signal.signal(signal.SIGTERM, raise_stop)
    began = time.monotonic()
    work = args.work
    servers = Servers(work / "pids")
    wrk = Wrk(args.duration, args.connections, args.wrk_threads, work)
    info = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
            "tree": tree_state()}
    runs: list[Run] = []
    try:
        print(f"== sandbox, ceiling and nginx, {args.threads} threads each; wrk -t{args.wrk_threads} "
              f"-c{args.connections} -d{args.duration}s; {args.rounds} GET rounds", flush=True)
        sandbox, port = start_sandbox(servers, args.sandbox, args.seed_data, args.threads, work, "load")
        status, body = http_request(port, "GET", GET_PATH, get_headers())
        if status != 200:
            raise RuntimeError(f"the sandbox answered the GET with {status}: {body[:300]!r}")
        idle_rss = rss_bytes(sandbox.pid)
        body_file = work / "body.json"
        body_file.write_bytes(body)
        sandbox_pids = lambda: [sandbox.pid]  # noqa: E731
        base = f"http://127.0.0.1:{port}"

        ceiling, ceiling_port = start_ceiling(servers, args.ceiling, args.threads, body_file, work)
        ceiling_log = (work / "ceiling.log").read_text()
        nginx, nginx_port, workers = start_nginx(servers, args.nginx, args.threads, body, work)
        if len(workers) != args.threads:
            raise RuntimeError(f"nginx runs {len(workers)} workers, not {args.threads}")
        get_targets = [
            ("sandbox", port, sandbox_pids),
            ("ceiling", ceiling_port, lambda: [ceiling.pid]),
            ("nginx", nginx_port, lambda: [nginx.pid, *children(nginx.pid)]),
        ]
        for _, target_port, _ in get_targets:
            wrk.warm_up(target_port, args.warm_up)
        # The three servers in turn, round after round, so that a disturbance of the machine shows up as a
        # spread between rounds instead of favouring one server.
        for number in range(1, args.rounds + 1):
            for server, target_port, pids in get_targets:
                run = wrk.run(Run("GET", server, "2xx", round=number), pids, "get.lua", get_headers(),
                              f"http://127.0.0.1:{target_port}{GET_PATH}")
                if server == "sandbox":
                    run.rss_after = rss_bytes(sandbox.pid)
                runs.append(run)
        servers.stop(ceiling)
        servers.stop(nginx)

        for name, script, headers, url, expect in [
            ("401 (no token)", "get.lua", {"Version": API_VERSION}, base + GET_PATH, "401"),
            ("PUT", "put.lua", get_headers(), base + "/", "2xx"),
            ("90/10 GET/PUT", "mix.lua", get_headers(), base + "/", "2xx"),
        ]:
            run = wrk.run(Run(name, "sandbox", expect), sandbox_pids, script, headers, url)
            run.rss_after = rss_bytes(sandbox.pid)
            runs.append(run)
        if sandbox.poll() is not None:
            raise RuntimeError(f"the sandbox exited with {sandbox.returncode} during the runs")
        servers.stop(sandbox)

        print(f"== start-to-first-answer, shipped seed, {args.starts} starts", flush=True)
        wrk.wait_for_quiet()
        shipped = time_starts(servers, args.sandbox, args.seed_data, args.threads,
                              (EXAMPLE_ID, LOCATION_A, TOKEN_A), args.starts, work, timeout=30)
        print(f"  median {shipped.median * 1000:.1f} ms (min {min(shipped.seconds) * 1000:.1f}, "
              f"max {max(shipped.seconds) * 1000:.1f}), RSS {mb(shipped.median_rss)}", flush=True)

        print(f"== generating a seed of {args.big_invoices:,} invoices", flush=True)
        big_dir = work / "seed-big"
        made = subprocess.run([sys.executable, str(BENCH / "make_seed.py"), str(big_dir), "--invoices",
                               str(args.big_invoices)], capture_output=True, text=True, timeout=600, check=True)
        big_seed = json.loads(made.stdout.strip().splitlines()[-1])
        probe = big_seed["probe"]
        print(f"  invoices.json {big_seed['bytes']:,} bytes", flush=True)
        print("== start-to-first-answer, generated seed", flush=True)
        wrk.wait_for_quiet()
        big = time_starts(servers, args.sandbox, big_dir, args.threads, (probe["id"], probe["location"],
                          probe["token"]), args.starts, work, timeout=120, adapt_after=args.adapt_after)
        print(f"  {len(big.seconds)} starts: median {big.median:.3f} s (min {min(big.seconds):.3f}, "
              f"max {max(big.seconds):.3f}), RSS {mb(big.median_rss)}", flush=True)

        soak = None
        if args.soak_seconds > 0:
            print(f"== soak: wrk -t{args.wrk_threads} -c{args.soak_connections} -d{args.soak_seconds}s on the "
                  "GET/PUT/DELETE/cancel mix, RSS sampled every "
                  f"{args.soak_interval:g} s", flush=True)
            wrk.wait_for_quiet()
            soak = soak_stage.run(
                soak_stage.Soak(
                    seconds=args.soak_seconds, connections=args.soak_connections, wrk_threads=args.wrk_threads,
                    server_threads=args.threads, interval=args.soak_interval,
                    warm_up=max(10.0, args.soak_seconds / 10), rss_bound=int(args.soak_rss_bound_mb * 1e6),
                    drafts=args.soak_drafts, schedules=args.soak_schedules),
                seed=args.seed_data, work=work,
                start_sandbox=lambda seed: start_sandbox(servers, args.sandbox, seed, args.threads, work, "soak"),
                stop_sandbox=servers.stop, http_request=http_request, rss_bytes=rss_bytes, cpu_seconds=cpu_seconds)
            print(f"  {soak.rps:,.0f} req/s, socket errors {soak.socket_errors}, statuses {soak.statuses}, "
                  f"RSS {mb(soak.steady_start[1])} -> {mb(soak.steady_end[1])} over the steady state, "
                  f"checks {'passed' if soak.all_checks_passed else 'FAILED'}", flush=True)

        info["versions"] = versions(ceiling_log, args.nginx)
        text = report(args, info, runs, len(body), idle_rss, shipped, big, big_seed, time.monotonic() - began,
                      wrk.waited, soak)
        args.out.write_text(text)
        print()
        print(text)
        print(f"(written to {args.out})")
        return 0
    except (KeyboardInterrupt, Stop):
        print("interrupted: stopping the servers", file=sys.stderr)
        return 130
    finally:
        servers.stop_all()


if __name__ == "__main__":
    sys.exit(main())
