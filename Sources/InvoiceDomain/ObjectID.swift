import Foundation

/// MongoDB-style ObjectIds: 24 lowercase hex digits, the first 8 the creation time in seconds.
public enum ObjectID {
    /// A new id for `date`: its seconds, then 8 random bytes.
    public static func generate(at date: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(at: date, using: &generator)
    }

    /// A new id with the given random source (tests pass a seeded one).
    public static func generate(at date: Date, using generator: inout some RandomNumberGenerator) -> String {
        let seconds = UInt32(clamping: Int(date.timeIntervalSince1970))
        var bytes: [UInt8] = withUnsafeBytes(of: seconds.bigEndian) { Array($0) }
        for _ in 0..<8 {
            bytes.append(UInt8.random(in: 0...255, using: &generator))
        }
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(24)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether a string has the form of an ObjectId.
    public static func isValid(_ text: String) -> Bool {
        text.utf8.count == 24 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
