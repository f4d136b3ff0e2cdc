import Foundation
import Testing

@testable import Forensics

@Suite("Shpilkin, digits, arithmetic, mobile boxes")
struct MethodsTests {
    @Test func shpilkinFindsStuffedVotesOnlyWhereThereAreSome() {
        let fair = ShpilkinEstimate.run(SyntheticElection(stations: 5000).make(seed: 1))
        let stuffed = ShpilkinEstimate.run(
            SyntheticElection(stations: 5000, incrementalFraud: 0.3, sigmaX: 0.3, alpha: 2).make(seed: 1))
        #expect(abs(fair.correctedSharePercent - fair.reportedSharePercent) < 1)
        #expect(stuffed.anomalousVotes > 10 * max(1, fair.anomalousVotes))
        #expect(stuffed.correctedSharePercent < stuffed.reportedSharePercent - 2)
        #expect(abs(stuffed.coreSharePercent - 45) < 2)
    }

    @Test func benfordSecondDigitSumsToOne() {
        #expect(abs(DigitTests.benfordSecondDigit.reduce(0, +) - 1) < 1e-12)
        #expect(abs(DigitTests.benfordSecondDigit[0] - 0.11968) < 1e-4)
        #expect(DigitTests.secondDigit(4711) == 7)
        #expect(DigitTests.secondDigit(10) == 0)
    }

    @Test func lastDigitTestSeparatesUniformFromFavouredDigits() {
        func results(_ counts: [Int]) -> StationResults {
            StationResults(
                source: "t", profileName: "t", options: ["A"], leader: 0,
                stations: counts.enumerated().map { Station(region: "R", id: "\($0.offset)", line: $0.offset + 2,
                                                            registered: 5000, valid: $0.element, invalid: 0, votes: [$0.element]) })
        }
        var random = Xoshiro256(seed: 4)
        let uniform = (0..<5000).map { _ in 100 + Int(random.next() % 2000) }
        let favoured = uniform.map { $0 % 10 == 3 ? $0 + 2 : $0 }
        #expect(DigitTests.run(results(uniform)).lastDigit[0].pValue > 0.001)
        #expect(DigitTests.run(results(favoured)).lastDigit[0].pValue < 1e-10)
    }

    @Test func arithmeticAndMobileBoxesOnTheSmallFile() throws {
        let profile = try ColumnProfile.load(path: Fixtures.path("small-referendum.yaml"))
        let results = try StationResults.read(path: Fixtures.path("small-referendum.csv"), profile: profile, skipBadRows: true)
        let checks = Dictionary(uniqueKeysWithValues: ProtocolArithmetic.run(results).map { ($0.id, $0) })
        #expect(checks["turnout-over-100"]?.violations == 1)
        #expect(checks["issued-equals-found"]?.violations == 0)
        #expect(checks["valid-plus-invalid"]?.violations == 0)
        #expect(checks["votes-sum"]?.violations == 0)
        let mobile = try #require(MobileBoxes.run(results))
        #expect(mobile.outliers.map(\.station) == ["7"])
        #expect(abs(mobile.sharePercent - 100 * 450.0 / 1700) < 1e-9)
    }

    @Test func arithmeticCatchesBrokenProtocols() {
        let stations = [
            Station(region: "R", id: "1", line: 2, registered: 100, issued: 60, found: 55, valid: 50, invalid: 4, votes: [30, 21]),
            Station(region: "R", id: "2", line: 3, registered: 100, issued: 60, found: 60, valid: 58, invalid: 2, votes: [40, 18]),
        ]
        let results = StationResults(
            source: "t", profileName: "t", options: ["A", "B"], leader: 0, stations: stations,
            mapped: .init(issued: true, found: true, mobile: false, valid: true, invalid: true))
        let checks = Dictionary(uniqueKeysWithValues: ProtocolArithmetic.run(results).map { ($0.id, $0) })
        #expect(checks["issued-equals-found"]?.violations == 1)
        #expect(checks["issued-found-gap-over-1pct"]?.violations == 1)
        #expect(checks["valid-plus-invalid"]?.violations == 1)
        #expect(checks["votes-sum"]?.violations == 1)
        #expect(checks["votes-sum"]?.examples.first?.contains("line 2") == true)
    }
}
