import Foundation

/// ISO 8601 timestamps with milliseconds, as HighLevel writes `createdAt` and `updatedAt`.
public enum Timestamp {
    /// The current time, e.g. `2023-12-12T09:27:42.355Z`.
    public static func now() -> String {
        format(Date())
    }

    /// A date in the same form.
    public static func format(_ date: Date) -> String {
        date.formatted(style)
    }

    private static var style: Date.ISO8601FormatStyle {
        .iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted)
    }
}
