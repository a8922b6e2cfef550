-- wrk script: every request comes from a different client (X-Forwarded-For
-- from a trusted proxy), so every request is a new visitor and a new view:
-- the counter's worst case. Use with cong serve --trusted-proxies 127.0.0.1.
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local n = 0
function request()
  n = n + 1
  -- Thread T counts through its own 2^21 addresses in 10.0.0.0/8.
  local ip = string.format("10.%d.%d.%d", (tid * 32 + math.floor(n / 65536) % 32) % 256, math.floor(n / 256) % 256, n % 256)
  -- wrk.format replaces wrk.headers with the table given: keep -H headers.
  local h = {}
  for k, v in pairs(wrk.headers) do h[k] = v end
  h["X-Forwarded-For"] = ip
  return wrk.format(nil, nil, h)
end
