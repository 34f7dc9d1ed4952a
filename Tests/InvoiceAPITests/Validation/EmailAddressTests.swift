import Testing

@testable import InvoiceAPI

/// `@IsEmail()`'s verdicts; the expected values come from validator.js 13's own regular expressions run in Node.
struct EmailAddressTests {
    static let valid = [
        "alex@example.com", "a.b+c@sub.example.co", "\"john doe\"@example.com", "\"\"@example.com",
        "\"a\\\"b\"@example.com", "user@xn--bcher-kva.com", "jörg@bücher.de", "ALEX@EXAMPLE.COM", "o'brien@example.ie",
        "x@example.xn--p1ai", "\"a@b\"@example.com", "alex@😀.com", String(repeating: "a", count: 64) + "@example.com",
        "x@" + String(repeating: "a", count: 63) + ".com", String(repeating: "é", count: 32) + "@example.com",
        "x@" + Array(repeating: String(repeating: "a", count: 63), count: 3).joined(separator: ".") + "."
            + String(repeating: "a", count: 56) + ".com",
    ]

    static let invalid = [
        "\"a\"b\"@example.com", "alex@", "@example.com", "alex", "alex@example", "alex@example.c",
        "alex..b@example.com",
        ".alex@example.com", "alex.@example.com", "alex@-example.com", "alex@example-.com", "alex@exa_mple.com",
        "alex@example.123", "alex @example.com", "alex@exam ple.com", "alex@127.0.0.1", "alex@[127.0.0.1]",
        "a@b@example.com", "alex@example.com.", "alex@ex..ample.com", "alex@ｅxample.com", "alex@example.c0m",
        "😀@example.com", "alex@example.😀", "alex@example.com\u{A0}", "tab\t@example.com", "",
        String(repeating: "a", count: 65) + "@example.com", "x@" + String(repeating: "a", count: 64) + ".com",
        String(repeating: "é", count: 33) + "@example.com",
    ]

    @Test(arguments: valid)
    func validatorJSAcceptsTheAddress(_ address: String) {
        #expect(EmailAddress.isValid(address))
    }

    @Test(arguments: invalid)
    func validatorJSRefusesTheAddress(_ address: String) {
        #expect(!EmailAddress.isValid(address))
    }
}
