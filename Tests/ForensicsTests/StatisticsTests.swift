import Foundation
import Testing

@testable import Forensics

@Suite("Random numbers and special functions")
struct StatisticsTests {
    @Test func generatorIsDeterministic() {
        var a = Xoshiro256(seed: 42), b = Xoshiro256(seed: 42), c = Xoshiro256(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
        var s0 = Xoshiro256(seed: 42, stream: 0), s1 = Xoshiro256(seed: 42, stream: 1)
        #expect(s0.next() != s1.next())
    }

    /// Chi-square goodness of fit of the binomial sampler against the exact probabilities.
    @Test(arguments: [(20, 0.3), (1000, 0.62), (3, 0.9)])
    func binomialMatchesItsDistribution(n: Int, p: Double) {
        var random = Xoshiro256(seed: UInt64(n))
        let draws = 20_000
        var counts = [Int](repeating: 0, count: n + 1)
        for _ in 0..<draws { counts[random.binomial(n: n, p: p)] += 1 }
        var chiSquare = 0.0, cells = 0, pooledObserved = 0.0, pooledExpected = 0.0
        for k in 0...n {
            let expected = Double(draws) * exp(SpecialFunctions.logBinomialPMF(k: k, n: n, p: p))
            pooledObserved += Double(counts[k])
            pooledExpected += expected
            if pooledExpected >= 20 {
                chiSquare += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected
                cells += 1
                pooledObserved = 0
                pooledExpected = 0
            }
        }
        let pValue = SpecialFunctions.chiSquareUpperTail(chiSquare, degrees: max(1, cells - 1))
        #expect(pValue > 0.001, "χ² = \(chiSquare) over \(cells) cells")
    }

    @Test func chiSquareAndNormalTails() {
        #expect(abs(SpecialFunctions.chiSquareUpperTail(16.919, degrees: 9) - 0.05) < 1e-4)
        #expect(abs(SpecialFunctions.chiSquareUpperTail(2.088, degrees: 9) - 0.99) < 1e-4)
        #expect(abs(SpecialFunctions.normalUpperTail(1.959964) - 0.025) < 1e-6)
        #expect(abs(SpecialFunctions.normalQuantile(0.975) - 1.959964) < 1e-6)
        #expect(abs(SpecialFunctions.normalQuantile(1e-6) + 4.753424) < 1e-5)
        #expect(abs(SpecialFunctions.log10NormalUpperTail(40) - (-349.43)) < 0.01)
    }

    @Test func wholePercentIsExactAtTheEdges() {
        #expect(WholePercent.near(1, 20))
        #expect(WholePercent.near(100, 200))
        #expect(WholePercent.near(163, 326))
        #expect(!WholePercent.near(103, 200))
        // 100·1/2000 = 0.05 exactly: on the edge, included; 0.0505 is not.
        #expect(WholePercent.near(1, 2000))
        #expect(!WholePercent.near(101, 200_000))
    }

    @Test(arguments: [(120, 0.37), (57, 0.9), (1500, 0.645)])
    func wholePercentProbabilityMatchesBruteForce(n: Int, p: Double) {
        var expected = 0.0
        for k in 0...n where WholePercent.near(k, n) {
            expected += exp(SpecialFunctions.logBinomialPMF(k: k, n: n, p: p))
        }
        #expect(abs(WholePercent.probabilityNear(n: n, p: p) - expected) < 1e-12)
    }

    @Test func exitPollProbability() throws {
        let same = ExitPoll.compare(ExitPoll.Poll(label: "a", sampleSize: 1000, share: 0.5), reported: 0.5)
        #expect(same.log10Probability > -0.1)
        let poll = try ExitPoll.Poll(parsing: "share=97,n=1200,deff=2,region=X,label=poll")
        #expect(poll.share == 0.97 && poll.sampleSize == 1200 && poll.designEffect == 2 && poll.region == "X")
        let far = ExitPoll.compare(poll, reported: 0.60)
        #expect(far.effectiveSample == 600)
        #expect(abs(far.log10Probability - (-102.17 + log10(2))) < 0.01)
        #expect(far.zScore > 15)
        #expect(throws: ForensicsError.self) { try ExitPoll.Poll(parsing: "n=10") }
    }
}
