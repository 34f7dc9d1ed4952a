/// Parses JSON text strictly (RFC 8259).
///
/// Only space, tab, CR and LF count as whitespace; comments, trailing commas, `NaN`, `Infinity`, leading zeros,
/// a leading `+`, a UTF-8 byte order mark and invalid UTF-8 are all rejected. Any value may stand at the top level.
/// Numbers become `Double`s as in JavaScript, and a repeated object key keeps the last value at the first position.
/// Errors describe the first problem met reading left to right. `maxDepth` also bounds the parser's recursion.
public enum JSONParser {
    /// Parses UTF-8 bytes, allowing at most `maxDepth` nested arrays and objects.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = 256) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONValue in
            var parser = JSONByteParser(bytes: buffer, maxDepth: maxDepth)
            return try parser.parseDocument()
        }
    }

    /// Parses a string's UTF-8, allowing at most `maxDepth` nested arrays and objects.
    public static func parse(_ text: String, maxDepth: Int = 256) throws(JSONParseError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) -> JSONValue in
                var parser = JSONByteParser(bytes: buffer, maxDepth: maxDepth)
                return try parser.parseDocument()
            }
        }
        return try result.get()
    }
}
