"""The soak stage of `make bench` (bench.py runs it last; SOAK_SECONDS=0 skips it).

One sandbox, started on the shipped seed plus a pool of drafts to delete and schedules to cancel, takes wrk at
many connections for minutes on a GET/PUT/DELETE/cancel mix (bench/wrk/soak.lua) while this module samples its
RSS and CPU time. Every answer is classified by wrk's response(): 2xx, the documented 400s by their message,
other 4xx, 5xx; a 200 whose name and lines come from two different PUTs counts as torn. Afterwards the sandbox
must still answer: the PUT targets are read back and their totals recomputed here, every pooled draft must be
gone and every pooled schedule cancelled, and SIGTERM must stop it with exit code 0.

Why the pool is consumed in the first seconds: a DELETE that succeeds frees a stored invoice. Spread over the
whole soak, those frees would hide a leak of the same size from the RSS comparison, so every successful DELETE
and cancel happens while the soak warms up (under the full load, racing each other), and the steady state whose
RSS is compared keeps the same records: GETs, PUTs that replace a record of the same shape, and DELETEs and
cancels that are refused with the documented 400.

Standard library only.
"""

import json
import re
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Callable

BENCH = Path(__file__).resolve().parent
LOCATION_A = "6578278e879ad2646715ba9c"
TOKEN_A = "pit-sandbox-location-a"
API_VERSION = "2021-07-28"
PUT_TARGETS = ["6578278e879ad2646715ba9c", "6af34c8c91664e4e3ed780ca", "6af62209c6091e5157a92c3f",
               "6afb16d5080cabcb4680c017"]  # update.lua's drafts
DRAFT_TEMPLATE = "6af34c8c91664e4e3ed780ca"  # copied, under new ids, into the pool of drafts to delete
SCHEDULE_TEMPLATE = "6578278e879ad2646715ba9c"  # copied, under new ids, into the pool of schedules to cancel
MESSAGES = {
    "not_found": "Unable to find an invoice with the given invoice id",
    "not_draft": "Invoice status need to be draft to delete an invoice",
    "already_cancelled": "Invoice schedule is already cancelled",
}


def write_seed(shipped: Path, directory: Path, drafts: int, schedules: int) -> tuple[Path, Path]:
    """The shipped seed plus `drafts` copies of a shipped draft and `schedules` copies of an active schedule
    (location A, new ids); returns the files listing the new ids, one per line, for soak.lua."""
    directory.mkdir(parents=True)
    (directory / "tokens.json").write_bytes((shipped / "tokens.json").read_bytes())
    invoices = json.loads((shipped / "invoices.json").read_text())
    template = next(invoice for invoice in invoices if invoice["_id"] == DRAFT_TEMPLATE)
    draft_ids = [f"5a0a{n:020x}" for n in range(drafts)]
    invoices += [{**template, "_id": id_, "name": f"soak pool draft {n}"} for n, id_ in enumerate(draft_ids)]
    (directory / "invoices.json").write_text(json.dumps(invoices, separators=(",", ":")))
    all_schedules = json.loads((shipped / "schedules.json").read_text())
    schedule_template = next(schedule for schedule in all_schedules if schedule["_id"] == SCHEDULE_TEMPLATE)
    schedule_ids = [f"5c0c{n:020x}" for n in range(schedules)]
    all_schedules += [{**schedule_template, "_id": id_, "status": "active"} for id_ in schedule_ids]
    (directory / "schedules.json").write_text(json.dumps(all_schedules, separators=(",", ":")))
    (directory / "drafts.txt").write_text("\n".join(draft_ids) + "\n")
    (directory / "schedules.txt").write_text("\n".join(schedule_ids) + "\n")
    return directory / "drafts.txt", directory / "schedules.txt"


# ------------------------------------------------------------------------------------------ the totals model

CENT = Decimal("0.01")


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)  # half away from zero, for negatives too


