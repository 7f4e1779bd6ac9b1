-- wrk script: each request asks /api/v1/search/suggest for the next prefix of bench/suggest-prefixes.txt; each thread
-- starts at its own place in the list, so the two threads do not ask the same prefixes one after the other
local prefixes = {}
for line in io.lines(os.getenv("PREFIXES") or "bench/suggest-prefixes.txt") do
  prefixes[#prefixes + 1] = line
end
local counter = 0
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("offset", (threads - 1) * math.floor(#prefixes / 2))
end
request = function()
  counter = counter + 1
  local q = prefixes[((counter + (offset or 0)) % #prefixes) + 1]
  -- each pass over the list asks for another number of suggestions (8, 7, 6...): the answer cache holds the prefix
  -- with the limit, so a prefix asked again is computed again, not served from the cache
  local limit = 8 - (math.floor(counter / #prefixes) % 5)
  return wrk.format("GET", "/api/v1/search/suggest?q=" .. q .. "&limit=" .. limit)
end
