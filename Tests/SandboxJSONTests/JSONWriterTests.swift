import SandboxJSON
import Testing

@Suite("JSONWriter")
struct JSONWriterTests {
    @Test(
        "Numbers are written exactly as JavaScript's Number#toString writes them",
        arguments: [
            (0, "0"),
            (-0.0, "0"),
            (1, "1"),
            (-5, "-5"),
            (999, "999"),
            (399_342, "399342"),
            (0.1, "0.1"),
            (1.5, "1.5"),
            (376.29, "376.29"),
            (-376.29, "-376.29"),
            (100.5, "100.5"),
            (4.35, "4.35"),
            (0.07, "0.07"),
            (12_345_678.9, "12345678.9"),
            (1_000_000_000_000_000.5, "1000000000000000.5"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e21, "1e+21"),
            (-1e21, "-1e+21"),
            (1e-7, "1e-7"),
            (-1e-7, "-1e-7"),
            (1.5e-10, "1.5e-10"),
            (0.000001, "0.000001"),
            (0.0000015, "0.0000015"),
            (0.0001, "0.0001"),
            (123e-20, "1.23e-18"),
            (9_007_199_254_740_991, "9007199254740991"),
            (-9_007_199_254_740_991, "-9007199254740991"),
            (9_007_199_254_740_992, "9007199254740992"),
            (9_007_199_254_740_994, "9007199254740994"),
            (1e16, "10000000000000000"),
            (18_446_744_073_709_551_616, "18446744073709552000"),
            (1e20, "100000000000000000000"),
            (1.2345678901234568e20, "123456789012345680000"),
            (9.999999999999999e20, "999999999999999900000"),
            (1.2345e25, "1.2345e+25"),
            (1.5e300, "1.5e+300"),
            (.leastNonzeroMagnitude, "5e-324"),
            (.leastNormalMagnitude, "2.2250738585072014e-308"),
            (.greatestFiniteMagnitude, "1.7976931348623157e+308"),
            (-.greatestFiniteMagnitude, "-1.7976931348623157e+308"),
            (.nan, "null"),
            (.infinity, "null"),
            (-.infinity, "null"),
        ] as [(Double, String)]
    )
    func numbersAreWrittenLikeJavaScript(number: Double, expected: String) {
        var buffer: [UInt8] = []
        JSONWriter.writeNumber(number, into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == expected)
        #expect(JSONWriter.string(.number(number)) == expected)
    }

    @Test(
        "Strings are escaped exactly as JSON.stringify escapes them",
        arguments: [
            ("plain", #""plain""#),
            ("", #""""#),
            ("say \"hi\"", #""say \"hi\"""#),
            ("back\\slash", #""back\\slash""#),
            ("a/b</script>", #""a/b</script>""#),
            ("\u{8}\u{C}\n\r\t", #""\b\f\n\r\t""#),
            ("\u{0}", #""\u0000""#),
            ("a\u{1B}b", #""a\u001bb""#),
            ("\u{1F}", #""\u001f""#),
            ("\u{7F}", "\"\u{7F}\""),
            ("café — 😀", "\"café — 😀\""),
            ("\u{2028}\u{2029}", "\"\u{2028}\u{2029}\""),
            ("\u{FEFF}", "\"\u{FEFF}\""),
        ]
    )
    func stringsAreEscapedLikeJSONStringify(string: String, expected: String) {
        var buffer: [UInt8] = []
        JSONWriter.writeString(string, into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == expected)
        #expect(JSONWriter.string(.string(string)) == expected)
    }

    @Test("Every control character uses a short escape or a lowercase \\u00XX escape")
    func everyControlCharacterIsEscaped() {
        let short: [UInt8: String] = [0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r"]
        let hexDigits = Array("0123456789abcdef")
        for byte in UInt8(0)..<0x20 {
            let expected =
                short[byte] ?? "\\u00" + String([hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]])
            let string = String(Character(Unicode.Scalar(byte)))
            #expect(JSONWriter.string(.string(string)) == "\"" + expected + "\"")
        }
    }

    @Test("Values are written without whitespace and objects keep their stored order")
    func valuesAreWrittenCompactlyInStoredOrder() {
        var object: JSONObject = ["z": 1, "a": [true, false, nil], "m": ["": "empty key"]]
        object["b"] = 2.5
        object["z"] = "replaced"
        #expect(
            JSONWriter.string(.object(object))
                == #"{"z":"replaced","a":[true,false,null],"m":{"":"empty key"},"b":2.5}"#)
        #expect(JSONWriter.string([]) == "[]")
        #expect(JSONWriter.string([:]) == "{}")
        #expect(JSONWriter.string([[], [[]], [:]]) == "[[],[[]],{}]")
    }

    @Test("Keys are escaped like strings")
    func keysAreEscapedLikeStrings() {
        let value: JSONValue = ["a\"b\n": 1]
        #expect(JSONWriter.string(value) == #"{"a\"b\n":1}"#)
    }

    @Test("write appends to the existing buffer")
    func writeAppendsToTheExistingBuffer() {
        var buffer = Array("prefix:".utf8)
        JSONWriter.write(["a": 1], into: &buffer)
        JSONWriter.write(nil, into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == #"prefix:{"a":1}null"#)
        #expect(JSONWriter.bytes(true) == Array("true".utf8))
    }

    @Test("writeString and writeNumber append to the existing buffer")
    func writeStringAndWriteNumberAppend() {
        var buffer = Array("[".utf8)
        JSONWriter.writeString("a\"b", into: &buffer)
        buffer.append(UInt8(ascii: ","))
        JSONWriter.writeNumber(-1.5e-10, into: &buffer)
        buffer.append(UInt8(ascii: "]"))
        #expect(String(decoding: buffer, as: UTF8.self) == #"["a\"b",-1.5e-10]"#)
    }

    @Test("Output far larger than the initial buffer is written in full")
    func largeOutputIsWrittenInFull() throws {
        let quotes = String(repeating: "\"", count: 5000)
        #expect(JSONWriter.bytes(.string(quotes)).count == 10_002)
        var buffer: [UInt8] = []
        JSONWriter.writeString(quotes, into: &buffer)
        #expect(buffer.count == 10_002)
        let big = JSONValue.array((0..<2000).map { .string("item \($0) \u{1}") })
        let text = JSONWriter.string(big)
        #expect(try JSONParser.parse(text) == big)
    }

    @Test("Surrogate pairs are written as raw UTF-8 and read back from escapes")
    func surrogatePairsBothWays() throws {
        #expect(JSONWriter.bytes("😀") == [0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22])
        #expect(try JSONParser.parse(#""\uD83D\uDE00""#) == "😀")
        #expect(try JSONParser.parse(JSONWriter.bytes("𝄞 and 😀")) == "𝄞 and 😀")
    }
}
