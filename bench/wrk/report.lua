-- Shared by every wrk script of the benchmark: done() prints one line, "BENCH_RESULT {json}", with what
-- bench.py reports (latencies in microseconds). wrk's summary.errors.status counts answers with a status
-- above 399, the same figure wrk prints as "Non-2xx or 3xx responses".
function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      'BENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,' ..
      '"timeout":%d,"status_errors":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f}\n',
      summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.timeout, e.status,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
