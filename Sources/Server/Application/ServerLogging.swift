import Foundation
import Logging

/// The server's logs: swift-log to standard error, as text (`key=value` metadata) or one JSON object
/// per line. What is logged: lifecycle steps, token ids (never tokens), routes by pattern, counts.
/// What never is: credential codes, tokens, nonces, choices, request bodies.
public enum ServerLogging {
    /// Sets up the process's logging once and returns the server's logger.
    public static func bootstrap(level: Logger.Level, json: Bool) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = json ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "plebiscite.server")
        logger.logLevel = level
        return logger
    }
}

/// One JSON object per line on standard error: time, level, label, message and the metadata.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String

    public init(label: String) { self.label = label }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var object: [String: String] = [
            "time": ISO8601DateFormatter().string(from: Date()), "level": event.level.rawValue, "label": label,
            "message": event.message.description,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) { object[key] = value.description }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        FileHandle.standardError.write(data + Data("\n".utf8))
    }
}
