-- wrk: GET /api/v1/countries/{code}/gaps for random countries, latest year.
-- GAPTRACK_CODES names a file of country codes; with GAPTRACK_ORGANISATIONS (a file of
-- organisation ids) each request also counts one random organisation's work only. With
-- GAPTRACK_SESSION set (a page session's cookie value), it asks for the country page
-- (/countries/{code}) instead, as a signed-in browser does.
local key = os.getenv("GAPTRACK_KEY")
local session = os.getenv("GAPTRACK_SESSION") or ""
local codes, organisations = {}, {}

local function lines(path, into)
  if path and path ~= "" then
    for line in io.lines(path) do into[#into + 1] = line end
  end
end

function init(args)
  lines(os.getenv("GAPTRACK_CODES"), codes)
  lines(os.getenv("GAPTRACK_ORGANISATIONS"), organisations)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  local code = codes[math.random(#codes)]
  if session ~= "" then
    return wrk.format("GET", "/countries/" .. code, { ["Cookie"] = "gaptrack_session=" .. session })
  end
  local path = "/api/v1/countries/" .. code .. "/gaps"
  if #organisations > 0 then
    path = path .. "?organisation=" .. organisations[math.random(#organisations)]
  end
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. key })
end
