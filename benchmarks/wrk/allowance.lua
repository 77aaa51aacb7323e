-- wrk script: allowance requests for BENCH_ORGS orgs (default 50), as dedup and writer send them.
local counter = 0
local orgs = tonumber(os.getenv("BENCH_ORGS") or "50")
request = function()
  counter = counter + 1
  local org = string.format("00D%012dBEN", counter % orgs)
  return wrk.format("POST", "/api/v1/orgs/" .. org .. "/allowances",
    { ["Authorization"] = "Bearer bench-service-token", ["Content-Type"] = "application/json" },
    '{"calls":2,"purpose":"CHECK"}')
end
