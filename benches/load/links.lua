-- wrk: PUT /api/v1/interventions/{id}/recommendations/{rid} over many interventions.
-- GAPTRACK_PAIRS names a file of "intervention recommendation" lines that may be linked.
local key = os.getenv("GAPTRACK_KEY")
local pairs_ = {}

function init(args)
  for line in io.lines(os.getenv("GAPTRACK_PAIRS")) do pairs_[#pairs_ + 1] = line end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  local intervention, recommendation = pairs_[math.random(#pairs_)]:match("(%S+)%s+(%S+)")
  local contribution = math.random(2) == 1 and "full" or "partial"
  return wrk.format("PUT",
    "/api/v1/interventions/" .. intervention .. "/recommendations/" .. recommendation,
    { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" },
    '{"contribution": "' .. contribution .. '", "rationale": "load test"}')
end
