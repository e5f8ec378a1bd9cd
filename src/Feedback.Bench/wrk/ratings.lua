-- wrk script for `bench ingest --external`: each request POSTs a new rating to /api/evaluations with a case number no
-- other request uses (run id, thread, counter); one in twenty is a 差评 (不满意), which opens a case. The run id and the
-- ingest key come from the environment (BENCH_RUN, BENCH_API_KEY). done() prints the 201s counted by the threads and
-- the latency percentiles in milliseconds, one "name value" per line, for the benchmark to read.
local threads = {}
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local comments = {
  "窗口工作人员很耐心，一次就办好了", "排队等了一个多小时，窗口只开了两个", "材料清单没有一次说清楚，跑了两趟",
  "网上办理一直提交失败", "办事效率高，点赞", "工作人员上班时间玩手机", "停车太难了",
}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  created = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-Api-Key"] = os.getenv("BENCH_API_KEY")
end

function request()
  counter = counter + 1
  local rating = (counter % 20 == 0) and 2 or 5
  local body = string.format(
    '{"caseNumber":"WRK-%s-%d-%d","channel":"qr","rating":%d,"comment":"%s","departmentCode":"D01","windowCode":"W001","staffCode":"S001","serviceItemCode":"I001"}',
    run, id, counter, rating, comments[counter % #comments + 1])
  return wrk.format(nil, "/api/evaluations", nil, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("created")
  end
  io.write(string.format("created %d\n", total))
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("seconds %.3f\n", summary.duration / 1e6))
  io.write(string.format("p50 %.2f\np99 %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
