import Foundation
import PostgresNIO
import Referendum

/// Where a PostgreSQL database is: parsed from `postgres://user:password@host:port/database`.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String
    /// Never printed: `description` leaves it out.
    public var password: String?
    public var database: String
    /// TLS as `sslmode` asks: `disable` (the default, for a server on loopback or a private
    /// network), `prefer` or `require` (both verify the server's certificate).
    public var sslMode: String

    /// Parses a URL such as `postgres://plebiscite:secret@127.0.0.1:5432/referendum?sslmode=require`.
    /// - Throws: `storage` naming what is missing or wrong.
    public init(url text: String) throws {
        guard let url = URLComponents(string: text), url.scheme == "postgres" || url.scheme == "postgresql" else {
            throw ReferendumError.storage("\(Self.redacted(text)) is not a postgres:// URL")
        }
        guard let host = url.host, !host.isEmpty else { throw ReferendumError.storage("the PostgreSQL URL names no host") }
        guard let username = url.user, !username.isEmpty else { throw ReferendumError.storage("the PostgreSQL URL names no user") }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty else { throw ReferendumError.storage("the PostgreSQL URL names no database") }
        let sslMode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        guard ["disable", "prefer", "require"].contains(sslMode) else {
            throw ReferendumError.storage("sslmode=\(sslMode) is not one of disable, prefer, require")
        }
        self.host = host
        port = url.port ?? 5432
        self.username = username
        password = url.password
        self.database = database
        self.sslMode = sslMode
    }

    /// The URL without the password.
    public var description: String { "postgres://\(username)@\(host):\(port)/\(database)" }

    var clientConfiguration: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS = switch sslMode {
        case "require": .require(.makeClientConfiguration())
        case "prefer": .prefer(.makeClientConfiguration())
        default: .disable
        }
        return PostgresClient.Configuration(host: host, port: port, username: username, password: password,
                                            database: database, tls: tls)
    }

    /// `text` with any password replaced, for error messages.
    static func redacted(_ text: String) -> String {
        text.replacingOccurrences(of: #"(://[^:/@]*:)[^@]*@"#, with: "$1***@", options: .regularExpression)
    }
}
