-- GET of one URL with the headers given by -H (the sandbox, the ceiling and nginx; also the 401 run, which
-- leaves Authorization out). No request() or response() function, so wrk sends its prebuilt request as fast
-- as it can and the client costs as little CPU as possible.
dofile(debug.getinfo(1, "S").source:sub(2):match("^(.*/)") .. "report.lua")
