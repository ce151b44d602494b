-- wrk script of bench/two-nodes.sh: wrk's threads take the nodes in turn (NODES: comma-separated base URLs), so
-- with -t2 each node gets half the connections; at the end one line with the latency percentiles and the errors.
local nodes = {}
for url in string.gmatch(os.getenv("NODES"), "[^,]+") do
  local host, port = string.match(url, "^http://([^:/]+):(%d+)")
  table.insert(nodes, {host = host, port = port})
end

local threads = 0
function setup(thread)
  local node = nodes[(threads % #nodes) + 1]
  threads = threads + 1
  thread.addr = wrk.lookup(node.host, node.port)[1]
end

function done(summary, latency, requests)
  io.write(string.format("BENCH p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  requests %d  non-2xx %d  "
      .. "errors connect %d read %d write %d timeout %d\n",
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read,
      summary.errors.write, summary.errors.timeout))
end