def expected_totals(invoice: dict) -> dict:
    """The totals model of API-NOTES and the README, in decimal: lines, discount over the eligible lines,
    taxes on what remains of each line, each figure rounded to cents, total their sum."""
    items = invoice.get("invoiceItems") or []
    lines = [Decimal(str(item["qty"])) * Decimal(str(item["amount"])) for item in items]
    discount = invoice.get("discount") or {}
    only = discount.get("validOnProductIds") or []
    eligible = [not only or item.get("productId") in only for item in items]
    base = sum((line for line, ok in zip(lines, eligible) if ok), Decimal(0))
    value = Decimal(str(discount.get("value") or 0))
    off = Decimal(0)
    if discount and base > 0:
        off = base * value / 100 if discount.get("type", "percentage") == "percentage" else value
        off = min(max(off, Decimal(0)), base)
    tax = Decimal(0)
    for item, line, ok in zip(items, lines, eligible):
        if item.get("taxInclusive"):
            continue
        taxable = line - (off * line / base if ok and base > 0 else 0)
        tax += sum((taxable * Decimal(str(t["rate"])) / 100 for t in item.get("taxes") or []), Decimal(0))
    sub_total, off, tax = cents(sum(lines, Decimal(0))), cents(off), cents(tax)
    total = sub_total - off + tax
    return {"subTotal": sub_total, "discount": off, "tax": tax, "total": total,
            "amountDue": cents(total - Decimal(str(invoice.get("amountPaid") or 0)))}


def record_problem(invoice: dict) -> str | None:
    """Why a GET answer of a PUT target is not one whole PUT of the soak with the model's totals, or None."""
    name = invoice.get("name", "")
    match = re.fullmatch(r"bench-(\d+)", name)
    if not match:
        return f"name {name!r} is not a PUT of the soak"
    lines = [item.get("description", "") for item in invoice.get("invoiceItems") or []]
    if not lines or any(not line.endswith(f" of {name}") for line in lines):
        return f"{name} holds lines of another PUT: {lines}"
    expected = expected_totals(invoice)
    shown = {key: invoice.get(key) for key in ("total", "amountDue")} | dict(invoice.get("totalSummary") or {})
    wrong = {key: (shown.get(key), str(value)) for key, value in expected.items()
             if shown.get(key) is None or Decimal(str(shown[key])) != value}
    return f"{name}: totals (shown, model) {wrong}" if wrong else None


# ---------------------------------------------------------------------------------------------- the soak run

@dataclass
class Soak:
    """What the soak measured and what the checks afterwards found."""
    seconds: int
    connections: int
    wrk_threads: int
    server_threads: int
    interval: float
    warm_up: float
    rss_bound: int
    drafts: int
    schedules: int
    argv: list = field(default_factory=list)
    requests: int = 0
    duration: float = 0
    p50_ms: float = 0
    p99_ms: float = 0
    max_ms: float = 0
    socket_errors: dict = field(default_factory=dict)
    status_errors: int = 0
    statuses: dict = field(default_factory=dict)
    sample: str = ""
    server_cpu: float = 0
    idle_rss: int = 0
    rss: list = field(default_factory=list)  # (seconds since wrk started, bytes) while wrk ran
    rss_after: int = 0
    checks: list = field(default_factory=list)  # (what, passed, detail)
    exit_code: int | None = None

    @property
    def rps(self) -> float:
        return self.requests / self.duration if self.duration else 0

    @property
    def steady(self) -> list:
        return [sample for sample in self.rss if sample[0] >= self.warm_up]

    @property
    def steady_start(self) -> tuple:
        return (self.steady or self.rss or [(0.0, self.idle_rss)])[0]

    @property
    def steady_end(self) -> tuple:
        return (self.steady or self.rss or [(0.0, self.idle_rss)])[-1]

    @property
    def growth(self) -> int:
        return self.steady_end[1] - self.steady_start[1]

    @property
    def slope_mb_per_minute(self) -> float:
        """Least-squares slope of the steady-state samples."""
        points = self.steady
        if len(points) < 3:
            return float("nan")
        return statistics.linear_regression([t for t, _ in points], [rss for _, rss in points]).slope * 60 / 1e6

    @property
    def flat(self) -> bool:
        return self.growth <= self.rss_bound

    @property
    def socket_error_count(self) -> int:
        return sum(self.socket_errors.values())

    @property
    def all_checks_passed(self) -> bool:
        return all(passed for _, passed, _ in self.checks)


