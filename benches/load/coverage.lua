-- wrk: GET /api/v1/coverage (latest year, all countries).
local key = os.getenv("GAPTRACK_KEY")

function request()
  return wrk.format("GET", "/api/v1/coverage", { ["Authorization"] = "Bearer " .. key })
end
