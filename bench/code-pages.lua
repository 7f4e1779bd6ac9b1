-- wrk script: each request asks for the next code page of the list in $PATHS (one path a line, already shuffled);
-- each wrk thread starts at its own place in the list, so threads do not ask for the same page at the same time
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
  paths[#paths + 1] = line
end
local counter = 0
init = function(args)
  counter = math.floor(#paths * (tonumber(wrk.thread:get("n")) or 0) / 2)
end
local n = 0
setup = function(thread)
  thread:set("n", n)
  n = n + 1
end
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
