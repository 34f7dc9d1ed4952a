/// validator.js 13's `isFQDN` with the options `isEmail` passes: a top-level domain required, no underscores,
/// no trailing dot, no numeric top-level domain; read as UTF-16 code units like the JavaScript it mirrors.
enum DomainName {
    private static let dot: UInt16 = 0x2E
    private static let hyphen: UInt16 = 0x2D

    /// Whether `units` is a fully qualified domain name to validator.js.
    static func isValid(_ units: ArraySlice<UInt16>) -> Bool {
        let labels = units.split(separator: dot, omittingEmptySubsequences: false)
        guard labels.count >= 2, let topLevel = labels.last, isTopLevel(topLevel),
            !topLevel.contains(where: isJavaScriptWhitespace)
        else { return false }
        return labels.allSatisfy(isLabel)
    }

    /// JavaScript's `\s`.
    static func isJavaScriptWhitespace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }

    /// `^([a-z\u00A1-\u00A8\u00AA-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]{2,}|xn[a-z0-9-]{2,})$/i`.
    private static func isTopLevel(_ label: ArraySlice<UInt16>) -> Bool {
        guard label.count >= 2 else { return false }
        if label.allSatisfy(isTopLevelLetter) { return true }
        guard label.count >= 4, isLetter(label.first!, "x"), isLetter(label[label.startIndex + 1], "n") else {
            return false
        }
        return label.dropFirst(2).allSatisfy { isASCIILetterOrDigit($0) || $0 == hyphen }
    }

    private static func isTopLevelLetter(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x41...0x5A, 0x61...0x7A, 0xA1...0xA8, 0xAA...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFEF: true
        default: false
        }
    }

    /// At most 63 units of `[a-z_\u00a1-\uffff0-9-]`, no full-width ASCII, no hyphen at either end, no underscore.
    private static func isLabel(_ label: ArraySlice<UInt16>) -> Bool {
        guard !label.isEmpty, label.count <= 63, label.first != hyphen, label.last != hyphen
        else { return false }
        return label.allSatisfy { unit in
            isASCIILetterOrDigit(unit) || unit == hyphen || (unit >= 0xA1 && !(0xFF01...0xFF5E).contains(unit))
        }
    }

    private static func isASCIILetterOrDigit(_ unit: UInt16) -> Bool {
        (0x30...0x39).contains(unit) || (0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit)
    }

    private static func isLetter(_ unit: UInt16, _ lowercase: Unicode.Scalar) -> Bool {
        unit == UInt16(lowercase.value) || unit == UInt16(lowercase.value) - 0x20
    }
}
