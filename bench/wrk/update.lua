-- Helpers for put.lua and mix.lua: UpdateInvoiceDto bodies that differ from one request to the next.
local update = {}

-- The four draft invoices of location A in the shipped seed (PUT only edits draft and sent invoices).
update.drafts = {
   "6578278e879ad2646715ba9c", "6af34c8c91664e4e3ed780ca", "6af62209c6091e5157a92c3f", "6afb16d5080cabcb4680c017",
}
update.location = "6578278e879ad2646715ba9c"

local products = { "Audit", "Hosting - annual plan", "Logo design", "Consulting hour", "Domain renewal" }

-- Body number n: name "bench-<n>", 1-3 items with varying qty and amount, HST on every other item, a discount
-- on every fifth body.
function update.body(n)
   local items = {}
   for i = 1, n % 3 + 1 do
      local taxes = ""
      if (n + i) % 2 == 0 then
         taxes = '{"_id":"65a0c0ffee0000000000000b","name":"HST","rate":13}'
      end
      items[i] = string.format(
         '{"name":"%s","description":"line %d of bench-%d","currency":"USD","amount":%d.%02d,"qty":%d,"taxes":[%s]}',
         products[(n + i) % #products + 1], i, n, 10 + (n * 7 + i * 13) % 990, (n + i) % 100, 1 + (n + i) % 5, taxes)
   end
   local discount = ""
   if n % 5 == 0 then
      discount = '"discount":{"type":"percentage","value":5},'
   end
   return string.format(
      '{"altId":"%s","altType":"location","name":"bench-%d","title":"INVOICE","currency":"USD",' ..
      '"issueDate":"2024-02-01","dueDate":"2024-02-29",%s"invoiceItems":[%s]}',
      update.location, n, discount, table.concat(items, ","))
end

-- A prebuilt PUT of body n to one of the drafts, with the -H headers (Authorization, Version) and a JSON
-- Content-Type; wrk.format adds Host and Content-Length.
function update.put(n)
   local id = update.drafts[n % #update.drafts + 1]
   local headers = { ["Content-Type"] = "application/json" }
   for name, value in pairs(wrk.headers) do
      headers[name] = value
   end
   return wrk.format("PUT", "/invoices/" .. id, headers, update.body(n))
end

-- A prebuilt GET of one of the drafts, with the -H headers.
function update.get(n)
   local id = update.drafts[n % #update.drafts + 1]
   return wrk.format("GET", "/invoices/" .. id .. "?altId=" .. update.location .. "&altType=location")
end

-- Installs wrk's setup, init and request so that each thread replays 1,000 requests built up front by
-- build(n, i) (n numbers the request across threads, i within the thread): request() then costs the
-- client next to nothing.
function update.replay(build)
   local threads = 0
   function setup(thread)
      thread:set("thread_number", threads)
      threads = threads + 1
   end

   local pool, cursor = {}, 0
   function init(args)
      local size = 1000
      for i = 1, size do
         pool[i] = build((thread_number or 0) * size + i - 1, i)
      end
   end

   function request()
      cursor = cursor % #pool + 1
      return pool[cursor]
   end
end

return update
