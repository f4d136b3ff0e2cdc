import ArgumentParser
import ElectionGuard
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Referendum
import Storage

/// `plebiscite guardian ceremony`: this guardian's part of the key ceremony, on its own machine. The
/// guardian's polynomial is made here and stays in its state file (0600); only public messages leave.
/// Through the server, it runs to the end; with files, each run takes one step.
struct GuardianCeremonyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ceremony",
        abstract: "Make this guardian's key with the other guardians (spec 3.2), through the server or through files.",
        discussion: """
            Through the server: plebiscite guardian ceremony --guardian guardian1 --server https://host --token T
            runs until every guardian has confirmed the joint key, then writes the key file.
            Offline: plebiscite guardian ceremony --guardian guardian1 --bundle ceremony.json --out messages.json
            takes one step on the log a coordinator exported (`plebiscite ceremony export`) and writes the \
            messages to carry back (`plebiscite ceremony import`); repeat with each new export until it says done.
            """)

    @Option(help: "This guardian's id, as the referendum names it.") var guardian: String
    @Option(help: "This guardian's secret ceremony state (default: GUARDIAN.ceremony.json; created 0600).") var state: String?
    @Option(help: "Where to write the key file when the ceremony is done (default: GUARDIAN.json; 0600).") var key: String?
    @Option(help: "The server's address.") var server: String?
    @Option(help: "This guardian's token (or set PLEBISCITE_TOKEN).") var token: String?
    @Option(help: "Offline: the ceremony log exported by the coordinator.") var bundle: String?
    @Option(help: "Offline: where to write this step's messages.") var out: String?
    @Option(help: "Through the server: give up after this many seconds.") var timeout = 600

    var statePath: String { state ?? "\(guardian).ceremony.json" }
    var keyPath: String { key ?? "\(guardian).json" }

    func validate() throws {
        guard (server == nil) != (bundle == nil) else { throw ValidationError("give either --server (and a token) or --bundle and --out") }
        if bundle != nil, out == nil { throw ValidationError("--bundle needs --out for the messages to carry back") }
        guard (1...86_400).contains(timeout) else { throw ValidationError("--timeout is 1 to 86400 seconds") }
    }

    func run() async throws {
        var generator = SystemRandomNumberGenerator()
        if let bundle, let out {
            let log = try CeremonyFiles.read(CeremonyBundle.self, from: bundle)
            var ceremony = try loadOrStart(log, using: &generator)
            let messages = try ceremony.step(log, using: &generator)
            try save(ceremony)
            try CeremonyFiles.write(messages, to: out)
            print("\(guardian): \(messages.count) message(s) in \(out) (\(messages.map(\.kind).joined(separator: ", ")))")
            try finish(ceremony, log)
            return
        }
        guard let server, let token = token ?? ProcessInfo.processInfo.environment["PLEBISCITE_TOKEN"] else {
            throw ValidationError("--server needs --token (or PLEBISCITE_TOKEN)")
        }
        let client = try GuardianClient(server: server, token: token)
        let deadline = Date().addingTimeInterval(TimeInterval(timeout))
        var ceremony = try loadOrStart(try await client.bundle(), using: &generator)
        while Date() < deadline {
            let log = try await client.bundle()
            let messages = try ceremony.step(log, using: &generator)
            try save(ceremony)
            if !messages.isEmpty {
                try await client.send(messages)
                print("\(guardian): sent \(messages.map(\.kind).joined(separator: ", "))")
                continue
            }
            if ceremony.isDone, log.log.confirmations.count == log.guardians.count {
                try finish(ceremony, log)
                return
            }
            try await Task.sleep(for: .seconds(1))
        }
        throw ValidationError("\(guardian): the ceremony did not finish within \(timeout) s (`plebiscite ceremony status` shows who is missing)")
    }

    func loadOrStart(_ bundle: CeremonyBundle, using generator: inout SystemRandomNumberGenerator) throws -> GuardianCeremony {
        if FileManager.default.fileExists(atPath: statePath) {
            let ceremony = try CeremonyFiles.read(GuardianCeremony.self, from: statePath)
            guard ceremony.id == guardian else { throw ValidationError("\(statePath) is \(ceremony.id)'s state, not \(guardian)'s") }
            return ceremony
        }
        let ceremony = try GuardianCeremony.start(bundle, guardian: guardian, using: &generator)
        try save(ceremony)
        return ceremony
    }

    /// The state file is rewritten whole: a new secret file beside it, then renamed over it.
    func save(_ ceremony: GuardianCeremony) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let temporary = statePath + ".new"
        try? FileManager.default.removeItem(atPath: temporary)
        try writeSecret(String(decoding: try encoder.encode(ceremony), as: UTF8.self), to: temporary)
        guard rename(temporary, statePath) == 0 else { throw ValidationError("cannot replace \(statePath)") }
    }

    /// Writes the key file once the guardian holds its share.
    func finish(_ ceremony: GuardianCeremony, _ bundle: CeremonyBundle) throws {
        guard let secret = ceremony.secret else {
            print("\(guardian): \(CeremonyProgress(bundle).summary); not done yet")
            return
        }
        let text = try GuardianKeyFile.encode(secret)
        if FileManager.default.fileExists(atPath: keyPath) {
            // Run again after the end: the same key is there already; another one is never overwritten.
            guard (try? readText(keyPath)) == text else {
                throw ValidationError("\(keyPath) holds another key; move it away (a key file is never overwritten)")
            }
        } else {
            try writeSecret(text, to: keyPath)
        }
        print("\(guardian): done; key file \(keyPath) (H_E \(secret.extendedBaseHash.hex.prefix(16))...)")
    }
}

/// The guardian API over HTTP(S): the ceremony's log and messages, and the decryption's rounds.
struct GuardianClient: DecryptionChannel {
    let base: URL
    let token: String

    init(server: String, token: String) throws {
        guard let url = URL(string: server), url.scheme == "http" || url.scheme == "https" else {
            throw ValidationError("--server must be an http:// or https:// address")
        }
        base = url
        self.token = token
    }

    func bundle() async throws -> CeremonyBundle { try decode(CeremonyBundle.self, try await request("GET", "ceremony").data) }

    func send(_ messages: [CeremonyMessage]) async throws {
        _ = try await request("POST", "ceremony", body: try JSONEncoder().encode(messages))
    }

    func attempt() async throws -> Int { try decode(DecryptionProgress.self, try await request("GET", "decryption").data).attempt }

    func targets() async throws -> [EncryptedTotal] { try decode([EncryptedTotal].self, try await request("GET", "targets").data) }

    func challenges(guardian: String) async throws -> [ElementModQ]? {
        let answer = try await request("GET", "challenges", allowing: [409])
        return answer.status == 409 ? nil : try decode([ElementModQ].self, answer.data)
    }

    func submit(_ round: GuardianDecryptionRound) async throws {
        _ = try await request("POST", "rounds", body: try JSONEncoder().encode(round))
    }

    private func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw ValidationError("the server's answer cannot be read as \(T.self): \(error)")
        }
    }

    private func request(_ method: String, _ path: String, body: Data? = nil, allowing: Set<Int> = []) async throws -> (status: Int, data: Data) {
        var request = URLRequest(url: base.appendingPathComponent("api/v1/guardian/\(path)"))
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) || allowing.contains(status) else {
            throw ValidationError("\(method) \(request.url?.path ?? ""): \(status) \(String(decoding: data.prefix(2_000), as: UTF8.self))")
        }
        return (status, data)
    }
}
