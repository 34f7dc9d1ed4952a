-- PUT /invoices/{id} on the four drafts of location A, each request with another body (see update.lua).
local dir = debug.getinfo(1, "S").source:sub(2):match("^(.*/)")
dofile(dir .. "report.lua")
local update = dofile(dir .. "update.lua")

update.replay(function(n) return update.put(n) end)
