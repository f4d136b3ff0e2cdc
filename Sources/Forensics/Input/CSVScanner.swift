import Foundation

/// A byte-level CSV reader (RFC 4180: quoted fields, doubled quotes, CRLF or LF) that hands out field
/// ranges instead of strings, so a 30 MB file is read without allocating a string per cell.
struct CSVScanner {
    /// One field's bytes and whether it was quoted (then `""` inside stands for `"`).
    struct Field {
        var range: Range<Int>
        var quoted: Bool
    }

    private let bytes: [UInt8]
    private let delimiter: UInt8
    private var position: Int
    /// Line number at which the next record starts (1-based).
    private(set) var line: Int = 1

    init(bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) {
        self.bytes = bytes
        self.delimiter = delimiter
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        position = bytes.starts(with: bom) ? 3 : 0
    }

    /// Reads the next record into `fields`; returns the line it started on, or nil at the end.
    /// Blank lines are skipped.
    mutating func nextRecord(into fields: inout [Field]) -> Int? {
        fields.removeAll(keepingCapacity: true)
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriage = UInt8(ascii: "\r")
        while position < bytes.count, bytes[position] == newline || bytes[position] == carriage {
            if bytes[position] == newline { line += 1 }
            position += 1
        }
        guard position < bytes.count else { return nil }
        let start = line
        return bytes.withUnsafeBufferPointer { buffer in
            var index = position
            while true {
                if index < buffer.count, buffer[index] == quote {
                    let fieldStart = index + 1
                    index += 1
                    while index < buffer.count {
                        if buffer[index] == quote {
                            if index + 1 < buffer.count, buffer[index + 1] == quote {
                                index += 2
                                continue
                            }
                            break
                        }
                        if buffer[index] == newline { line += 1 }
                        index += 1
                    }
                    fields.append(Field(range: fieldStart..<min(index, buffer.count), quoted: true))
                    index += 1
                    while index < buffer.count, buffer[index] != delimiter, buffer[index] != newline {
                        index += 1
                    }
                } else {
                    let fieldStart = index
                    while index < buffer.count, buffer[index] != delimiter, buffer[index] != newline {
                        index += 1
                    }
                    var fieldEnd = index
                    if fieldEnd > fieldStart, buffer[fieldEnd - 1] == carriage { fieldEnd -= 1 }
                    fields.append(Field(range: fieldStart..<fieldEnd, quoted: false))
                }
                if index < buffer.count, buffer[index] == delimiter {
                    index += 1
                    continue
                }
                if index < buffer.count { line += 1 }
                position = index + 1
                return start
            }
        }
    }

    /// The field as a string, with doubled quotes undone and surrounding spaces trimmed.
    func string(_ field: Field) -> String {
        var text = String(decoding: bytes[field.range], as: UTF8.self)
        if field.quoted { text = text.replacingOccurrences(of: "\"\"", with: "\"") }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The outcome of reading a count.
    enum Count: Equatable {
        case value(Int)
        case empty
        case notANumber
    }

    /// Parses a whole number: optional sign, digits, and an optional `.0…` tail (as written by tools
    /// that store counts as floating point). Anything else is not a number.
    func count(_ field: Field) -> Count {
        var index = field.range.lowerBound
        var end = field.range.upperBound
        let space = UInt8(ascii: " ")
        while index < end, bytes[index] == space { index += 1 }
        while end > index, bytes[end - 1] == space { end -= 1 }
        if index == end { return .empty }
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var value = 0
        var digits = 0
        while index < end, bytes[index] >= 48, bytes[index] <= 57 {
            let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times.addingReportingOverflow(Int(bytes[index] - 48))
            if overflowA || overflowB { return .notANumber }
            value = sum
            digits += 1
            index += 1
        }
        if digits == 0 { return .notANumber }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < end, bytes[index] == 48 { index += 1 }
        }
        if index != end { return .notANumber }
        return .value(negative ? -value : value)
    }

    /// The raw text of a field, for error messages.
    func raw(_ field: Field) -> String {
        String(decoding: bytes[field.range.prefix(40)], as: UTF8.self)
    }
}
