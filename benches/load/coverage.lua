-- wrk: GET /api/v1/coverage (latest year, all countries); with GAPTRACK_SESSION set (a page
-- session's cookie value), the overview page (/) that shows the same, as a signed-in browser does.
local key = os.getenv("GAPTRACK_KEY")
local session = os.getenv("GAPTRACK_SESSION") or ""

function request()
  if session ~= "" then
    return wrk.format("GET", "/", { ["Cookie"] = "gaptrack_session=" .. session })
  end
  return wrk.format("GET", "/api/v1/coverage", { ["Authorization"] = "Bearer " .. key })
end
