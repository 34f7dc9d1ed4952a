import Foundation
import Synchronization

/// MongoDB-style ObjectIds: 24 lowercase hex digits, built as MongoDB builds them.
///
/// 4 bytes of creation time in seconds, 5 random bytes chosen once per process, and a 3-byte counter that
/// starts at a random value: unique within the process without a system call per id.
public enum ObjectID {
    private static let processBytes: [UInt8] = (0..<5).map { _ in UInt8.random(in: 0...255) }
    private static let counter = Atomic<UInt32>(UInt32.random(in: 0...0xFF_FFFF))

    /// A new id for `date`.
    public static func generate(at date: Date = Date()) -> String {
        let seconds = UInt32(clamping: Int(date.timeIntervalSince1970))
        let count = counter.wrappingAdd(1, ordering: .relaxed).newValue & 0xFF_FFFF
        var bytes: [UInt8] = [
            UInt8(truncatingIfNeeded: seconds >> 24), UInt8(truncatingIfNeeded: seconds >> 16),
            UInt8(truncatingIfNeeded: seconds >> 8), UInt8(truncatingIfNeeded: seconds),
        ]
        bytes += processBytes
        bytes += [
            UInt8(truncatingIfNeeded: count >> 16), UInt8(truncatingIfNeeded: count >> 8),
            UInt8(truncatingIfNeeded: count),
        ]
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
