-- wrk script: batches of BENCH_BATCH (default 10, at most 100) allowance requests for BENCH_ORGS
-- orgs (default 50), each its own decision and lease.
local counter = 0
local orgs = tonumber(os.getenv("BENCH_ORGS") or "50")
local size = tonumber(os.getenv("BENCH_BATCH") or "10")
local one = '{"calls":2,"purpose":"CHECK"}'
local body = '{"requests":[' .. string.rep(one .. ",", size - 1) .. one .. ']}'
request = function()
  counter = counter + 1
  local org = string.format("00D%012dBEN", counter % orgs)
  return wrk.format("POST", "/api/v1/orgs/" .. org .. "/allowances/batch",
    { ["Authorization"] = "Bearer bench-service-token", ["Content-Type"] = "application/json" },
    body)
end
