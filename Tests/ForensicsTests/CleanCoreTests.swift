import Foundation
import Testing

@testable import Forensics

/// Acceptance: elections where ballot stuffing is heavy, up to falsified stations outnumbering clean
/// ones. Stuffed stations get x ~ N(0.6, 0.15) of their non-voters as leader ballots (a falsified peak
/// of its own above 80% turnout); 10,000 stations of 300–2,500 voters; clean turnout 55% ± 8, leader
/// 45% ± 8 unless said otherwise. Shpilkin's estimate must recover the added votes within ±10% and the
/// clean turnout within 3 points; the fingerprint's fair part must centre on the clean turnout within
/// 3 points and its fit must not fail.
@Suite("Clean core where fraud is heaviest")
struct CleanCoreTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var label: String
        var election: SyntheticElection
        /// Turnout centres a clean hump may have (the capital's and the rest's).
        var cleanCentres: [Double]
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "30% stuffed", election: SyntheticElection(stations: 10_000, falsified: 0.3), cleanCentres: [55]),
        Case(label: "50% stuffed", election: SyntheticElection(stations: 10_000, falsified: 0.5), cleanCentres: [55]),
        Case(label: "70% stuffed", election: SyntheticElection(stations: 10_000, falsified: 0.7), cleanCentres: [55]),
        Case(
            label: "50% stuffed, low-turnout capital",
            election: SyntheticElection(stations: 10_000, turnoutSD: 0.06, falsified: 0.5, capital: 0.2, capitalTurnout: 0.33),
            cleanCentres: [33, 55]),
        Case(
            label: "2022-like: 90% stuffed to 97%, 99% Yes",
            election: SyntheticElection(
                stations: 10_000, turnout: 0.5, turnoutSD: 0.07, share: 0.97, shareSD: 0.015, falsified: 0.9,
                stuffing: 0.94, stuffingSD: 0.03),
            cleanCentres: [50]),
    ]

    static let klimek = KlimekFit.Options(sigmas: [0.2, 0.5], alphas: [2], simulatedStations: 20_000, permutations: 99)

    @Test(arguments: cases)
    func shpilkinRecoversStuffedVotes(_ test: Case) {
        let (results, truth) = test.election.generate(seed: 77)
        let estimate = ShpilkinEstimate.run(results)
        let error = Double(estimate.anomalousVotes - truth.addedVotes) / Double(truth.addedVotes)
        #expect(abs(error) <= 0.10, "\(test.label): \(estimate.anomalousVotes) anomalous against \(truth.addedVotes) added")
        #expect(abs(estimate.correctedTurnoutPercent - truth.cleanTurnoutPercent) <= 3,
                "\(test.label): corrected turnout \(estimate.correctedTurnoutPercent)% against \(truth.cleanTurnoutPercent)%")
        #expect(test.cleanCentres.contains { abs(estimate.core.modePercent - $0) <= 3 },
                "\(test.label): core mode \(estimate.core.modePercent)%")
    }

    @Test(arguments: cases)
    func fingerprintFairPartIsTheCleanCore(_ test: Case) async {
        let results = test.election.make(seed: 78)
        var random = Xoshiro256(seed: 5)
        let fit = await KlimekFit.run(results, options: Self.klimek, random: &random)
        #expect(test.cleanCentres.contains { abs(100 * fit.fair.turnout - $0) <= 3 },
                "\(test.label): fair turnout \(100 * fit.fair.turnout)%")
        #expect(fit.failure == nil, "\(test.label): \(fit.failure ?? "")")
        let detected = fit.detected
        #expect(detected, "\(test.label): z = \(fit.dependence.zScore), \(fit.dependence.wholeRangeZScore ?? 0)")
    }

    /// Fair elections, one hump or two: no anomalous votes to speak of, no failed fit, no alarm.
    @Test(arguments: [
        SyntheticElection(stations: 10_000),
        SyntheticElection(stations: 10_000, turnoutSD: 0.06, capital: 0.2, capitalTurnout: 0.33),
    ])
    func fairElectionsStayQuiet(_ election: SyntheticElection) async {
        let results = election.make(seed: 79)
        let estimate = ShpilkinEstimate.run(results)
        #expect(abs(estimate.correctedSharePercent - estimate.reportedSharePercent) < 1)
        var random = Xoshiro256(seed: 6)
        let fit = await KlimekFit.run(results, options: Self.klimek, random: &random)
        #expect(fit.failure == nil, "\(fit.failure ?? "")")
        let detected = fit.detected, regions = fit.regions.filter(\.detected).count
        #expect(!detected, "z = \(fit.dependence.zScore)")
        #expect(regions == 0)
    }

    /// One region of ten stuffed at every station (half its non-voters): its own estimate, against the
    /// national core since it has no clean hump of its own, recovers the votes; the others stay near 0.
    @Test func perRegionEstimatesFindTheStuffedRegion() {
        var results = SyntheticElection(stations: 10_000).make(seed: 81)
        var added = 0
        for index in results.stations.indices where results.stations[index].region == "R3" {
            var station = results.stations[index]
            let stuffed = (station.registered - station.cast) / 2
            station.votes[0] += stuffed
            station.valid = (station.valid ?? 0) + stuffed
            station.found = (station.found ?? 0) + stuffed
            station.issued = (station.issued ?? 0) + stuffed
            results.stations[index] = station
            added += stuffed
        }
        let estimate = ShpilkinEstimate.run(results)
        #expect(estimate.regions.count == 10)
        for region in estimate.regions {
            if region.name == "R3" {
                #expect(!region.ownCore)
                #expect(abs(Double(region.anomalousVotes - added)) <= 0.1 * Double(added), "\(region.anomalousVotes) of \(added)")
            } else {
                #expect(region.ownCore)
                #expect(region.correctedSharePercent > region.reportedSharePercent - 1, "\(region.name)")
            }
        }
    }

    /// A falsified peak taller than the clean one: the core stays on the clean hump; a lone noise bump
    /// at low turnout with little mass is not a hump.
    @Test func coreIsTheLowestSubstantialHump() {
        var weights = [Double](repeating: 0, count: 100)
        for bin in 0..<100 {
            let x = Double(bin) + 0.5
            weights[bin] = 1000 * exp(-(x - 45) * (x - 45) / 72) + 4000 * exp(-(x - 88) * (x - 88) / 18)
        }
        weights[12] = 300
        let core = CleanCore.locate(weights: weights)
        #expect(core.edgeBin == 44)
        #expect(core.belowGlobalMode)
        #expect(abs(core.globalModePercent - 88) <= 1)
        #expect(core.humps.count == 2)
        // The same shape where the taller hump keeps the others' fraction: a second clean population.
        let cast = weights.map { Int($0 / 2) }
        let sameShare = CleanCore.locate(weights: weights, cast: cast, leader: cast.map { $0 / 2 })
        #expect(abs(sameShare.modePercent - 88) <= 1.5)
        let stuffed = CleanCore.locate(
            weights: weights, cast: cast, leader: cast.indices.map { $0 < 66 ? cast[$0] / 2 : cast[$0] * 4 / 5 })
        #expect(stuffed.edgeBin == 44)
        let single = CleanCore.locate(weights: (0..<100).map { exp(-Double(($0 - 60) * ($0 - 60)) / 50) })
        #expect(single.edgeBin == 60 && !single.belowGlobalMode)
    }

    /// A handful of stations: the core always holds some of them, so the clean ratio is never 0/0.
    @Test func tinyElectionsKeepVotersInTheCore() {
        for count in [1, 2, 3, 7] {
            let results = SyntheticElection(stations: count).make(seed: UInt64(count))
            let estimate = ShpilkinEstimate.run(results)
            #expect(estimate.coreSharePercent > 0, "\(count) stations")
            #expect(estimate.correctedSharePercent > 0, "\(count) stations")
        }
    }

    @Test func untrustworthyFitsSaySo() {
        let wild = KlimekModel.FairParameters(turnout: 1.023, turnoutSD: 0.332, share: 0.886, shareSD: 0.393)
        #expect(KlimekFit.failure(fair: wild, fi: 1, fe: 0, residual: 1, fairResidual: 1)?.contains("outside") == true)
        let wide = KlimekModel.FairParameters(turnout: 0.833, turnoutSD: 0.206, share: 0.6, shareSD: 0.1)
        #expect(KlimekFit.failure(fair: wide, fi: 0.2, fe: 0, residual: 1, fairResidual: 2)?.contains("spread") == true)
        let sane = KlimekModel.FairParameters(turnout: 0.55, turnoutSD: 0.08, share: 0.45, shareSD: 0.08)
        #expect(KlimekFit.failure(fair: sane, fi: 0.995, fe: 0, residual: 1, fairResidual: 2) != nil)
        #expect(KlimekFit.failure(fair: sane, fi: 0.3, fe: 0, residual: 0.99, fairResidual: 1) != nil)
        #expect(KlimekFit.failure(fair: sane, fi: 0.3, fe: 0, residual: 0.5, fairResidual: 1) == nil)
        #expect(KlimekFit.failure(fair: sane, fi: 0.02, fe: 0, residual: 1, fairResidual: 1) == nil)
    }
}
