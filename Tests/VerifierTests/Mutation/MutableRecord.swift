import Foundation

/// A working copy of a record that mutations edit and then put back, file by file.
final class MutableRecord {
    let root: String
    private var originals = [String: Data?]()

    init(copying path: String) throws {
        root = try Records.copy(path)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func url(_ file: String) -> URL { URL(fileURLWithPath: root + "/" + file) }

    func exists(_ file: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + file) }

    func data(_ file: String) throws -> Data { try Data(contentsOf: url(file)) }

    func text(_ file: String) throws -> String { String(decoding: try data(file), as: UTF8.self) }

    /// Every file under `directory`, relative to the root, sorted.
    func files(under directory: String = "") -> [String] {
        let base = directory.isEmpty ? root : root + "/" + directory
        var files = [String]()
        let enumerator = FileManager.default.enumerator(atPath: base)
        while let file = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + file, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(directory.isEmpty ? file : directory + "/" + file)
            }
        }
        return files.sorted()
    }

    /// Replaces `file` (nil deletes it), remembering the original once.
    func write(_ file: String, _ data: Data?) throws {
        if originals[file] == nil { originals[file] = exists(file) ? .some(try self.data(file)) : .some(nil) }
        if let data {
            try FileManager.default.createDirectory(at: url(file).deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url(file))
        } else {
            try FileManager.default.removeItem(at: url(file))
        }
    }

    /// Edits `file`'s JSON as Foundation objects.
    func editJSON(_ file: String, _ change: (inout Any) throws -> Void) throws {
        var object = try JSONSerialization.jsonObject(with: try data(file), options: [.mutableContainers, .fragmentsAllowed])
        try change(&object)
        try write(file, try JSONSerialization.data(withJSONObject: object, options: [.fragmentsAllowed]))
    }

    /// Edits `file` as lines (a CSV), keeping its trailing newline.
    func editLines(_ file: String, _ change: (inout [String]) throws -> Void) throws {
        var lines = try text(file).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        try change(&lines)
        try write(file, Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Makes the files as they are now the state `restore` returns to.
    func keep() { originals = [:] }

    /// Puts back every file changed since the last restore.
    func restore() throws {
        for (file, original) in originals {
            if let original {
                try original.write(to: url(file))
            } else if exists(file) {
                try FileManager.default.removeItem(at: url(file))
            }
        }
        originals = [:]
    }
}

/// A place in a JSON document and what is there.
struct JSONLeaf {
    enum Kind { case hex, integer, other }

    let path: [JSONPathComponent]
    let kind: Kind
    let value: Any

    /// `contests[0].selections[1].encrypted_vote.pad`.
    var text: String {
        var out = ""
        for component in path {
            switch component {
            case .key(let key): out += out.isEmpty ? key : "." + key
            case .index(let index): out += "[\(index)]"
            }
        }
        return out
    }

    /// Every leaf of `object`.
    static func leaves(of object: Any, at path: [JSONPathComponent] = []) -> [JSONLeaf] {
        if let dictionary = object as? [String: Any] {
            return dictionary.keys.sorted().flatMap { leaves(of: dictionary[$0]!, at: path + [.key($0)]) }
        }
        if let array = object as? [Any] {
            return array.enumerated().flatMap { leaves(of: $1, at: path + [.index($0)]) }
        }
        if let string = object as? String, string.count >= 32, string.allSatisfy(\.isHexDigit) {
            return [JSONLeaf(path: path, kind: .hex, value: string)]
        }
        let booleans: Set<String> = ["chaining", "is_preencrypt", "chain_confirmation_codes"]
        if case .key(let key)? = path.last, booleans.contains(key) { return [JSONLeaf(path: path, kind: .other, value: object)] }
        if let number = object as? NSNumber {
            let double = number.doubleValue
            return [JSONLeaf(path: path, kind: double.rounded() == double ? .integer : .other, value: double.rounded() == double ? number.intValue : double)]
        }
        return [JSONLeaf(path: path, kind: .other, value: object)]
    }
}

enum JSONPathComponent: Hashable {
    case key(String)
    case index(Int)
}

/// Sets the value at `path` inside Foundation JSON objects.
func setJSON(_ object: inout Any, at path: ArraySlice<JSONPathComponent>, to value: Any) {
    guard let first = path.first else {
        object = value
        return
    }
    switch first {
    case .key(let key):
        var dictionary = object as! [String: Any]
        var child = dictionary[key] ?? NSNull()
        setJSON(&child, at: path.dropFirst(), to: value)
        dictionary[key] = child
        object = dictionary
    case .index(let index):
        var array = object as! [Any]
        var child = array[index]
        setJSON(&child, at: path.dropFirst(), to: value)
        array[index] = child
        object = array
    }
}

/// The value at `path`.
func getJSON(_ object: Any, at path: [JSONPathComponent]) -> Any? {
    var current: Any? = object
    for component in path {
        switch component {
        case .key(let key): current = (current as? [String: Any])?[key]
        case .index(let index):
            guard let array = current as? [Any], array.indices.contains(index) else { return nil }
            current = array[index]
        }
    }
    return current
}

/// `hex` with the digit at `position` changed to another.
func flipDigit(_ hex: String, at position: Int) -> String {
    var characters = Array(hex)
    let digits = Array("0123456789ABCDEF")
    let current = digits.firstIndex(of: Character(characters[position].uppercased())) ?? 0
    characters[position] = digits[(current + 1 + position % 15) % 16]
    return String(characters)
}
