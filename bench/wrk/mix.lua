-- 90 % GET, 10 % PUT on the four drafts of location A: in every ten requests, nine GETs and one PUT.
local dir = debug.getinfo(1, "S").source:sub(2):match("^(.*/)")
dofile(dir .. "report.lua")
local update = dofile(dir .. "update.lua")

update.replay(function(n, i)
   if i % 10 == 0 then
      return update.put(n)
   end
   return update.get(n)
end)
