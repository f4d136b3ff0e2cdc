import Foundation

extension ReferendumDefinition {
    /// Reads and checks a definition file.
    /// - Throws: `ReferendumError.definition` naming the file, line and field of the first problem.
    public static func load(contentsOf url: URL) throws -> ReferendumDefinition {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ReferendumError.definition(file: url.path, line: nil, field: "(file)", reason: "cannot read: \(error.localizedDescription)")
        }
        return try parse(text, file: url.lastPathComponent)
    }

    /// Parses and checks definition text; `file` names it in errors.
    public static func parse(_ text: String, file: String = "definition.yaml") throws -> ReferendumDefinition {
        let document = try YAMLDocument(text: text, file: file)
        let definition = try document.decode(ReferendumDefinition.self)
        if let problem = definition.problems().first {
            throw document.error(problem.path, problem.reason)
        }
        return definition
    }
}
