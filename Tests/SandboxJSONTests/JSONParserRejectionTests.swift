import SandboxJSON
import Testing

@Suite("JSONParser rejects")
struct JSONParserRejectionTests {
    typealias Reason = JSONParseError.Reason

    @Test(
        "Malformed text is rejected with its reason and byte offset",
        arguments: [
            // Nothing to parse.
            ("", .empty, 0),
            (" \t\r\n", .empty, 4),
            // Input ends early.
            ("[", .unexpectedEnd, 1),
            ("[1,", .unexpectedEnd, 3),
            ("[1 ", .unexpectedEnd, 3),
            ("{", .unexpectedEnd, 1),
            (#"{"a""#, .unexpectedEnd, 4),
            (#"{"a":"#, .unexpectedEnd, 5),
            (#"{"a":1"#, .unexpectedEnd, 6),
            (#"{"a":1,"#, .unexpectedEnd, 7),
            (#""abc"#, .unexpectedEnd, 4),
            ("tru", .unexpectedEnd, 3),
            ("nul", .unexpectedEnd, 3),
            (#""\"#, .unexpectedEnd, 2),
            (#""\u00"#, .unexpectedEnd, 5),
            (#""\uD800"#, .unexpectedEnd, 7),
            // Bytes the grammar does not allow.
            ("[1,]", .unexpectedByte(UInt8(ascii: "]")), 3),
            (#"{"a":1,}"#, .unexpectedByte(UInt8(ascii: "}")), 7),
            ("{,}", .unexpectedByte(UInt8(ascii: ",")), 1),
            ("[,1]", .unexpectedByte(UInt8(ascii: ",")), 1),
            (#"{"a" 1}"#, .unexpectedByte(UInt8(ascii: "1")), 5),
            ("{a:1}", .unexpectedByte(UInt8(ascii: "a")), 1),
            ("{1:1}", .unexpectedByte(UInt8(ascii: "1")), 1),
            ("[1 2]", .unexpectedByte(UInt8(ascii: "2")), 3),
            (#"{"a":1 "b":2}"#, .unexpectedByte(UInt8(ascii: "\"")), 7),
            ("[1}", .unexpectedByte(UInt8(ascii: "}")), 2),
            ("// comment\n1", .unexpectedByte(UInt8(ascii: "/")), 0),
            ("[1 /* c */]", .unexpectedByte(UInt8(ascii: "/")), 3),
            ("NaN", .unexpectedByte(UInt8(ascii: "N")), 0),
            ("Infinity", .unexpectedByte(UInt8(ascii: "I")), 0),
            ("+1", .unexpectedByte(UInt8(ascii: "+")), 0),
            (".5", .unexpectedByte(UInt8(ascii: ".")), 0),
            ("True", .unexpectedByte(UInt8(ascii: "T")), 0),
            ("trUe", .unexpectedByte(UInt8(ascii: "U")), 2),
            ("nulll", .trailingData, 4),
            ("'a'", .unexpectedByte(UInt8(ascii: "'")), 0),
            ("\u{0B}1", .unexpectedByte(0x0B), 0),
            ("\u{0C}1", .unexpectedByte(0x0C), 0),
            ("\u{A0}1", .unexpectedByte(0xC2), 0),
            ("\u{FEFF}{}", .unexpectedByte(0xEF), 0),
            ("[\u{FEFF}]", .unexpectedByte(0xEF), 1),
            // Numbers outside the grammar or the range of Double.
            ("-", .invalidNumber, 0),
            ("- 1", .invalidNumber, 0),
            ("-Infinity", .invalidNumber, 0),
            ("5.", .invalidNumber, 0),
            ("[5.]", .invalidNumber, 1),
            ("1.e5", .invalidNumber, 0),
            ("01", .invalidNumber, 0),
            ("-01", .invalidNumber, 0),
            ("[00]", .invalidNumber, 1),
            ("1e", .invalidNumber, 0),
            ("1e+", .invalidNumber, 0),
            ("1e-x", .invalidNumber, 0),
            ("1e400", .invalidNumber, 0),
            ("-1e400", .invalidNumber, 0),
            ("[0, 1.8e308]", .invalidNumber, 4),
            ("1" + String(repeating: "0", count: 400), .invalidNumber, 0),
            // Strings.
            (#""\x""#, .invalidEscape, 1),
            (#""ab\'""#, .invalidEscape, 3),
            (#""\U0041""#, .invalidEscape, 1),
            (#""\u12G4""#, .invalidUnicodeEscape, 1),
            (#""\u12""#, .invalidUnicodeEscape, 1),
            (#""\uD800""#, .invalidUnicodeEscape, 1),
            (#""\uDC00""#, .invalidUnicodeEscape, 1),
            (#""a\uDFFF\uD800""#, .invalidUnicodeEscape, 2),
            (#""\uD800\u0041""#, .invalidUnicodeEscape, 1),
            (#""\uD800\uD800""#, .invalidUnicodeEscape, 1),
            (#""\uD800\n""#, .invalidUnicodeEscape, 1),
            (#""\uD800x""#, .invalidUnicodeEscape, 1),
            (#""\uD83D\uDE0""#, .invalidUnicodeEscape, 7),
            ("\"a\tb\"", .controlCharacterInString, 2),
            ("\"a\nb\"", .controlCharacterInString, 2),
            ("\"\u{0}\"", .controlCharacterInString, 1),
            ("\"\u{1F}\"", .controlCharacterInString, 1),
            ("\"\\n\u{1}\"", .controlCharacterInString, 3),
            // Data after the value.
            ("1 2", .trailingData, 2),
            ("{} x", .trailingData, 3),
            ("[]]", .trailingData, 2),
            (#""a""b""#, .trailingData, 3),
            ("123abc", .trailingData, 3),
            ("0x10", .trailingData, 1),
        ] as [(String, Reason, Int)]
    )
    func malformedTextIsRejected(text: String, reason: Reason, offset: Int) {
        let expected = JSONParseError(reason: reason, offset: offset)
        #expect(parseFailure(text) == expected)
        #expect(parseFailure(Array(text.utf8)) == expected)
    }

    @Test(
        "Invalid UTF-8 is rejected at the first byte of the bad sequence",
        arguments: [
            ([0x22, 0xC3, 0x22], 1),  // lead byte without its continuation
            ([0x22, 0x80, 0x22], 1),  // stray continuation byte
            ([0x22, 0xBF, 0x22], 1),
            ([0x22, 0xC0, 0xAF, 0x22], 1),  // overlong "/"
            ([0x22, 0xC1, 0xBF, 0x22], 1),  // overlong U+007F
            ([0x22, 0xE0, 0x80, 0xAF, 0x22], 1),  // overlong 3-byte
            ([0x22, 0xE0, 0x9F, 0xBF, 0x22], 1),  // overlong U+07FF
            ([0x22, 0xF0, 0x80, 0x80, 0xAF, 0x22], 1),  // overlong 4-byte
            ([0x22, 0xF0, 0x8F, 0xBF, 0xBF, 0x22], 1),  // overlong U+FFFF
            ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),  // U+D800 encoded directly
            ([0x22, 0xED, 0xBF, 0xBF, 0x22], 1),  // U+DFFF encoded directly
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),  // beyond U+10FFFF
            ([0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], 1),
            ([0x22, 0xF8, 0x88, 0x80, 0x80, 0x80, 0x22], 1),
            ([0x22, 0xFE, 0x22], 1),
            ([0x22, 0xFF, 0x22], 1),
            ([0x22, 0xE2, 0x82, 0x22], 1),  // truncated before the closing quote
            ([0x22, 0xE2, 0x82], 1),  // truncated by the end of input
            ([0x22, 0xF0, 0x9F, 0x98], 1),
            ([0x22, 0xE2, 0x82, 0x41, 0x22], 1),  // bad third byte
            ([0x22, 0xF0, 0x9F, 0x98, 0x41, 0x22], 1),  // bad fourth byte
            ([0x22, 0x61, 0x62, 0xC3, 0x28, 0x22], 3),
            ([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], 2),  // in a key
            ([0x22, 0x5C, 0x6E, 0xFF, 0x22], 3),  // after an escape
            ([0xFF], 0),  // outside any string
            ([0x5B, 0x80, 0x5D], 1),
            ([0x5B, 0x31, 0xC0, 0x5D], 2),
            ([0x31, 0x20, 0xC0], 2),  // where trailing data would start
        ] as [([UInt8], Int)]
    )
    func invalidUTF8IsRejected(bytes: [UInt8], offset: Int) {
        #expect(parseFailure(bytes) == JSONParseError(reason: .invalidUTF8, offset: offset))
    }

    @Test("100,000 nested arrays are rejected as too deep without exhausting the stack")
    func deeplyNestedArraysAreRejected() {
        let text = String(repeating: "[", count: 100_000)
        #expect(parseFailure(text) == JSONParseError(reason: .tooDeep, offset: 256))
        #expect(parseFailure(Array(text.utf8)) == JSONParseError(reason: .tooDeep, offset: 256))
    }

    @Test("100,000 nested objects are rejected as too deep without exhausting the stack")
    func deeplyNestedObjectsAreRejected() {
        let text = String(repeating: #"{"a":"#, count: 100_000)
        #expect(parseFailure(text) == JSONParseError(reason: .tooDeep, offset: 256 * 5))
    }

    @Test(
        "Nesting one level past maxDepth is rejected at the opening bracket",
        arguments: [
            (String(repeating: "[", count: 257) + String(repeating: "]", count: 257), 256, 256),
            ("[{\"a\":[{}]}]", 3, 7),
            ("[[]]", 1, 1),
            ("[]", 0, 0),
            ("{}", 0, 0),
        ]
    )
    func nestingPastMaxDepthIsRejected(text: String, maxDepth: Int, offset: Int) {
        #expect(parseFailure(text, maxDepth: maxDepth) == JSONParseError(reason: .tooDeep, offset: offset))
    }

    @Test(
        "Error descriptions name the problem and the offset",
        arguments: [
            ("[1,]", "Unexpected token ']' in JSON at position 3"),
            ("", "Unexpected end of JSON input: no value at position 0"),
            ("[", "Unexpected end of JSON input at position 1"),
            ("\u{FEFF}1", "Unexpected byte 0xEF in JSON at position 0"),
            ("1 2", "Unexpected non-whitespace character after JSON at position 2"),
            ("01", "Invalid number in JSON at position 0"),
            (#""\q""#, "Bad escaped character in JSON at position 1"),
            (#""\uD800""#, "Bad Unicode escape in JSON at position 1"),
            ("\"\n\"", "Bad control character in string literal in JSON at position 1"),
            ("[[1]]", "JSON nested too deeply at position 1"),
        ]
    )
    func errorDescriptionsNameTheProblemAndOffset(text: String, description: String) {
        #expect(parseFailure(text, maxDepth: 1)?.description == description)
    }

    @Test("The invalid UTF-8 description names the offset")
    func invalidUTF8DescriptionNamesTheOffset() {
        #expect(parseFailure([0x22, 0xFF, 0x22])?.description == "Invalid UTF-8 in JSON at position 1")
    }
}
