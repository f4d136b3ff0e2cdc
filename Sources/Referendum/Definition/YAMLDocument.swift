import Foundation
import Yams

/// A YAML file parsed into a node tree that remembers where each value came from, so that errors
/// can name the file, the line and the field.
struct YAMLDocument {
    let file: String
    let root: Node

    /// Parses `text`.
    /// - Throws: `ReferendumError.definition` with the line of a syntax error.
    init(text: String, file: String) throws {
        self.file = file
        do {
            guard let root = try Yams.compose(yaml: text) else {
                throw ReferendumError.definition(file: file, line: 1, field: "(document)", reason: "the file is empty")
            }
            self.root = root
        } catch let error as YamlError {
            throw ReferendumError.definition(file: file, line: Self.line(of: error), field: "(syntax)", reason: Self.problem(of: error))
        }
    }

    /// Decodes the document as `T`.
    /// - Throws: `ReferendumError.definition` naming the field and line of a missing or mistyped value.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try YAMLDecoder().decode(T.self, from: root)
        } catch let error as DecodingError {
            throw describe(error)
        }
    }

    /// Decodes the document as `T`, reading every mapping key as the text written, so that keys such
    /// as `yes`, `no` or `on` (booleans to a YAML 1.1 resolver) name options: the document goes through
    /// plain values (scalars as whole numbers when they are, else text) and JSON.
    func decodeWithLiteralKeys<T: Decodable>(_ type: T.Type) throws -> T {
        func plain(_ node: Node) -> Any {
            switch node {
            case .scalar(let scalar): Int(scalar.string).map { $0 as Any } ?? scalar.string
            case .mapping(let mapping): Dictionary(mapping.map { ($0.key.string ?? "", plain($0.value)) }, uniquingKeysWith: { first, _ in first })
            case .sequence(let sequence): sequence.map(plain)
            case .alias: NSNull()
            }
        }
        do {
            let data = try JSONSerialization.data(withJSONObject: plain(root), options: [.fragmentsAllowed])
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw ReferendumError.definition(file: file, line: 1, field: "(document)", reason: "not a document of plain values: \(error)")
        }
    }

    /// The line of the value at `path` (dotted field names and [index]), or of its closest parent.
    func line(at path: [String]) -> Int? {
        var node = root
        var best = root.mark?.line
        for component in path {
            if let index = Int(component), let sequence = node.sequence, sequence.indices.contains(index) {
                node = sequence[index]
            } else if node.mapping != nil, let value = node[component] {
                node = value
            } else {
                break
            }
            best = node.mark?.line ?? best
        }
        return best
    }

    /// An error about the value at `path`.
    func error(_ path: [String], _ reason: String) -> ReferendumError {
        .definition(file: file, line: line(at: path), field: Self.fieldName(path), reason: reason)
    }

    private func describe(_ error: DecodingError) -> ReferendumError {
        switch error {
        case .keyNotFound(let key, let context):
            let path = context.codingPath.map(Self.component)
            return .definition(file: file, line: line(at: path), field: Self.fieldName(path + [key.stringValue]),
                               reason: "missing")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let path = context.codingPath.map(Self.component)
            return .definition(file: file, line: line(at: path), field: Self.fieldName(path),
                               reason: "expected \(Self.typeName(type)): \(context.debugDescription)")
        case .dataCorrupted(let context):
            let path = context.codingPath.map(Self.component)
            return .definition(file: file, line: line(at: path), field: Self.fieldName(path), reason: context.debugDescription)
        @unknown default:
            return .definition(file: file, line: nil, field: "(document)", reason: String(describing: error))
        }
    }

    private static func component(_ key: any CodingKey) -> String {
        key.intValue.map(String.init) ?? key.stringValue
    }

    static func fieldName(_ path: [String]) -> String {
        var name = ""
        for component in path {
            if Int(component) != nil {
                name += "[\(component)]"
            } else {
                name += name.isEmpty ? component : ".\(component)"
            }
        }
        return name.isEmpty ? "(document)" : name
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is Date.Type: "a date and time like 2026-09-23T08:00:00+03:00"
        case is [Any].Type: "a list"
        default: String(describing: type)
        }
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        case .duplicatedKeysInMapping(_, let context): context.mark.line
        default: nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        case .duplicatedKeysInMapping(let duplicates, _): "duplicate keys \(duplicates.joined(separator: ", "))"
        default: String(describing: error)
        }
    }
}
