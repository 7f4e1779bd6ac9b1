-- wrk script: each request asks /api/v1/search/suggest for the next prefix of the list in bench/suggest-prefixes.txt
local prefixes = {}
for line in io.lines(os.getenv("PREFIXES") or "bench/suggest-prefixes.txt") do
  prefixes[#prefixes + 1] = line
end
local counter = 0
request = function()
  counter = counter + 1
  local q = prefixes[(counter % #prefixes) + 1]
  return wrk.format("GET", "/api/v1/search/suggest?q=" .. q)
end
