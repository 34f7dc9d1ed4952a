import Foundation
import SandboxHTTP
import Synchronization

/// The last requests to HighLevel routes, newest last, in a ring of fixed capacity.
///
/// Tokens are masked before an entry is stored, so the journal never holds a secret; bodies are kept up to
/// `maxBodyBytes` so a full ring stays within a known size.
public final class RequestJournal: Sendable {
    /// One recorded request and what it got.
    public struct Entry: Sendable {
        /// Increases by one per recorded request, from 1.
        public var sequence: UInt64
        /// When the request arrived.
        public var time: Date
        /// The method.
        public var method: String
        /// The path, percent-decoded.
        public var path: String
        /// The query pairs, decoded.
        public var query: [QueryItem]
        /// The header fields, credentials masked.
        public var headers: [HTTPHeaders.Field]
        /// The body, at most `maxBodyBytes` of it.
        public var body: [UInt8]
        /// Whether `body` was cut at `maxBodyBytes`.
        public var bodyTruncated: Bool
        /// The location the request names (`altId` in the query or the JSON body), if any.
        public var locationId: String?
        /// The status sent; nil when the connection was closed without an answer.
        public var status: Int?
        /// From arrival until the answer left (an injected delay included).
        public var duration: Duration
        /// The fault rule that answered or delayed it, if any.
        public var faultId: String?

        /// Creates an entry; `sequence` is assigned when it is recorded.
        public init(
            sequence: UInt64 = 0, time: Date, method: String, path: String, query: [QueryItem],
            headers: [HTTPHeaders.Field], body: [UInt8], bodyTruncated: Bool, locationId: String?, status: Int?,
            duration: Duration, faultId: String?
        ) {
            self.sequence = sequence
            self.time = time
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.body = body
            self.bodyTruncated = bodyTruncated
            self.locationId = locationId
            self.status = status
            self.duration = duration
            self.faultId = faultId
        }
    }

    /// What `entries(matching:)` keeps.
    public struct Filter: Sendable {
        /// Only this method (case-insensitive).
        public var method: String?
        /// Only paths starting with this.
        public var pathPrefix: String?
        /// Only requests naming this location.
        public var locationId: String?
        /// Only this status, or this class when `statusClass` is set (4 for 4xx).
        public var status: Int?
        /// Only this status class: 2 for 2xx, …
        public var statusClass: Int?
        /// Only requests that arrived at or after this time.
        public var since: Date?
        /// Only the newest this many (after the other filters).
        public var limit: Int?

        /// Keeps everything.
        public init() {}

        func matches(_ entry: Entry) -> Bool {
            if let method, entry.method.uppercased() != method.uppercased() { return false }
            if let pathPrefix, !entry.path.hasPrefix(pathPrefix) { return false }
            if let locationId, entry.locationId != locationId { return false }
            if let status, entry.status != status { return false }
            if let statusClass, (entry.status ?? 0) / 100 != statusClass { return false }
            if let since, entry.time < since { return false }
            return true
        }
    }

    /// Bodies longer than this are cut, so a full ring's size is bounded.
    public static let maxBodyBytes = 64 << 10

    private struct Ring {
        var entries: [Entry] = []
        var next = 0
        var sequence: UInt64 = 0
        var evicted = 0
    }

    /// How many entries it keeps; 0 keeps none.
    public let capacity: Int
    private let ring = Mutex(Ring())

    /// Creates an empty journal.
    public init(capacity: Int = 10_000) {
        self.capacity = max(0, capacity)
    }

    /// Stores an entry (its sequence is assigned here), evicting the oldest when full.
    public func record(_ entry: consuming Entry) {
        guard capacity > 0 else { return }
        // Moved, not copied, into the ring: an entry holds several arrays.
        var pending: Entry? = consume entry
        ring.withLock { ring in
            guard var entry = pending.take() else { return }
            ring.sequence += 1
            entry.sequence = ring.sequence
            if ring.entries.count < capacity {
                ring.entries.append(entry)
            } else {
                ring.entries[ring.next] = entry
                ring.next = (ring.next + 1) % capacity
                ring.evicted += 1
            }
        }
    }

