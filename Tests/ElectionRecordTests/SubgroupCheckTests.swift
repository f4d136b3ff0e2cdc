import ElectionGuard
import ElectionRecord
import Testing

/// `SubgroupCheck.deferred`: the subgroup test moves to the collector's owner, every other check stays.
@Suite("deferred subgroup checks")
struct SubgroupCheckTests {
    static let ballot = Fixture.ballotFile("id-1")

    func decode(_ json: EncryptedBallotJSON, _ check: SubgroupCheck) throws -> RecordedBallot {
        try json.recordedBallot(at: RecordField(file: Self.ballot, subgroupCheck: check))
    }

    func fixtureBallot() throws -> EncryptedBallotJSON {
        try RecordJSON.decode(EncryptedBallotJSON.self, from: Fixture.bytes(Self.ballot), file: Self.ballot)
    }

    @Test("a deferred read gives the same ballot and hands over every element mod p with its field")
    func sameBallot() throws {
        var json = try fixtureBallot()
        json.contests = Array(json.contests.prefix(2))
        let collector = DeferredSubgroupChecks()
        let deferred = try decode(json, .deferred(collector))
        #expect(deferred == (try decode(json, .each)))
        let entries = collector.drain()
        // Per contest: 5 selections × (pad, data) and the contest data's c0; and the serial number's pad and data.
        #expect(entries.count == 2 * (5 * 2 + 1) + 2)
        #expect(entries.allSatisfy { $0.element.isInSubgroup })
        #expect(entries.contains { $0.field.path == "contests[1].selections[4].encrypted_vote.data" && $0.field.file == Self.ballot })
        #expect(collector.count == 0, "drain empties the collector")
    }

    @Test("an element outside the subgroup passes a deferred read and is handed to the collector")
    func outsideSubgroup() throws {
        var json = try fixtureBallot()
        json.contests = Array(json.contests.prefix(1))
        let minusOne = String(Base16.encode(GroupParameters.largePrime).dropLast()) + "E"
        json.contests[0].selections[2].encrypted_vote.pad = minusOne
        #expect(throws: ElectionRecordError.invalidValue(file: Self.ballot, field: "contests[0].selections[2].encrypted_vote.pad",
                                                         problem: .notInSubgroup)) {
            try decode(json, .each)
        }
        let collector = DeferredSubgroupChecks()
        _ = try decode(json, .deferred(collector))
        let bad = collector.drain().filter { !$0.element.isInSubgroup }
        #expect(bad.map(\.field.path) == ["contests[0].selections[2].encrypted_vote.pad"])
    }

    @Test("a deferred read still rejects bad hex, widths and values not below p")
    func rangeStillChecked() throws {
        let collector = DeferredSubgroupChecks()
        let field = RecordField(file: Self.ballot, subgroupCheck: .deferred(collector))["pad"]
        let pHex = Base16.encode(GroupParameters.largePrime)
        #expect(throws: ElectionRecordError.invalidValue(file: Self.ballot, field: "pad", problem: .outOfRange("not in 1..<p"))) {
            try field.elementModP(pHex)
        }
        #expect(throws: ElectionRecordError.invalidValue(file: Self.ballot, field: "pad", problem: .outOfRange("not in 1..<p"))) {
            try field.elementModP(String(repeating: "0", count: 1024))
        }
        #expect(throws: ElectionRecordError.invalidValue(file: Self.ballot, field: "pad", problem: .wrongWidth(expectedDigits: 1024, actualDigits: 1022))) {
            try field.elementModP(String(pHex.dropFirst(2)))
        }
        #expect(throws: ElectionRecordError.invalidValue(file: Self.ballot, field: "pad", problem: .notHexadecimal)) {
            try field.elementModP(String(pHex.dropFirst()) + "G")
        }
        #expect(collector.count == 0)
        let lower = try field.elementModP(ElementModP.g.hex.lowercased())
        #expect(lower == .g && collector.count == 1)
    }
}
