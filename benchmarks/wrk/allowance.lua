-- wrk script: allowance requests for 50 orgs, as dedup and writer send them.
local counter = 0
request = function()
  counter = counter + 1
  local org = string.format("00D%012dBEN", counter % 50)
  return wrk.format("POST", "/api/v1/orgs/" .. org .. "/allowances",
    { ["Authorization"] = "Bearer bench-service-token", ["Content-Type"] = "application/json" },
    '{"calls":2,"purpose":"CHECK"}')
end