    /// The matching entries, oldest first.
    public func entries(matching filter: Filter = Filter()) -> [Entry] {
        let ordered = ring.withLock { ring in
            Array(ring.entries[ring.next...]) + Array(ring.entries[..<ring.next])
        }
        let matching = ordered.filter(filter.matches)
        guard let limit = filter.limit, matching.count > limit else { return matching }
        return Array(matching.suffix(limit))
    }

    /// Removes the entries naming a location (nil: every entry); returns how many.
    @discardableResult
    public func clear(locationId: String? = nil) -> Int {
        ring.withLock { ring in
            let ordered = Array(ring.entries[ring.next...]) + Array(ring.entries[..<ring.next])
            let kept = locationId.map { location in ordered.filter { $0.locationId != location } } ?? []
            let removed = ordered.count - kept.count
            ring.entries = kept
            ring.next = 0
            if locationId == nil { ring.evicted = 0 }
            return removed
        }
    }

    /// How many entries it holds and how many were pushed out since the last full clear.
    public var counts: (held: Int, evicted: Int) {
        ring.withLock { ($0.entries.count, $0.evicted) }
    }

    /// Header fields with credentials masked: `Authorization` keeps its scheme and the token's last 4
    /// characters, control tokens and cookies keep nothing. Runs on every HighLevel request, so it compares
    /// names byte by byte and allocates only for the fields it masks.
    public static func masked(_ headers: HTTPHeaders) -> [HTTPHeaders.Field] {
        var fields = headers.fields
        for index in fields.indices {
            let name = fields[index].name.utf8
            if credentialHeaders.contains(where: { equalsIgnoringASCIICase(name, $0) }) {
                fields[index].value = maskedCredentials(fields[index].value)
            } else if secretHeaders.contains(where: { equalsIgnoringASCIICase(name, $0) }) {
                fields[index].value = "****"
            }
        }
        return fields
    }

    /// Fields whose value is `scheme credentials`: the credentials keep their last 4 characters.
    private static let credentialHeaders = ["authorization", "proxy-authorization"].map { Array($0.utf8) }
    /// Fields whose whole value is a secret.
    private static let secretHeaders = [ControlAccess.tokenHeader.lowercased(), "cookie", "x-api-key"].map {
        Array($0.utf8)
    }

    /// `Bearer pit-abcd1234` → `Bearer ****1234`; a secret of 4 characters or fewer is masked whole.
    static func maskedCredentials(_ value: String) -> String {
        let bytes = Array(value.utf8)
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        var output: [UInt8] = []
        output.reserveCapacity(24)
        if let space = bytes[start..<end].firstIndex(where: isSpace) {
            output += bytes[start..<space]
            output.append(0x20)
            start = space
            while start < end, isSpace(bytes[start]) { start += 1 }
        }
        output += Array("****".utf8)
        // The last 4 characters: back over 4 scalar starts (UTF-8 continuation bytes are 10xxxxxx).
        var keep = end
        var characters = 0
        while keep > start, characters < 5 {
            keep -= 1
            if bytes[keep] & 0xC0 != 0x80 { characters += 1 }
        }
        if characters == 5 {
            // More than 4 characters: keep the 4 after the fifth-last scalar's start.
            keep += 1
            while keep < end, bytes[keep] & 0xC0 == 0x80 { keep += 1 }
            output += bytes[keep..<end]
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func equalsIgnoringASCIICase(_ name: String.UTF8View, _ lowercased: [UInt8]) -> Bool {
        guard name.count == lowercased.count else { return false }
        return zip(name, lowercased).allSatisfy { byte, expected in
            ((0x41...0x5A).contains(byte) ? byte + 0x20 : byte) == expected
        }
    }
}
