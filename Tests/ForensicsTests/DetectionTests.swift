import Foundation
import Testing

@testable import Forensics

/// Acceptance: synthetic elections from `SyntheticElection` (5,000 stations of 300–2,500 voters,
/// turnout 55% ± 8, leader 45% ± 8). Fraud follows Klimek et al.: incremental with intensity
/// |N(0, 0.2)|, vote stealing x², on a share fi of stations. The audit's fingerprint test must flag at
/// least 95% of the fraudulent elections and at most 5% of the fair ones, at its default level (1%).
/// The fit itself is not under test here, so it runs on one grid point with few simulated stations.
@Suite("Fingerprint detection on synthetic elections")
struct DetectionTests {
    static let options = KlimekFit.Options(sigmas: [0.2], alphas: [2], simulatedStations: 5000, permutations: 199)

    static func detections(_ election: SyntheticElection, seeds: Range<UInt64>) async -> Int {
        await withTaskGroup(of: Bool.self) { group in
            for seed in seeds {
                group.addTask {
                    var random = Xoshiro256(seed: seed &+ 7919)
                    let result = await KlimekFit.run(election.make(seed: seed), options: options, random: &random)
                    return result.detected
                }
            }
            var count = 0
            for await detected in group where detected { count += 1 }
            return count
        }
    }

    @Test func fairElectionsRarelyRaiseAlarms() async {
        let alarms = await Self.detections(SyntheticElection(stations: 5000), seeds: 1..<41)
        #expect(alarms <= 2, "false alarms in \(alarms) of 40 fair elections")
    }

    @Test func klimekFraudAtFivePercentIsDetected() async {
        let election = SyntheticElection(stations: 5000, incrementalFraud: 0.05, sigmaX: 0.2, alpha: 2)
        let found = await Self.detections(election, seeds: 101..<141)
        #expect(found >= 38, "detected \(found) of 40 elections with fi = 0.05")
    }

    @Test func heavierFraudWithExtremeStationsIsDetected() async {
        let election = SyntheticElection(
            stations: 5000, incrementalFraud: 0.1, extremeFraud: 0.01, sigmaX: 0.2, alpha: 2)
        let found = await Self.detections(election, seeds: 201..<211)
        #expect(found == 10, "detected \(found) of 10 elections with fi = 0.1, fe = 0.01")
    }
}
