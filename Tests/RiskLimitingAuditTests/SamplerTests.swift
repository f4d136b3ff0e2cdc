import Testing

@testable import RiskLimitingAudit

/// Arlo's seed in server/tests/audit_math (test_sampler.py, test_bravo.py, test_macro.py).
let arloSeed = "12345678901234567890abcdefghijklmnopqrstuvwxyz😊"

@Suite("Consistent sampler: known answers from consistent_sampler's doctests and Arlo's snapshots")
struct SamplerKnownAnswerTests {
    // consistent_sampler.py doctests (the package Arlo's draw_sample calls).
    @Test func sha256UniformOfAbc() {
        #expect(TicketNumber.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "sha256_hex('abc')")
        #expect(TicketNumber.uniform("abc") == "0.56998071861792858926477341561059638840106636224182943832566300809078486324348", "sha256_uniform('abc')")
    }

    @Test func firstFractionForADiceSeed() {
        let ticket = TicketNumber.first(idText: "AB-130", seedHash: TicketNumber.sha256Hex("01382438112797316654"))
        #expect(ticket == "0.26299714122838008416507544297546663599715395525154425586041245287750224561854", "first_fraction('AB-130', '01382438112797316654')")
        #expect(TicketNumber.next(after: ticket) == "0.8232357229934205790595761924514048157652891124687533667363938813600770093316", "next_ticket of AB-130")
    }

    @Test func nextFraction() {
        #expect(TicketNumber.next(after: "0.25471") == "0.642853261655004694691182528114375607701032283189922170593838029306715548381901", "next_fraction('0.25471')")
        #expect(TicketNumber.next(after: "0.234") == "0.547830802749402616364646686795722512609112766306951592422621788875312684400211", "draw_with_replacement doctest: next after 0.234")
    }

    @Test func trim() {
        #expect(TicketNumber.trim("0.9991234567890", digits: 4) == "0.9991234", "trim('0.9991234567890', 4)")
    }

    @Test func ticketHeapExample() {
        let seedHash = TicketNumber.sha256Hex("xy()134!g2n")
        let expected = [
            "cat": "0.24866413894129579898796850445568128508290132707747976039848637531569373309555",
            "dog": "0.33886035615681875183111698317327684455682722683976874746986356932751818935066",
            "fish": "0.74685932088827950509145941729789143204056041958068799542050396198792954500593",
            "goat": "0.49599842072022713663423753308080171636735689997237236247068925068573448764387",
        ]
        for (id, ticket) in expected {
            #expect(TicketNumber.first(idText: id, seedHash: seedHash) == ticket, "make_ticket_heap doctest, id \(id)")
        }
    }

    /// The sampler's own doctests, with plain string ids and the integer seed 314159.
    @Test func samplerDoctests() {
        let seedHash = TicketNumber.sha256Hex("314159")
        let withoutReplacement = ["ab-1", "ab-2", "cd-1", "ef-3"]
            .map { (TicketNumber.first(idText: $0, seedHash: seedHash), $0) }
            .sorted { TicketNumber.precedes($0.0, $1.0) }
            .map { (TicketNumber.trim($0.0, digits: 9), $0.1) }
        #expect(withoutReplacement.map(\.0) == ["0.317685817", "0.832984519", "0.9098039269", "0.9231549043"], "sampler doctest tickets")
        #expect(withoutReplacement.map(\.1) == ["cd-1", "ef-3", "ab-1", "ab-2"], "sampler doctest order")

        var basket = ["A#2", "B#7", "C#1", "D#4"].map { (TicketNumber.first(idText: $0, seedHash: seedHash), $0) }
        var drawn = [String]()
        for _ in 0..<8 {
            basket.sort { TicketNumber.precedes($0.0, $1.0) }
            let (ticket, id) = basket.removeFirst()
            drawn.append(id)
            basket.append((TicketNumber.next(after: ticket), id))
        }
        #expect(drawn == ["D#4", "C#1", "C#1", "B#7", "A#2", "C#1", "D#4", "B#7"], "sampler doctest with replacement, take=8")
    }

    static let manifest = try! BallotManifest(batches: (1...4).map { .init(name: "pct \($0)", ballots: 25) })