def run(soak: Soak, *, seed: Path, work: Path, start_sandbox: Callable, stop_sandbox: Callable,
        http_request: Callable, rss_bytes: Callable, cpu_seconds: Callable) -> Soak:
    """Starts a sandbox on `seed` (the shipped one; the pools are added to a copy), runs wrk with soak.lua for
    `soak.seconds` while sampling the sandbox's RSS every `soak.interval` s, then checks what it left behind."""
    drafts_file, schedules_file = write_seed(seed, work / "seed-soak", soak.drafts, soak.schedules)
    sandbox, port = start_sandbox(work / "seed-soak")
    headers = {"Authorization": f"Bearer {TOKEN_A}", "Version": API_VERSION}
    status, _ = http_request(port, "GET", f"/invoices/{PUT_TARGETS[0]}?altId={LOCATION_A}&altType=location",
                             headers)
    if status != 200:
        raise RuntimeError(f"the soak's sandbox answered its first GET with {status}")
    soak.idle_rss = rss_bytes(sandbox.pid)
    soak.argv = ["wrk", "-t", str(soak.wrk_threads), "-c", str(soak.connections), "-d", f"{soak.seconds}s",
                 "--latency", "-s", str(BENCH / "wrk" / "soak.lua"),
                 *(word for name, value in headers.items() for word in ("-H", f"{name}: {value}")),
                 f"http://127.0.0.1:{port}/", "--", str(drafts_file), str(schedules_file), str(soak.wrk_threads)]
    log = work / "wrk-sandbox-soak.txt"
    cpu_before = cpu_seconds([sandbox.pid])
    with open(log, "w") as out:
        out.write(" ".join(soak.argv) + "\n\n")
        out.flush()
        began = time.monotonic()
        wrk = subprocess.Popen(soak.argv, stdout=out, stderr=subprocess.STDOUT, text=True)
        try:
            next_sample = began + soak.interval
            while wrk.poll() is None:
                time.sleep(max(0.0, min(next_sample, began + soak.seconds + 60) - time.monotonic()))
                if wrk.poll() is not None:
                    break
                if time.monotonic() > began + soak.seconds + 60:
                    raise RuntimeError("wrk did not finish within 60 s of the soak's end")
                soak.rss.append((time.monotonic() - began, rss_bytes(sandbox.pid)))
                next_sample += soak.interval
        finally:
            if wrk.poll() is None:
                wrk.kill()
            wrk.wait()
    soak.server_cpu = cpu_seconds([sandbox.pid]) - cpu_before
    output = log.read_text()
    result = re.search(r"^BENCH_RESULT (\{.*\})$", output, re.M)
    statuses = re.search(r"^SOAK_STATUS (\{.*\})$", output, re.M)
    if wrk.returncode != 0 or not result or not statuses:
        raise RuntimeError(f"wrk failed ({wrk.returncode}): {output[-2000:]}")
    numbers = json.loads(result.group(1))
    soak.requests, soak.duration = numbers["requests"], numbers["duration_us"] / 1e6
    soak.p50_ms, soak.p99_ms, soak.max_ms = (numbers[k] / 1000 for k in ("p50_us", "p99_us", "max_us"))
    soak.socket_errors = {k: numbers[k] for k in ("connect", "read", "write", "timeout")}
    soak.status_errors = numbers["status_errors"]
    soak.statuses = json.loads(statuses.group(1))
    soak.sample = soak.statuses.pop("sample", "")
    soak.rss_after = rss_bytes(sandbox.pid) if sandbox.poll() is None else 0
    check_afterwards(soak, sandbox, port, headers, drafts_file, schedules_file, http_request)
    stop_sandbox(sandbox)
    soak.exit_code = sandbox.returncode
    soak.checks.append(("SIGTERM stops it with exit code 0", sandbox.returncode == 0,
                        f"exit code {sandbox.returncode}"))
    return soak


