-- wrk script: every request is a new capture with its own captureId (as the extension sends) and
-- its own e-mail, so every request is a real capture written to Kafka, never an idempotent replay.
-- With the argument "no-id" the captureId is left out (the service generates one, and skips the
-- cross-replica idempotency check a client id needs).
local counter = 0
local prefix = ""
local with_id = true

function init(args)
  with_id = args[1] ~= "no-id"
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  prefix = string.format("%08x", math.random(0, 0x7fffffff))
end

local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    local v = (c == "x") and math.random(0, 0xf) or math.random(8, 0xb)
    return string.format("%x", v)
  end))
end

local headers = {
  ["Content-Type"] = "application/json",
  ["Authorization"] = "Bearer acme-api-key",
}

function request()
  counter = counter + 1
  local id = with_id and ('"captureId":"' .. uuid() .. '",') or ""
  local body = '{' .. id .. '"firstName":"Ada","lastName":"Lovelace",'
    .. '"email":"ada.' .. prefix .. '.' .. counter .. '@bench.example",'
    .. '"company":"Analytical Engines","capturedBy":"rep@acme.example"}'
  return wrk.format("POST", nil, headers, body)
end