    /// server/tests/audit_math/snapshots/snap_test_sampler.py, "test_draw_sample 1": 20 draws
    /// with replacement from four precincts of 25 ballots, digits=18.
    static let arloDrawSample: [(String, String, Int, Int)] = [
        ("0.000617786129909912", "pct 2", 3, 1), ("0.002991631653037245", "pct 3", 24, 1),
        ("0.012057030610635061", "pct 1", 25, 1), ("0.017930028930651931", "pct 4", 19, 1),
        ("0.025599454926985137", "pct 3", 15, 1), ("0.045351055354441163", "pct 1", 7, 1),
        ("0.063913979803461405", "pct 1", 8, 1), ("0.064553852798863609", "pct 1", 22, 1),
        ("0.078998835671540970", "pct 1", 20, 1), ("0.090240829778172783", "pct 3", 12, 1),
        ("0.096136506157297637", "pct 1", 20, 2), ("0.104280162683637014", "pct 4", 17, 1),
        ("0.108948480696023984", "pct 1", 25, 2), ("0.111195681310332785", "pct 1", 4, 1),
        ("0.114438612046531251", "pct 4", 3, 1), ("0.130457464320709301", "pct 2", 1, 1),
        ("0.133484785501449819", "pct 1", 12, 1), ("0.134519219670087860", "pct 3", 20, 1),
        ("0.135840440920085144", "pct 3", 10, 1), ("0.138772253094235762", "pct 4", 20, 1),
    ]

    @Test func arloDrawSampleByteForByte() throws {
        let sampler = try BallotSampler(seed: arloSeed, manifest: Self.manifest, withReplacement: true)
        let sample = try sampler.draw(count: 20)
        #expect(sample.count == 20, "test_draw_sample 1: size")
        for (k, (draw, expected)) in zip(sample, Self.arloDrawSample).enumerated() {
            #expect(draw.ticket == expected.0, "test_draw_sample 1, draw \(k + 1): ticket")
            #expect(draw.ballot == BallotPosition(batch: expected.1, position: expected.2), "test_draw_sample 1, draw \(k + 1): ballot")
            #expect(draw.generation == expected.3, "test_draw_sample 1, draw \(k + 1): generation")
        }
    }

    /// "test_draw_more_samples 1" and "2": two rounds of 10; the second continues the first.
    @Test func arloDrawMoreSamplesContinuesTheStream() throws {
        let sampler = try BallotSampler(seed: arloSeed, manifest: Self.manifest, withReplacement: true)
        let first = try sampler.draw(count: 10)
        let second = try sampler.draw(count: 10, alreadyDrawn: 10)
        #expect(first.map(\.ticket) == Self.arloDrawSample[0..<10].map(\.0), "test_draw_more_samples 1")
        #expect(second.map(\.ticket) == Self.arloDrawSample[10..<20].map(\.0), "test_draw_more_samples 2")
    }

    /// Without replacement the stream is the same tickets, second generations left out.
    @Test func withoutReplacementIsTheFirstGenerations() throws {
        let sampler = try BallotSampler(seed: arloSeed, manifest: Self.manifest, withReplacement: false)
        let sample = try sampler.draw(count: 18)
        let expected = Self.arloDrawSample.filter { $0.3 == 1 }
        #expect(sample.map(\.ticket) == expected.map(\.0), "test_draw_sample 1 without its second generations")
        #expect(Set(sample.map(\.ballot)).count == 18, "no ballot twice")
    }

    /// Arlo's PPEB snapshots pick batches with NumPy (not reproduced), but their ticket numbers are
    /// consistent_sampler's: the first for a batch key ('Jx 1', 'pct 1'), the next after the
    /// trimmed previous one. "test_draw_macro_full_hand_tally 1" and "test_draw_macro_sample 1".
    @Test func arloBatchTicketNumbers() {
        let seedHash = TicketNumber.sha256Hex(arloSeed)
        let first = ["pct 1": "0.370405751560609643", "pct 2": "0.847430249189970028", "pct 3": "0.851346057402501613", "pct 4": "0.328034953571610594"]
        for (batch, ticket) in first {
            #expect(TicketNumber.trim(TicketNumber.first(idText: "('Jx 1', '\(batch)')", seedHash: seedHash)) == ticket, "test_draw_macro_full_hand_tally 1, \(batch)")
        }
        let pct8 = TicketNumber.trim(TicketNumber.first(idText: "('Jx 1', 'pct 8')", seedHash: seedHash))
        #expect(pct8 == "0.642074320588256264", "test_draw_macro_sample 1, draw 1 (pct 8)")
        let again = TicketNumber.trim(TicketNumber.next(after: pct8))
        #expect(again == "0.697435332323894639", "test_draw_macro_sample 1, draw 3 (pct 8 again)")
        #expect(TicketNumber.trim(TicketNumber.next(after: again)) == "0.878526714305113154", "test_draw_macro_sample 1, draw 9 (pct 8 a third time)")
    }

