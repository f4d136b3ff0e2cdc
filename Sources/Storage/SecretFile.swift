import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files that hold secrets (guardian keys, decryption nonces, voter cards, the SQLite database with
/// its voter credentials and the pseudonym key): readable and writable by their owner only (0600),
/// in directories this code creates for them with 0700. A secret file is created with its mode
/// already set (never written first and restricted after), and an existing one is never overwritten.
public enum SecretFile {
    /// Owner read and write.
    public static let fileMode: mode_t = 0o600
    /// Owner only.
    public static let directoryMode: mode_t = 0o700

    /// Writes `bytes` to a new file at `path`, creating the missing directories above it (0700).
    /// - Throws: `SecretFileError` when the file exists already or cannot be written; nothing is left behind.
    public static func write(_ bytes: [UInt8], to path: String) throws(SecretFileError) {
        try createDirectories(above: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else {
            let code = errno
            throw SecretFileError(path: path, reason: code == EEXIST ? "exists already; a secret file is never overwritten" : describe(code))
        }
        var written = 0
        var failure: Int32?
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += result
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if let failure {
            unlink(path)
            throw SecretFileError(path: path, reason: describe(failure))
        }
    }

    /// Writes `text` as UTF-8 to a new secret file.
    public static func write(_ text: String, to path: String) throws(SecretFileError) {
        try write(Array(text.utf8), to: path)
    }

    /// Creates an empty file at `path` with the secret mode when nothing is there, so that a database
    /// opened on it next (and SQLite's -wal and -shm files, which take its mode) starts private.
    public static func createIfMissing(_ path: String) throws(SecretFileError) {
        try createDirectories(above: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw SecretFileError(path: path, reason: describe(errno))
        }
    }

    /// Creates each missing directory above `path` with mode 0700; existing ones are left as they are.
    static func createDirectories(above path: String) throws(SecretFileError) {
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) else { return }
        try createDirectories(above: parent)
        if mkdir(parent, directoryMode) != 0 && errno != EEXIST {
            throw SecretFileError(path: parent, reason: describe(errno))
        }
    }

    private static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// A secret file that could not be written, and why.
public struct SecretFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}

/// write(2), named apart from `SecretFile.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}
