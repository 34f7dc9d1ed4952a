import Testing

@testable import InvoiceAPI

/// HighLevel's YYYY-MM-DD rule: the shape and a real day of the Gregorian calendar.
struct CalendarDateTests {
    static let valid = [
        "2023-01-01", "2023-12-31", "2024-02-29", "2000-02-29", "0000-01-01", "9999-12-31", "2023-04-30",
    ]

    static let invalid = [
        "2023-02-29", "1900-02-29", "2023-02-30", "2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00", "2023-1-01",
        "23-01-01", "2023/01/01", "2023-01-01T00:00:00.000Z", " 2023-01-01", "2023-01-01 ", "２０２３-01-01",
        "2023-0a-01", "+023-01-01", "",
    ]

    @Test(arguments: valid)
    func aRealDayInTheRightShapeIsADate(_ text: String) {
        #expect(CalendarDate.isValid(text))
    }

    @Test(arguments: invalid)
    func anythingElseIsNot(_ text: String) {
        #expect(!CalendarDate.isValid(text))
    }
}
