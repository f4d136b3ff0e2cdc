import Foundation
import Yams

/// Decodes a YAML document into a `Decodable` type, turning decoding errors into messages that name the
/// file and the field (and the line where the YAML parser knows it).
enum YAMLLoading {
    /// Reads and decodes the YAML file at `path`.
    static func load<T: Decodable>(_ type: T.Type, path: String) throws -> T {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ForensicsError.unreadable(path: path, reason: error.localizedDescription)
        }
        return try decode(type, from: text, path: path)
    }

    /// Decodes YAML text; `path` is used only in messages.
    static func decode<T: Decodable>(_ type: T.Type, from text: String, path: String) throws -> T {
        do {
            return try YAMLDecoder().decode(type, from: text)
        } catch let error as DecodingError {
            throw ForensicsError.invalidYAML(path: path, field: field(of: error), reason: reason(of: error))
        } catch let error as YamlError {
            throw ForensicsError.invalidYAML(path: path, field: "syntax", reason: "\(error)")
        } catch {
            throw ForensicsError.invalidYAML(path: path, field: "document", reason: "\(error)")
        }
    }

    private static func field(of error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case let .keyNotFound(key, context):
            path = context.codingPath + [key]
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            path = context.codingPath
        @unknown default:
            path = []
        }
        if path.isEmpty { return "document" }
        return path.map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }
            .joined(separator: ".")
            .replacingOccurrences(of: ".[", with: "[")
    }

    private static func reason(of error: DecodingError) -> String {
        switch error {
        case .keyNotFound:
            return "required field is missing"
        case let .typeMismatch(type, context):
            return "expected \(type): \(context.debugDescription)"
        case let .valueNotFound(type, _):
            return "expected a value of type \(type)"
        case let .dataCorrupted(context):
            return context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}

extension ColumnProfile {
    /// Loads a profile from a YAML file.
    /// - Throws: `ForensicsError.unreadable` or `.invalidYAML` naming the field.
    public static func load(path: String) throws -> ColumnProfile {
        let profile = try YAMLLoading.load(ColumnProfile.self, path: path)
        try profile.validate(path: path)
        return profile
    }

    /// Decodes a profile from YAML text; `path` is used in messages.
    public static func decode(yaml: String, path: String = "<profile>") throws -> ColumnProfile {
        let profile = try YAMLLoading.decode(ColumnProfile.self, from: yaml, path: path)
        try profile.validate(path: path)
        return profile
    }

    func validate(path: String) throws {
        if options.isEmpty {
            throw ForensicsError.invalidYAML(path: path, field: "options", reason: "at least one option is needed")
        }
        if let leader, !options.contains(where: { $0.name == leader }) {
            throw ForensicsError.invalidYAML(
                path: path, field: "leader", reason: "'\(leader)' is not the name of an option")
        }
        if let delimiter = source.delimiter, delimiter.utf8.count != 1 {
            throw ForensicsError.invalidYAML(
                path: path, field: "source.delimiter", reason: "must be a single one-byte character")
        }
    }
}
