import SandboxJSON
import Testing

@Suite("JSONParser accepts")
struct JSONParserTests {
    @Test(
        "Valid documents parse to the expected value",
        arguments: [
            ("null", nil),
            ("true", true),
            ("false", false),
            ("0", 0),
            ("-1", -1),
            ("1.5", 1.5),
            ("\"\"", ""),
            ("\"a b\"", "a b"),
            ("[]", []),
            ("{}", [:]),
            (" \t\r\n[ 1 , \"x\" , [ ] , { } ] \n", [1, "x", [], [:]]),
            (#"{"a" : [true,false,null], "b":{"c":-2.5e1}}"#, ["a": [true, false, nil], "b": ["c": -25]]),
            (#"[[[[["deep"]]]]]"#, [[[[["deep"]]]]]),
            (#"{"":0}"#, ["": 0]),
        ] as [(String, JSONValue)]
    )
    func validDocumentsParse(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(text) == expected)
        #expect(try JSONParser.parse(Array(text.utf8)) == expected)
    }

    @Test(
        "Compact canonical text survives a parse and write round trip byte for byte",
        arguments: [
            "null", "true", "0", "-1", "\"x\"", "[]", "{}",
            #"{"b":1,"a":[true,false,null],"c":{"z":"y","x":-1.5}}"#,
            #"["\u001f\"\\\n\t\b\f\r","é€😀/","\u0000"]"#,
            "[0.1,1e+21,1e-7,-0.000001,123456789,9007199254740992,5e-324,1.7976931348623157e+308]",
            #"{"items":[{"id":1,"tags":[]},{"id":2,"tags":["a"]}],"total":376.29}"#,
            invoiceFixture,
        ]
    )
    func canonicalTextRoundTrips(text: String) throws {
        let value = try JSONParser.parse(text)
        #expect(JSONWriter.string(value) == text)
        #expect(JSONWriter.bytes(value) == Array(text.utf8))
    }

    @Test("A written value parses back to an equal value")
    func writtenValueParsesBack() throws {
        let value: JSONValue = [
            "text": "line\nbreak \"quoted\" \\ tab\t bell\u{7} nul\u{0} é 😀 \u{2028}",
            "numbers": [0, -0.0, 1.5, -1e-7, 1e21, 0.1, 123e-20, 9_007_199_254_740_993],
            "nested": ["empty": [:], "list": [[], [nil]]],
        ]
        #expect(try JSONParser.parse(JSONWriter.bytes(value)) == value)
        #expect(try JSONParser.parse(JSONWriter.string(value)) == value)
    }

    @Test("The invoice fixture keeps its member order and values")
    func invoiceFixtureKeepsOrderAndValues() throws {
        let invoice = try JSONParser.parse(invoiceFixture)
        let keys = try #require(invoice.objectValue?.keys)
        #expect(keys.prefix(4) == ["_id", "status", "liveMode", "amountPaid"])
        #expect(keys.last == "meta")
        #expect(invoice["invoiceItems"]?[0]?["amount"] == 376.29)
        #expect(invoice["invoiceItems"]?[0]?["name"] == "Plumbing \"deluxe\" service")
        #expect(invoice["invoiceItems"]?[0]?["description"] == "Line 1\nLine 2 — café 🚿")
        #expect(invoice["totalSummary"]?["tax"] == 0.000001)
        #expect(invoice["meta"] == .null)
    }

    @Test("Object member order is kept as written")
    func objectMemberOrderIsKept() throws {
        let value = try JSONParser.parse(#"{"z":1,"a":2,"m":3,"b":4}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m", "b"])
    }

    @Test(
        "Duplicate keys keep the last value at the first key's position",
        arguments: [
            (#"{"a":1,"b":2,"a":3}"#, #"{"a":3,"b":2}"#),
            (#"{"a":1,"a":2,"a":3}"#, #"{"a":3}"#),
            (#"{"x":{"a":1},"x":[2]}"#, #"{"x":[2]}"#),
        ]
    )
    func duplicateKeysKeepLastValueAtFirstPosition(text: String, expected: String) throws {
        #expect(try JSONWriter.string(JSONParser.parse(text)) == expected)
    }

    @Test("Duplicate keys in a large object keep the last value at the first position")
    func duplicateKeysInALargeObject() throws {
        let members = (0..<30).map { "\"k\($0)\":\($0)" } + [#""k2":"two""#, #""k20":"twenty""#]
        let object = try #require(JSONParser.parse("{" + members.joined(separator: ",") + "}").objectValue)
        #expect(object.count == 30)
        #expect(object.keys == (0..<30).map { "k\($0)" })
        #expect(object["k2"] == "two")
        #expect(object["k20"] == "twenty")
    }

    @Test("Duplicate keys in a very large object keep the last value at the first position")
    func duplicateKeysInAVeryLargeObject() throws {
        let members = (0..<100).map { "\"k\($0)\":\($0)" } + [#""k7":"seven""#, #""k70":"seventy""#, #""k100":100"#]
        let object = try #require(JSONParser.parse("{" + members.joined(separator: ",") + "}").objectValue)
        #expect(object.count == 101)
        #expect(object.keys == (0...100).map { "k\($0)" })
        #expect(object["k7"] == "seven")
        #expect(object["k70"] == "seventy")
        #expect(object["k99"] == 99)
    }

    @Test(
        "Keys that differ only in the middle or only by escaping are told apart correctly",
        arguments: [
            (
                #"{"abcdefgh_X_abcdefgh":1,"abcdefgh_Y_abcdefgh":2}"#,
                #"{"abcdefgh_X_abcdefgh":1,"abcdefgh_Y_abcdefgh":2}"#
            ),
            (#"{"abcdefgh":1,"abcdefgi":2,"bbcdefgh":3}"#, #"{"abcdefgh":1,"abcdefgi":2,"bbcdefgh":3}"#),
            (#"{"a":1,"\u0061":2}"#, #"{"a":2}"#),
            (#"{"line\nbreak":1,"line\u000abreak":2}"#, #"{"line\nbreak":2}"#),
            (#"{"é":1,"\u00e9":2,"e":3}"#, #"{"é":2,"e":3}"#),
            (#"{"":1,"\u0000":2,"":3}"#, #"{"":3,"\u0000":2}"#),
        ]
    )
    func keysAreToldApartCorrectly(text: String, expected: String) throws {
        #expect(try JSONWriter.string(JSONParser.parse(text)) == expected)
    }

    @Test("Special bytes are found at every position of the eight-byte fast scan", arguments: 0..<24)
    func specialBytesAreFoundAtEveryPosition(position: Int) throws {
        let prefix = String(repeating: "a", count: position)
        let suffix = String(repeating: "b", count: 23 - position)
        for special in ["\"", "\\", "\n", "\u{1}", "é", "😀", "/"] {
            let string = prefix + special + suffix
            let written = JSONWriter.string(.string(string))
            #expect(try JSONParser.parse(written) == .string(string))
        }
        let raw = "\"" + prefix + "\u{1}" + suffix + "\""
        #expect(parseFailure(raw) == JSONParseError(reason: .controlCharacterInString, offset: position + 1))
        let unterminated = "\"" + prefix + suffix
        #expect(parseFailure(unterminated) == JSONParseError(reason: .unexpectedEnd, offset: 24))
        var invalid = Array(("\"" + prefix + "x" + suffix + "\"").utf8)
        invalid[position + 1] = 0xFF
        #expect(parseFailure(invalid) == JSONParseError(reason: .invalidUTF8, offset: position + 1))
    }

    @Test(
        "Escapes decode to the characters they name",
        arguments: [
            (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{C}\n\r\t"),
            (#""\u0041\u00e9\u20AC\u20ac""#, "Aé€€"),
            (#""a\u0000b""#, "a\u{0}b"),
            (#""\uD83D\uDE00""#, "😀"),
            (#""\ud83d\ude00""#, "😀"),
            (#""x\uD834\uDD1Ey""#, "x𝄞y"),
            (#""\uDBFF\uDFFF""#, "\u{10FFFF}"),
            (#""\uFFFF\uE000""#, "\u{FFFF}\u{E000}"),
            (#""é\n😀 raw then escaped \u00e9""#, "é\n😀 raw then escaped é"),
            (#""prefix \\ suffix""#, "prefix \\ suffix"),
        ]
    )
    func escapesDecode(text: String, expected: String) throws {
        #expect(try JSONParser.parse(text) == .string(expected))
    }

    @Test(
        "Well-formed UTF-8 of every sequence length is accepted",
        arguments: [
            [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80],
            [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF3, 0xBF, 0xBF, 0xBF],
        ] as [[UInt8]]
    )
    func wellFormedUTF8IsAccepted(sequence: [UInt8]) throws {
        let quote = UInt8(ascii: "\"")
        let value = try JSONParser.parse([quote] + sequence + [quote])
        #expect(value.stringValue.map { Array($0.utf8) } == sequence)
        let escaped = try JSONParser.parse([quote, UInt8(ascii: "\\"), UInt8(ascii: "n")] + sequence + [quote])
        #expect(escaped.stringValue.map { Array($0.utf8) } == [0x0A] + sequence)
    }

    @Test(
        "Numbers parse to the nearest Double",
        arguments: [
            ("0", 0),
            ("1", 1),
            ("-5", -5),
            ("1.5", 1.5),
            ("376.29", 376.29),
            ("0.1", 0.1),
            ("1e2", 100),
            ("1E2", 100),
            ("1e+2", 100),
            ("1e-2", 0.01),
            ("123e-20", 123e-20),
            ("1e21", 1e21),
            ("1e-7", 1e-7),
            ("0.30000000000000004", 0.30000000000000004),
            ("9007199254740993", 9_007_199_254_740_992),
            ("18446744073709551616", 18_446_744_073_709_551_616),
            ("12345678901234567890123", 1.2345678901234568e22),
            ("0.000000000000000000000000000001", 1e-30),
            ("1.7976931348623157e308", .greatestFiniteMagnitude),
            ("2.2250738585072014e-308", .leastNormalMagnitude),
            ("5e-324", .leastNonzeroMagnitude),
            ("1e-400", 0),
            ("0e400", 0),
            ("1.00000000000000011102230246251565404236316680908203126", 1.0000000000000002),
            ("1.00000000000000011102230246251565404236316680908203125", 1),
        ] as [(String, Double)]
    )
    func numbersParseToTheNearestDouble(text: String, expected: Double) throws {
        let value = try #require(JSONParser.parse(text).numberValue)
        #expect(value.bitPattern == expected.bitPattern)
    }

    @Test("Negative zero keeps its sign", arguments: ["-0", "-0.0", "-0e5", "-1e-400"])
    func negativeZeroKeepsItsSign(text: String) throws {
        let value = try #require(JSONParser.parse(text).numberValue)
        #expect(value == 0)
        #expect(value.sign == .minus)
    }

    @Test("Nesting up to maxDepth is accepted")
    func nestingUpToMaxDepthIsAccepted() throws {
        let text = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        let value = try JSONParser.parse(text)
        #expect(JSONWriter.string(value) == text)
        let objects = String(repeating: #"{"a":"#, count: 256) + "1" + String(repeating: "}", count: 256)
        #expect(try JSONWriter.string(JSONParser.parse(objects)) == objects)
        #expect(try JSONParser.parse("[[]]", maxDepth: 2) == [[]])
        #expect(try JSONParser.parse("1", maxDepth: 0) == 1)
    }
}
