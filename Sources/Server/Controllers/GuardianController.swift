import ElectionGuard
import Foundation
import Hummingbird
import Referendum

/// The guardians' API (role `guardian:<id>`): the totals to decrypt, the challenges of round 2,
/// and the upload of each round, checked on arrival: round 1 for the guardian's membership and one
/// partial decryption per total, round 2 for each response against its commitment and share key.
/// A guardian's key never comes here: each runs `GuardianDecryption` on its own machine.
struct GuardianController<Context: RequestContextWithRole> {
    let engine: ReferendumEngine

    func addRoutes(to group: RouterGroup<Context>) {
        group.add(middleware: RequireRole<Context>(.guardian))
        // The key ceremony: the public log, and this guardian's messages (checked, then added to it).
        group.get("ceremony") { _, _ in JSONResponse(try await engine.ceremonyBundle()) }
        group.post("ceremony") { request, context in
            let guardian = try guardianId(context)
            let messages = try await CeremonyMessages.decode(request, context)
            try await engine.acceptCeremony(messages, from: guardian)
            context.logger.notice("ceremony messages accepted", metadata: ["guardian": "\(guardian)", "kinds": "\(messages.map(\.kind))"])
            return JSONResponse(.created, CeremonyState(state: try await engine.setup().state.rawValue, accepted: messages.count))
        }
        group.get("targets") { _, _ in JSONResponse(try await engine.decryptionTargets()) }
        // The decryption's try: a guardian's rounds carry it; it moves on when a guardian is dropped.
        group.get("decryption") { _, _ in JSONResponse(try await engine.setup().decryptionProgress ?? DecryptionProgress()) }
        group.get("challenges") { _, context in
            let guardian = try guardianId(context)
            guard let mine = try await engine.decryptionChallenges()[guardian] else {
                throw APIError(.conflict, "no challenge for \(guardian): send round 1 first", reason: "no-round-1")
            }
            return JSONResponse(mine)
        }
        group.post("rounds") { request, context in
            let round = try await decodeRound(request, context)
            let guardian = try guardianId(context)
            guard round.guardianId == guardian else {
                throw APIError(.forbidden, "this token is for guardian \(guardian); the round is \(round.guardianId)'s", reason: "wrong-guardian")
            }
            try await engine.checkResponses(round)
            try await engine.submit(round)
            context.logger.notice("decryption round accepted", metadata: ["guardian": "\(guardian)", "round": "\(round.round.rawValue)"])
            return JSONResponse(.created, RoundAccepted(guardian: guardian, round: round.round.rawValue))
        }
    }

    /// The round, its elements checked to be in their groups (input from outside, unlike the store's).
    func decodeRound(_ request: Request, _ context: Context) async throws -> GuardianDecryptionRound {
        let data = try await request.bodyData(context: context)
        do {
            return try JSONDecoder().decode(GuardianDecryptionRound.self, from: data)
        } catch let error as DecodingError {
            throw APIError(.badRequest, "not a decryption round: \(APIError.describe(error))", reason: "malformed")
        }
    }

    func guardianId(_ context: Context) throws -> String {
        guard let id = context.role?.guardianId else { throw APIError(.forbidden, "this route needs a guardian token") }
        return id
    }
}

/// Key-ceremony messages from outside: a JSON array of `CeremonyMessage`, elements checked on decoding.
enum CeremonyMessages {
    static func decode<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> [CeremonyMessage] {
        let data = try await request.bodyData(context: context)
        do {
            let messages = try JSONDecoder().decode([CeremonyMessage].self, from: data)
            guard messages.count <= 256 else { throw APIError(.contentTooLarge, "at most 256 messages at once", reason: "too-many") }
            return messages
        } catch let error as DecodingError {
            throw APIError(.badRequest, "not a list of ceremony messages: \(APIError.describe(error))", reason: "malformed")
        }
    }
}

struct CeremonyState: Encodable, Sendable {
    let state: String
    let accepted: Int
}

struct RoundAccepted: Encodable, Sendable {
    let guardian: String
    let round: Int
}
