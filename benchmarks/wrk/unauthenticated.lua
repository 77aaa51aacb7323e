-- The same POST without a token: answered 401 by the bearer filter before any controller.
request = function()
  return wrk.format("POST", "/api/v1/orgs/00D000000000001BEN/allowances",
    { ["Content-Type"] = "application/json" }, '{"calls":2,"purpose":"CHECK"}')
end
