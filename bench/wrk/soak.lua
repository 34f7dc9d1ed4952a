-- The soak's mix: in every 20 requests, one DELETE, one schedule cancel, and 18 GETs and PUTs (four GETs to
-- one PUT) of the four drafts of location A (update.lua; never deleted).
--
-- DELETEs and cancels take ids from files that bench/soak.py writes (script arguments: the drafts file, the
-- schedules file, the number of wrk threads); thread t takes the ids at positions t, t + threads, …, so that no
-- two threads share one.
-- Each thread goes through its ids once (200s, while the soak warms up), then round again, together with a
-- sent invoice: from then on every DELETE is the documented 400 "Unable to find an invoice…" or "Invoice
-- status need to be draft…", and every cancel the documented 400 "Invoice schedule is already cancelled".
--
-- response() classifies every answer: 2xx, 5xx, the three documented 400s by their message, other 4xx,
-- anything else; and counts a 200 whose invoice is named bench-N but holds a line of another PUT ("line i of
-- bench-M", M ~= N) as torn. done() prints the report line of report.lua and a second one,
-- "SOAK_STATUS {json}", with those counts summed over the threads.
local dir = debug.getinfo(1, "S").source:sub(2):match("^(.*/)")
dofile(dir .. "report.lua")
local update = dofile(dir .. "update.lua")
local report_done = done

local SENT_INVOICE = "6ae8ac8a2f85e01b48e33da1" -- sent, in location A: DELETE refuses it

-- Every fifth replayed request is a PUT: n - 1 runs through every remainder mod 4 on those, so the PUTs go to
-- all four drafts (update.put picks the draft by n % 4).
update.replay(function(n, i)
   if i % 5 == 0 then
      return update.put(n)
   end
   return update.get(n)
end)

-- setup and done run in wrk's main Lua state: keep every thread there to read its counts at the end.
local threads = {}
local replay_setup = setup
function setup(thread)
   replay_setup(thread)
   table.insert(threads, thread)
end

local function ids_of_thread(path, thread, thread_count)
   local ids, index = {}, 0
   for line in io.lines(path) do
      if line ~= "" then
         if index % thread_count == thread then
            table.insert(ids, line)
         end
         index = index + 1
      end
   end
   return ids
end

local replay_init = init
local deletes, cancels = {}, {}
local delete_cursor, cancel_cursor, sent = 0, 0, 0
counts = { ok = 0, checked = 0, torn = 0, not_found = 0, not_draft = 0, already_cancelled = 0, other_4xx = 0,
           server_error = 0, other = 0 }
sample = ""

function init(args)
   replay_init(args)
   local thread_count = tonumber(args[3])
   deletes = ids_of_thread(args[1], thread_number, thread_count)
   cancels = ids_of_thread(args[2], thread_number, thread_count)
   table.insert(deletes, SENT_INVOICE)
end

local function delete_request()
   delete_cursor = delete_cursor % #deletes + 1
   return wrk.format("DELETE", "/invoices/" .. deletes[delete_cursor] .. "?altId=" .. update.location ..
      "&altType=location")
end

local cancel_body = '{"altId":"' .. update.location .. '","altType":"location"}'
local function cancel_request()
   cancel_cursor = cancel_cursor % #cancels + 1
   local headers = { ["Content-Type"] = "application/json" }
   for name, value in pairs(wrk.headers) do
      headers[name] = value
   end
   return wrk.format("POST", "/invoices/schedule/" .. cancels[cancel_cursor] .. "/cancel", headers, cancel_body)
end

local replay_request = request
function request()
   sent = sent + 1
   if sent % 20 == 0 then
      return delete_request()
   elseif sent % 20 == 10 then
      return cancel_request()
   end
   return replay_request()
end

local function remember(status, body)
   if sample == "" then
      sample = status .. " " .. body:sub(1, 300)
   end
end

function response(status, headers, body)
   body = body or ""
   if status >= 200 and status < 300 then
      counts.ok = counts.ok + 1
      local name = body:match('"name":"bench%-(%d+)"')
      if name then
         counts.checked = counts.checked + 1
         for line in body:gmatch("of bench%-(%d+)") do
            if line ~= name then
               counts.torn = counts.torn + 1
               remember(status, body)
               break
            end
         end
      end
   elseif status >= 500 then
      counts.server_error = counts.server_error + 1
      remember(status, body)
   elseif status == 400 and body:find("Unable to find an invoice with the given invoice id", 1, true) then
      counts.not_found = counts.not_found + 1
   elseif status == 400 and body:find("Invoice status need to be draft to delete an invoice", 1, true) then
      counts.not_draft = counts.not_draft + 1
   elseif status == 400 and body:find("Invoice schedule is already cancelled", 1, true) then
      counts.already_cancelled = counts.already_cancelled + 1
   elseif status >= 400 then
      counts.other_4xx = counts.other_4xx + 1
      remember(status, body)
   else
      counts.other = counts.other + 1
      remember(status, body)
   end
end

function done(summary, latency, requests)
   report_done(summary, latency, requests)
   local total, first_sample = {}, ""
   for _, thread in ipairs(threads) do
      for key, value in pairs(thread:get("counts")) do
         total[key] = (total[key] or 0) + value
      end
      local thread_sample = thread:get("sample")
      if first_sample == "" and thread_sample then
         first_sample = thread_sample
      end
   end
   local fields = {}
   for key, value in pairs(total) do
      table.insert(fields, string.format('"%s":%d', key, value))
   end
   local escaped = first_sample:gsub("\\", "\\\\"):gsub('"', '\\"'):gsub("%c", " ")
   table.insert(fields, string.format('"sample":"%s"', escaped))
   io.write("SOAK_STATUS {" .. table.concat(fields, ",") .. "}\n")
end
