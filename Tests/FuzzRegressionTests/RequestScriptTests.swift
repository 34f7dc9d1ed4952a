import SandboxHTTP
import Testing

@testable import SandboxFuzzing

@Suite("Request scripts of A inputs")
struct RequestScriptTests {
    @Test("Requests split on %% lines, with their headers and bodies")
    func scriptsAreSplitIntoRequests() {
        let script =
            "PUT /invoices/1 HTTP/1.1\r\nVersion:  2021-07-28 \r\nContent-Type: application/json\r\n\r\n{\"a\":1}"
            + "\n%%\nDELETE /invoices/1?altId=x\nAuthorization: Bearer t\n"
        let requests = RequestScript.requests(Array(script.utf8)[...])
        #expect(requests.map(\.method) == [.put, .delete])
        #expect(requests.map(\.target) == ["/invoices/1", "/invoices/1?altId=x"])
        #expect(requests[0].headers["version"] == "2021-07-28")
        #expect(requests[0].body == Array("{\"a\":1}".utf8))
        #expect(requests[1].headers["Authorization"] == "Bearer t")
        #expect(requests[1].body.isEmpty)
    }

    @Test("A request with a method the transport does not know is skipped")
    func unknownMethodsAreSkipped() {
        #expect(RequestScript.requests(Array("BREW /pot\n\n".utf8)[...]).isEmpty)
    }

    @Test("The first byte picks the mode, whatever it is")
    func everyByteSelectsAMode() {
        #expect(FuzzMode(selector: UInt8(ascii: "R")) == .rawHTTP)
        #expect(FuzzMode(selector: UInt8(ascii: "B")) == .requestBody)
        #expect(Set((0...255).map { FuzzMode(selector: UInt8($0)) }) == Set(FuzzMode.allCases))
    }
}
