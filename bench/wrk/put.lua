-- PUT /invoices/{id} on the four drafts of location A, each request with another body (see update.lua).
-- The requests are built in init() and replayed in turn, so request() costs the client next to nothing.
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
      pool[i] = update.put((thread_number or 0) * size + i - 1)
   end
end

function request()
   cursor = cursor % #pool + 1
   return pool[cursor]
end
