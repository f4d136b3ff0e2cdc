import ElectionGuard

extension ReferendumEngine {
    /// Checks a guardian's round 2 as it arrives: each response, with the challenge it answers and
    /// the commitments of the guardian's round 1, must verify against the guardian's share key
    /// (spec 3.6.3), so a wrong answer is refused naming the guardian before it is stored.
    /// - Throws: `guardian` naming the first total whose response does not verify, or when the
    ///   guardian has no round 1 or challenge.
    public func checkResponses(_ round: GuardianDecryptionRound) async throws {
        guard round.round == .responses else { return }
        let setup = try await setup()
        guard let election = setup.election, let count = setup.count else { throw ReferendumError.counting("no count yet") }
        guard let partials = try await decryptionRounds(of: setup)
            .first(where: { $0.guardianId == round.guardianId && $0.round == .partials }) else {
            throw ReferendumError.guardian(id: round.guardianId, reason: "round 2 before round 1")
        }
        guard let challenges = try await decryptionChallenges()[round.guardianId] else {
            throw ReferendumError.guardian(id: round.guardianId, reason: "no challenge for this guardian")
        }
        guard round.responses.count == count.totals.count, partials.partials.count == count.totals.count else {
            throw ReferendumError.guardian(id: round.guardianId, reason: "\(round.responses.count) responses for \(count.totals.count) totals")
        }
        let shareKey = election.guardians.shareKey(of: partials.xCoordinate)
        for (index, total) in count.totals.enumerated() {
            guard partials.partials[index].verify(response: round.responses[index], challenge: challenges[index],
                                                  target: .ciphertext(total.ciphertext), shareKey: shareKey) else {
                throw ReferendumError.guardian(id: round.guardianId,
                                               reason: "response \(index + 1) (\(total.scope.key) \(total.option)) does not verify")
            }
        }
    }
}
