/// class-validator's `@IsEmail()`: validator.js 13's `isEmail` with its default options (no display name, a UTF-8
/// local part allowed, a top-level domain required, no IP domain, 64-byte local part, 254-character address).
///
/// validator.js applies JavaScript regular expressions without the `u` flag, that is to UTF-16 code units, so
/// this reads the address as UTF-16 too.
enum EmailAddress {
    private static let atSign: UInt16 = 0x40
    private static let quote: UInt16 = 0x22
    private static let dot: UInt16 = 0x2E
    private static let backslash: UInt16 = 0x5C

    /// Whether validator.js accepts `text` as an email address.
    static func isValid(_ text: String) -> Bool {
        let units = Array(text.utf16)
        guard units.count <= 254 else { return false }
        let user: ArraySlice<UInt16>
        let domain: ArraySlice<UInt16>
        if let lastAt = units.lastIndex(of: atSign) {
            user = units[..<lastAt]
            domain = units[(lastAt + 1)...]
        } else {
            user = []
            domain = units[...]
        }
        guard utf8Count(user) <= 64, utf8Count(domain) <= 254, DomainName.isValid(domain) else { return false }
        if user.first == quote && user.last == quote {
            return isQuotedLocalPart(user.count > 1 ? user.dropFirst().dropLast() : [])
        }
        return user.split(separator: dot, omittingEmptySubsequences: false).allSatisfy { atom in
            !atom.isEmpty && atom.allSatisfy(isAtomUnit)
        }
    }

    private static func utf8Count(_ units: ArraySlice<UInt16>) -> Int {
        String(decoding: units, as: UTF16.self).utf8.count
    }

    /// validator.js's `emailUserUtf8Part`: letters, digits, ``!#$%&'*+-/=?^_`{|}~`` and most non-ASCII.
    private static func isAtomUnit(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0x21, 0x23...0x27, 0x2A, 0x2B, 0x2D, 0x2F, 0x3D, 0x3F, 0x5E...0x60, 0x7B...0x7E: true
        case 0x00A1...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFEF: true
        default: false
        }
    }

    /// validator.js's `quotedEmailUserUtf8`: printable characters and whitespace, `"` and `\` only escaped.
    private static func isQuotedLocalPart(_ units: ArraySlice<UInt16>) -> Bool {
        var index = units.startIndex
        while index < units.endIndex {
            let unit = units[index]
            if unit == backslash {
                index += 1
                guard index < units.endIndex, isEscapedUnit(units[index]) else { return false }
            } else if !isQuotedUnit(unit) {
                return false
            }
            index += 1
        }
        return true
    }

    private static func isQuotedUnit(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x01...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F, 0x21, 0x23...0x5B, 0x5D...0x7E: true
        case 0x00A0...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFEF: true
        default: DomainName.isJavaScriptWhitespace(unit)
        }
    }

    private static func isEscapedUnit(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x01...0x09, 0x0B...0x7F, 0x00A0...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFEF: true
        default: false
        }
    }
}