def check_afterwards(soak: Soak, sandbox, port: int, headers: dict, drafts_file: Path, schedules_file: Path,
                     http_request: Callable) -> None:
    """The sandbox still answers, the PUT targets are whole and their totals right, the pools are used up."""
    alive = sandbox.poll() is None
    soak.checks.append(("still running after the soak", alive, "" if alive else f"exited {sandbox.returncode}"))
    if not alive:
        return
    query = f"?altId={LOCATION_A}&altType=location"
    problems = []
    for invoice in PUT_TARGETS:
        status, body = http_request(port, "GET", f"/invoices/{invoice}{query}", headers)
        problems.append(f"{invoice}: {status}" if status != 200 else record_problem(json.loads(body)))
    problems = [problem for problem in problems if problem]
    soak.checks.append(("each PUT target answers 200 with one whole PUT (name and lines) and the model's totals",
                        not problems, "; ".join(problems)))
    drafts = drafts_file.read_text().split()
    left = [draft for draft in drafts
            if http_request(port, "GET", f"/invoices/{draft}{query}", headers)[0] != 400]
    soak.checks.append((f"every pooled draft deleted (GET answers 400; {len(drafts):,} drafts)", not left,
                        f"{len(left)} still there" if left else ""))
    schedules = schedules_file.read_text().split()
    body = json.dumps({"altId": LOCATION_A, "altType": "location"}).encode()
    cancel_headers = headers | {"Content-Type": "application/json"}
    expected = json.dumps({"statusCode": 400, "message": MESSAGES["already_cancelled"]}, separators=(",", ":"))
    active = [schedule for schedule in schedules
              if http_request(port, "POST", f"/invoices/schedule/{schedule}/cancel", cancel_headers, body)
              != (400, expected.encode())]
    soak.checks.append((f"every pooled schedule cancelled (a further cancel is the documented 400; "
                        f"{len(schedules)} schedules)", not active, f"{len(active)} not" if active else ""))


# ---------------------------------------------------------------------------------------------- the report

def mb(value: float) -> str:
    return f"{value / 1e6:.1f} MB"


