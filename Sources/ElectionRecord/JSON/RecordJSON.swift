/// Reads and writes the record's JSON files: strict parsing with errors that name file, line and
/// field, and writing in egk's exact text form.
public enum RecordJSON {
    /// Decodes one of the record's JSON types from the bytes of `file`.
    /// - Parameter file: the file's path relative to the record's root, for messages.
    /// - Throws: `ElectionRecordError` (`malformedJSON`, `missingField`, `wrongType`, `invalidValue`).
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], file: String) throws(ElectionRecordError) -> T {
        let value = try JSONParser.parse(bytes, file: file)
        let decoder = JSONTreeDecoder(value: value, file: file, path: [])
        do {
            return try T(from: decoder)
        } catch let error as ElectionRecordError {
            throw error
        } catch let DecodingError.dataCorrupted(context) {
            throw .invalidValue(file: file, field: path(context.codingPath), problem: .violates(context.debugDescription))
        } catch {
            throw .invalidValue(file: file, field: "", problem: .violates(String(describing: error)))
        }
    }

    /// `value` in egk's text form (record-format.md §2.1), as UTF-8 bytes without a trailing newline.
    /// - Parameter explicitNulls: write nil optionals as `null` (egk's `manifest.json`) instead of
    ///   leaving them out (every other file).
    /// - Throws: `writeFailed` naming `file` when `value`'s own encoding throws (never for this module's types).
    public static func encode<T: Encodable>(_ value: T, explicitNulls: Bool = false, file: String = "") throws(ElectionRecordError) -> [UInt8] {
        do {
            return JSONWriter.write(try JSONTreeEncoder.encode(value, explicitNulls: explicitNulls))
        } catch {
            throw .writeFailed(file: file, reason: String(describing: error))
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        RecordField.path(codingPath.map { key in key.intValue.map { .index($0) } ?? .key(key.stringValue) })
    }
}