    @Test func pythonIdText() {
        #expect(BallotPosition(batch: "pct 2", position: 3).idText == "('pct 2', 3)")
    }
}

@Suite("Samplers: properties")
struct SamplerPropertyTests {
    let manifest = try! BallotManifest(batches: [.init(name: "Station 1", ballots: 40), .init(name: "Station 2", ballots: 0), .init(name: "Station 3", ballots: 25)])

    @Test func sameSeedSameSampleDifferentSeedDifferentSample() throws {
        let a = try BallotSampler(seed: "84629174650193847561", manifest: manifest, withReplacement: false).draw(count: 15)
        let b = try BallotSampler(seed: "84629174650193847561", manifest: manifest, withReplacement: false).draw(count: 15)
        let c = try BallotSampler(seed: "84629174650193847562", manifest: manifest, withReplacement: false).draw(count: 15)
        #expect(a == b, "same seed, same sample")
        #expect(a.map(\.ballot) != c.map(\.ballot), "different seed, different sample")
    }

    @Test func roundsExtendTheSample() throws {
        for replacement in [false, true] {
            let sampler = try BallotSampler(seed: "31415926535897932384", manifest: manifest, withReplacement: replacement)
            let whole = try sampler.draw(count: 30)
            let parts = try sampler.draw(count: 12) + sampler.draw(count: 10, alreadyDrawn: 12) + sampler.draw(count: 8, alreadyDrawn: 22)
            #expect(whole == parts, "rounds 12+10+8 equal one draw of 30, replacement \(replacement)")
        }
    }

    @Test func withoutReplacementDrawsEveryBallotOnce() throws {
        let all = try BallotSampler(seed: "1", manifest: manifest, withReplacement: false).draw(count: 65)
        #expect(Set(all.map(\.ballot)).count == 65)
        #expect(throws: AuditError.self) { try BallotSampler(seed: "1", manifest: manifest, withReplacement: false).draw(count: 66) }
    }

    @Test func batchDrawsAreReproducibleAndExtend() throws {
        let sampler = try BatchSampler(seed: "20 dice 48213", weights: [("A", 1), ("B", 0), ("C", 3)])
        let whole = try sampler.draw(count: 40)
        #expect(whole == (try sampler.draw(count: 25) + sampler.draw(count: 15, alreadyDrawn: 25)), "rounds extend")
        #expect(whole.map(\.draw) == Array(1...40))
        #expect(!whole.contains { $0.batch == "B" }, "a batch with no error bound is never drawn")
        let other = try BatchSampler(seed: "20 dice 48214", weights: [("A", 1), ("B", 0), ("C", 3)]).draw(count: 40)
        #expect(other.map(\.batch) != whole.map(\.batch), "different seed, different draws")
    }

    /// The exact bytes: draw 1 of seed "abc" is SHA-256("<sha256 hex of abc>,ppeb,1").
    @Test func batchDrawBytes() {
        let hash = TicketNumber.sha256Hex("abc")
        let x = BatchSampler.uniform(seedHash: hash, draw: 1)
        let hex = TicketNumber.sha256Hex(hash + ",ppeb,1")
        let top = UInt64(hex.prefix(16), radix: 16)! >> 11
        #expect(x == Double(top) / 9_007_199_254_740_992)
    }

    @Test func ppebFrequenciesTrackErrorBounds() throws {
        let weights: [(batch: String, weight: Double)] = [("small", 0.02), ("medium", 0.05), ("large", 0.13)]
        let draws = try BatchSampler(seed: "frequency check", weights: weights).draw(count: 20_000)
        let total = weights.reduce(0) { $0 + $1.weight }
        for entry in weights {
            let share = Double(draws.filter { $0.batch == entry.batch }.count) / 20_000
            let expected = entry.weight / total
            // Five standard errors of a binomial share.
            let slack = 5 * (expected * (1 - expected) / 20_000).squareRoot()
            #expect(abs(share - expected) < slack, "PPEB share of \(entry.batch): \(share), expected \(expected)")
        }
    }
}
