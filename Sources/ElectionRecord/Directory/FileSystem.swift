#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls the record needs, with errors that carry errno's text. POSIX rather than
/// Foundation so that a duplicate file is caught by `O_EXCL` (no set of written names in memory) and a
/// missing file is told apart from an unreadable one.
enum FileSystem {
    enum Failure: Error {
        case missing
        case exists
        case other(String)
    }

    /// The kind of thing at `path`, nil when there is nothing.
    enum Kind { case file, directory, other }

    static func kind(_ path: String, followingLinks: Bool = true) -> Kind? {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The whole content of the regular file at `path`.
    static func read(_ path: String) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .other("not a regular file") }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glue.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Creates the file at `path` with `bytes`; fails with `.exists` if it is already there.
    static func createFile(_ path: String, _ bytes: [UInt8]) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(errno) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glue.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let error = failure(errno)
                close(descriptor)
                throw error
            }
            written += count
        }
        guard close(descriptor) == 0 else { throw failure(errno) }
    }

    /// Creates the directory at `path`; succeeds if one is already there.
    static func makeDirectory(_ path: String) throws(Failure) {
        guard mkdir(path, 0o755) == 0 || (errno == EEXIST && kind(path) == .directory) else { throw failure(errno) }
    }

    /// Renames `from` to `to`; `to` must not exist unless it is an empty directory.
    static func rename(_ from: String, _ to: String) throws(Failure) {
        guard Glue.rename(from, to) == 0 else { throw failure(errno) }
    }

    /// Removes `path` and everything under it, never following a symbolic link; nothing there is not an error.
    static func removeTree(_ path: String) {
        guard let kind = kind(path, followingLinks: false) else { return }
        if kind == .directory {
            for name in DirectoryListing(path: path) { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// 16 random hex digits, for unique temporary names.
    static func randomSuffix() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next()
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func failure(_ code: Int32) -> Failure {
        switch code {
        case ENOENT: .missing
        case EEXIST: .exists
        default: .other(String(cString: strerror(code)))
        }
    }
}

/// The C functions whose Swift names clash with `FileSystem`'s.
private enum Glue {
    static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Darwin)
        Darwin.read(descriptor, buffer, count)
        #elseif canImport(Musl)
        Musl.read(descriptor, buffer, count)
        #else
        Glibc.read(descriptor, buffer, count)
        #endif
    }

    static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Darwin)
        Darwin.write(descriptor, buffer, count)
        #elseif canImport(Musl)
        Musl.write(descriptor, buffer, count)
        #else
        Glibc.write(descriptor, buffer, count)
        #endif
    }

    static func rename(_ from: String, _ to: String) -> Int32 {
        #if canImport(Darwin)
        Darwin.rename(from, to)
        #elseif canImport(Musl)
        Musl.rename(from, to)
        #else
        Glibc.rename(from, to)
        #endif
    }
}

/// The names in a directory, read one at a time (readdir), so that a directory of a million ballots
/// is never listed into memory at once. `.` and `..` are skipped; the order is the file system's.
struct DirectoryListing: Sequence {
    let path: String

    func makeIterator() -> Iterator { Iterator(path: path) }

    /// Owns the open directory stream and closes it when iteration ends or the iterator goes away.
    final class Iterator: IteratorProtocol {
        #if canImport(Darwin)
        private var stream: UnsafeMutablePointer<DIR>?
        #else
        private var stream: OpaquePointer?
        #endif

        init(path: String) {
            stream = opendir(path)
        }

        func next() -> String? {
            while let current = stream {
                guard let entry = readdir(current) else {
                    closedir(current)
                    stream = nil
                    return nil
                }
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
                }
                if name != "." && name != ".." { return name }
            }
            return nil
        }

        deinit {
            if let stream { closedir(stream) }
        }
    }
}
