-- 90 % GET, 10 % PUT on the four drafts of location A: in every ten requests, nine GETs and one PUT.
local dir = debug.getinfo(1, "S").source:sub(2):match("^(.*/)")
dofile(dir .. "report.lua")
local update = dofile(dir .. "update.lua")

local threads = 0
function setup(thread)
   thread:set("thread_number", threads)
   threads = threads + 1
end

local pool, cursor = {}, 0
function init(args)
   local size = 1000
   for i = 1, size do
      local n = (thread_number or 0) * size + i - 1
      if i % 10 == 0 then
         pool[i] = update.put(n)
      else
         pool[i] = update.get(n)
      end
   end
end

function request()
   cursor = cursor % #pool + 1
   return pool[cursor]
end
