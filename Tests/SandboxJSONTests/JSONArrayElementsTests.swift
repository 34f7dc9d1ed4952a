import SandboxJSON
import Testing

struct JSONArrayElementsTests {
    static func elements(_ text: String) throws -> [String] {
        let bytes = Array(text.utf8)
        return try JSONParser.arrayElementRanges(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func elementsOfEveryKindAreFoundWhole() throws {
        let text = #" [ {"a":[1,{"b":"]}"}]} , "x\"]," ,12.5e3,true ,null,[[]],{} ] "#
        #expect(
            try Self.elements(text) == [#"{"a":[1,{"b":"]}"}]}"#, #""x\"],""#, "12.5e3", "true", "null", "[[]]", "{}"])
    }

    @Test func anEmptyArrayHasNoElements() throws {
        #expect(try Self.elements(" [ ] ").isEmpty)
    }

    @Test func eachRangeParsesToTheSameElementAsTheWholeDocument() throws {
        let text = #"[{"_id":"a","n":1},{"_id":"b","items":[{"q":2}]}]"#
        let bytes = Array(text.utf8)
        let whole = try JSONParser.parse(bytes).arrayValue ?? []
        let parts = try JSONParser.arrayElementRanges(bytes).map { try JSONParser.parse(Array(bytes[$0])) }
        #expect(parts == whole)
    }

    @Test(arguments: [#"{"a":1}"#, "[1 2]", "[1,]", "[,1]", "[1", #"["x"#, "[1]]", "[1] x", "", "]"])
    func aBrokenArrayIsRefused(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.arrayElementRanges(Array(text.utf8)) }
    }
}
