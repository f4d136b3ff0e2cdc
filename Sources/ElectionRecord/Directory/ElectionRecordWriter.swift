/// Writes an election record atomically: every file goes into a hidden staging directory next to the
/// target, and `commit()` renames it into place in one step, so that readers see either no record or
/// a whole one, and a failure part way leaves nothing behind.
///
/// Use the scoped form, which commits when `body` returns and discards when it throws:
///
///     try ElectionRecordWriter.write(to: "/srv/records/2025-referendum") { writer in
///         try writer.write(constants: .standard)
///         try writer.write(manifest: manifest)
///         ...
///         for ballot in ballots { try writer.append(ballot) }
///     }
///
/// Files are written in egk's exact text form. Each file is created exclusively, so writing the same
/// file twice (two ballots with one id on one device) fails with `duplicate` without keeping a list of
/// names in memory. Files are not fsync'ed one by one; the rename is the only commit point.
public final class ElectionRecordWriter {
    /// Where the record will be.
    public let target: String
    /// Where it is being built: `<parent>/.<name>.writing-<random>`.
    public let staging: String
    /// Whether `commit` may replace an existing record at `target`.
    public let replacing: Bool

    private let aside: String
    private var state = State.open
    private var directories = Set<String>()

    private enum State { case open, committed, discarded }

    /// Starts a record at `target`.
    /// - Parameter replacing: replace a record already at `target` when committing.
    /// - Throws: `destinationExists` when `target` exists and `replacing` is false; `writeFailed` when the
    ///   staging directory cannot be made.
    public init(target: String, replacing: Bool = false) throws(ElectionRecordError) {
        var target = target
        while target.count > 1, target.hasSuffix("/") { target.removeLast() }
        guard replacing || FileSystem.kind(target) == nil else { throw .destinationExists(path: target) }
        let slash = target.lastIndex(of: "/")
        let parent = slash.map { String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        let hidden = "\(parent)/.\(name)"
        let suffix = FileSystem.randomSuffix()
        self.target = target
        self.staging = "\(hidden).writing-\(suffix)"
        self.aside = "\(hidden).replaced-\(suffix)"
        self.replacing = replacing
        do {
            try FileSystem.makeDirectory(staging)
        } catch {
            throw .writeFailed(file: staging, reason: Self.reason(error))
        }
    }

    deinit {
        if state == .open { FileSystem.removeTree(staging) }
    }

    /// Builds a record at `target` with `body` and commits it; if `body` or the commit throws, nothing
    /// is left at `target` or beside it.
    public static func write(to target: String, replacing: Bool = false, _ body: (ElectionRecordWriter) throws -> Void) throws {
        let writer = try ElectionRecordWriter(target: target, replacing: replacing)
        do {
            try body(writer)
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }

    /// As `write(to:replacing:_:)`, for a `body` that awaits (reading ballots from a store, say).
    public static func write(to target: String, replacing: Bool = false, _ body: (ElectionRecordWriter) async throws -> Void) async throws {
        let writer = try ElectionRecordWriter(target: target, replacing: replacing)
        do {
            try await body(writer)
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }

    /// Moves the finished record into place. Afterwards the writer accepts no more files.
    /// - Throws: `destinationExists` if something appeared at `target` meanwhile (and `replacing` is
    ///   false); `writeFailed` if a rename fails. On failure the staging directory is removed and an
    ///   existing record being replaced is put back.
    public func commit() throws(ElectionRecordError) {
        try checkOpen("")
        defer { if state == .open { discard() } }
        let existing = FileSystem.kind(target) != nil
        if existing && !replacing { throw .destinationExists(path: target) }
        var displaced: String?
        if existing {
            do {
                try FileSystem.rename(target, aside)
            } catch {
                throw .writeFailed(file: target, reason: "cannot move the old record aside: \(Self.reason(error))")
            }
            displaced = aside
        }
        do {
            try FileSystem.rename(staging, target)
        } catch {
            if let displaced { try? FileSystem.rename(displaced, target) }
            throw .writeFailed(file: target, reason: Self.reason(error))
        }
        state = .committed
        if let displaced { FileSystem.removeTree(displaced) }
    }

    /// Abandons the record: removes the staging directory and everything in it.
    public func discard() {
        guard state == .open else { return }
        state = .discarded
        FileSystem.removeTree(staging)
    }

    /// Writes `bytes` as `file` (relative to the record's root), making directories as needed.
    /// - Throws: `invalidName` for a path that is absolute or leaves the record (`..`), `duplicate` if
    ///   the file was already written, `writeFailed` otherwise.
    public func write(bytes: [UInt8], to file: String) throws(ElectionRecordError) {
        try checkOpen(file)
        try Self.requireInside(file, "file")
        if let slash = file.lastIndex(of: "/") { try makeDirectories(String(file[..<slash])) }
        do {
            try FileSystem.createFile("\(staging)/\(file)", bytes)
        } catch {
            if case .exists = error { throw .duplicate(file: file) }
            throw .writeFailed(file: file, reason: Self.reason(error))
        }
    }

    /// Writes `value`, one of the record's JSON types, as `file` in egk's text form.
    public func write<T: Encodable>(json value: T, to file: String, explicitNulls: Bool = false) throws(ElectionRecordError) {
        try write(bytes: RecordJSON.encode(value, explicitNulls: explicitNulls, file: file), to: file)
    }

    /// Makes `directory` (relative to the record's root) even if no file goes into it: a record with
    /// no ballots still has its `encrypted_ballots/`.
    public func write(directory: String) throws(ElectionRecordError) {
        try checkOpen(directory)
        try Self.requireInside(directory, "directory")
        try makeDirectories(directory)
    }

    /// Refuses a path that is absolute or leaves the record (`..`, `.`, empty components).
    private static func requireInside(_ path: String, _ kind: String) throws(ElectionRecordError) {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw .invalidName(name: path, reason: "a record \(kind) is a relative path inside the record")
        }
    }

    private func makeDirectories(_ directory: String) throws(ElectionRecordError) {
        guard !directories.contains(directory) else { return }
        var path = staging
        for component in directory.split(separator: "/") {
            path += "/\(component)"
            do {
                try FileSystem.makeDirectory(path)
            } catch {
                throw .writeFailed(file: directory, reason: Self.reason(error))
            }
        }
        directories.insert(directory)
    }

    private func checkOpen(_ file: String) throws(ElectionRecordError) {
        switch state {
        case .open: return
        case .committed: throw .writeFailed(file: file, reason: "the record was already committed")
        case .discarded: throw .writeFailed(file: file, reason: "the record was discarded")
        }
    }

    private static func reason(_ failure: FileSystem.Failure) -> String {
        switch failure {
        case .missing: "no such file or directory"
        case .exists: "already exists"
        case .other(let reason): reason
        }
    }
}