def section(soak: Soak) -> list[str]:
    """The "## Soak" section of RESULTS.md."""
    s = soak.statuses
    errors = "/".join(str(soak.socket_errors[k]) for k in ("connect", "read", "write", "timeout"))
    documented = s.get("not_found", 0) + s.get("not_draft", 0) + s.get("already_cancelled", 0)
    start_t, start_rss = soak.steady_start
    end_t, end_rss = soak.steady_end
    steady_requests = soak.requests * (end_t - start_t) / max(soak.duration, 1)
    every = max(1, round(30 / soak.interval))
    shown = soak.rss[::every] + (soak.rss[-1:] if (len(soak.rss) - 1) % every else [])
    trail = ", ".join(f"{t:.0f} s {mb(rss)}" for t, rss in shown)
    sign = "+" if soak.growth >= 0 else "−"
    return [
        "## Soak",
        "",
        f"A sandbox of its own (release build, `--threads {soak.server_threads} --log-level warning`) on the "
        f"shipped seed plus a pool of {soak.drafts:,} drafts to delete and {soak.schedules} schedules to cancel "
        "(`bench/soak.py`: copies of a shipped draft and schedule under new ids, location A), then "
        f"`wrk -t {soak.wrk_threads} -c {soak.connections} -d {soak.seconds}s --latency -s bench/wrk/soak.lua`. "
        "In every 20 requests: one DELETE, one schedule cancel, and 18 GETs and PUTs (four GETs to one PUT) of "
        "the four drafts of location A, with the PUT bodies of `bench/wrk/put.lua`. Each wrk thread deletes and "
        "cancels its share of the pools once (200s, in the first seconds, racing the other thread), then goes "
        "round again with a sent invoice added, so from then on every DELETE is the documented 400 `Unable to "
        "find an invoice with the given invoice id` or `Invoice status need to be draft to delete an invoice` "
        "and every cancel the documented 400 `Invoice schedule is already cancelled`. wrk's response() sorts "
        "every answer by status and, for a 400, by its message, and counts a 200 named `bench-N` that holds a "
        "line of another PUT (`line i of bench-M`) as torn. RSS (VmRSS) is sampled every "
        f"{soak.interval:g} s; the steady state starts at {soak.warm_up:g} s, when the pools are used up and "
        "every connection is open: from then on the sandbox holds the same records and only replaces four of "
        "them, so a leak is the only lasting growth.",
        "",
        "| Requests | Requests/s | p50 ms | p99 ms | max ms | Server CPU s | Socket errors c/r/w/t | 2xx "
        "| 400 documented (not found / not a draft / already cancelled) | Other 4xx | 5xx | Other | Torn 200s |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {soak.requests:,} | {soak.rps:,.0f} | {soak.p50_ms:.2f} | {soak.p99_ms:.2f} | {soak.max_ms:.2f} "
        f"| {soak.server_cpu:.2f} | {errors} | {s.get('ok', 0):,} "
        f"| {documented:,} ({s.get('not_found', 0):,} / {s.get('not_draft', 0):,} / "
        f"{s.get('already_cancelled', 0):,}) | {s.get('other_4xx', 0):,} | {s.get('server_error', 0):,} "
        f"| {s.get('other', 0):,} | {s.get('torn', 0):,} |",
        "",
        f"- 200s checked for tearing (named `bench-N`): {s.get('checked', 0):,}. wrk's own count of statuses "
        f"≥ 400: {soak.status_errors:,} (the documented 400s + other 4xx + 5xx above: "
        f"{documented + s.get('other_4xx', 0) + s.get('server_error', 0):,})."
        + (f" First unexpected answer: `{soak.sample}`." if soak.sample else ""),
        f"- RSS: {mb(soak.idle_rss)} idle before the soak; {mb(start_rss)} at the start of the steady state "
        f"({start_t:.0f} s), {mb(end_rss)} at its end ({end_t:.0f} s): **{sign}{mb(abs(soak.growth))}** "
        f"(least-squares slope over the {len(soak.steady)} steady samples: {soak.slope_mb_per_minute:+.3f} MB "
        f"per minute); {mb(soak.rss_after)} once wrk had stopped.",
        f"- RSS about every 30 s: {trail}.",
        f"- Flat means at most {mb(soak.rss_bound)} of growth over the steady state. Why that bound: over its "
        f"~{steady_requests:,.0f} requests it is {soak.rss_bound / max(steady_requests, 1):.2f} bytes per request, "
        "so a leak of the smallest heap block (32 bytes) in one request out of "
        f"{32 * steady_requests / soak.rss_bound:,.0f} would exceed it; what stays under it is allocator noise "
        "(the two loop threads' arenas, the four PUT targets changing between 1 and 3 lines, connection "
        "buffers), well under a megabyte in the runs made while choosing it.",
        "- Afterwards: " + "; ".join(f"{what}: {'yes' if passed else 'NO'}" + (f" ({detail})" if detail else "")
                                      for what, passed, detail in soak.checks) + ".",
        "",
    ]


def target_rows(soak: Soak) -> list[str]:
    s = soak.statuses
    unexpected = s.get("other_4xx", 0) + s.get("other", 0) + s.get("torn", 0)
    return [
        f"| Soak {soak.seconds} s at {soak.connections} connections: 0 socket errors | {soak.socket_error_count} "
        f"| {'PASS' if soak.socket_error_count == 0 else 'MISS'} |",
        f"| Soak: 0 5xx | {s.get('server_error', 0)} | {'PASS' if s.get('server_error', 0) == 0 else 'MISS'} |",
        f"| Soak: only documented 4xx, no torn record | {unexpected} other | {'PASS' if unexpected == 0 else 'MISS'} |",
        f"| Soak: flat RSS (≤ {mb(soak.rss_bound)} growth over the steady state) | "
        f"{'+' if soak.growth >= 0 else '−'}{mb(abs(soak.growth))} | {'PASS' if soak.flat else 'MISS'} |",
        f"| Soak: still answers, records whole, pools used up, exit 0 on SIGTERM | "
        f"{sum(passed for _, passed, _ in soak.checks)} of {len(soak.checks)} checks | "
        f"{'PASS' if soak.all_checks_passed else 'MISS'} |",
    ]
