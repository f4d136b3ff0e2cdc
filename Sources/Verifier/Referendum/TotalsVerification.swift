import ElectionGuard
import ElectionRecord

/// R.4: each total of `totals.json` is the product of the CAST ballots' ciphertexts of its scope and
/// option, `ballots` is how many, `b_over_m` = K^value and the Chaum–Pedersen proof of its decryption
/// verifies; no station count below `minimum_cell_ballots` is published (it is in its region's
/// remainder, `CellMergeRule`); station values and the remainder add up to their region's and region
/// values to `all`; the region totals are
/// `encrypted_tally.json`'s ciphertexts and `tally.json`'s values.
enum TotalsVerification {
    static let file = "\(ReferendumRecord.directory)/\(ReferendumRecord.File.totals.rawValue)"

    static func run(_ facts: ReferendumFacts, totals: [RecordedTotal], pass: BallotPassResult, election: Election,
                    tally: DecryptedTallyOrBallot?, options verification: VerificationOptions, _ ledger: inout CheckLedger) {
        let options = facts.definition.options.map(\.id)
        let elements = DeferredElements(verification)
        var values = [String: Int]()
        for (index, total) in totals.enumerated() {
            let key = "\(total.scope)#\(total.option)"
            guard values[key] == nil else {
                ledger.fail(.r4, failure(index, "scope", "\(total.scope) \(total.option) appears twice"))
                continue
            }
            values[key] = total.value
            guard options.contains(total.option) else {
                ledger.fail(.r4, failure(index, "option", "unknown option \(total.option)"))
                continue
            }
            if let (station, region) = mergedStation(total.scope, facts) {
                let minimum = facts.definition.minimumCellBallots ?? 1
                ledger.fail(.r4, failure(index, "scope", "\(total.scope) is published, but its count is merged into remainder/\(region): "
                                         + "\(station) is among the smallest counts of \(region), whose remainder must reach \(minimum) ballots"))
                continue
            }
            guard let (expected, count) = recount(total, facts: facts, pass: pass) else {
                ledger.fail(.r4, failure(index, "scope", "unknown scope \(total.scope)"))
                continue
            }
            if let problem = check(total, at: index, expected: expected, count: count, election: election, subgroupCheck: elements.subgroupCheck) {
                ledger.fail(.r4, problem)
            } else {
                ledger.pass(.r4)
            }
        }
        // Every region and the whole must be there, and every station that counted ballots.
        var scopes = facts.definition.regions.map { "region/\($0.id)" } + ["all"]
        scopes += pass.groups.counts.keys.compactMap { $0.split(separator: "\u{1F}").first.map(String.init) }
        for scope in Set(scopes).sorted() {
            for option in options where values["\(scope)#\(option)"] == nil {
                ledger.fail(.r4, CheckFailure(file: file, message: "R.4 no total for \(scope) \(option)"))
            }
        }
        elements.check(&ledger) { _ in .r4 }
        verifySums(facts, values: values, options: options, &ledger)
        verifyAgainstTally(facts, values: values, tally: tally, &ledger)
    }

    /// The product of the CAST ballots of the total's scope and option, and their number.
    static func recount(_ total: RecordedTotal, facts: ReferendumFacts, pass: BallotPassResult) -> (ElGamalCiphertext, Int)? {
        let parts = total.scope.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        func regional(_ region: String) -> (ElGamalCiphertext, Int)? {
            guard let contest = facts.regions[region]?.contestId else { return nil }
            let key = CiphertextSums.key(contest, facts.selectionId(region: region, option: total.option))
            return (pass.aggregate[key] ?? AggregationEquations.none, pass.aggregate.counts[key] ?? 0)
        }
        switch parts.count {
        case 1 where parts[0] == "all":
            var product = AggregationEquations.none, count = 0
            for region in facts.definition.regions {
                guard let (ciphertext, ballots) = regional(region.id) else { return nil }
                product = AggregationEquations.product(product, ciphertext)
                count += ballots
            }
            return (product, count)
        case 2 where parts[0] == "region":
            return regional(parts[1])
        case 2 where parts[0] == "remainder":
            guard let contest = facts.regions[parts[1]]?.contestId else { return nil }
            let key = CiphertextSums.key(total.scope, contest, facts.selectionId(region: parts[1], option: total.option))
            return (pass.groups[key] ?? AggregationEquations.none, pass.groups.counts[key] ?? 0)
        case 3 where parts[0] == "station":
            guard let contest = facts.regions[parts[2]]?.contestId, facts.stations[parts[1]] != nil else { return nil }
            let key = CiphertextSums.key(total.scope, contest, facts.selectionId(region: parts[2], option: total.option))
            return (pass.groups[key] ?? AggregationEquations.none, pass.groups.counts[key] ?? 0)
        default:
            return nil
        }
    }

    /// The station and region of a station scope whose count the merge rule puts in its region's remainder.
    static func mergedStation(_ scope: String, _ facts: ReferendumFacts) -> (String, String)? {
        let parts = scope.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts[0] == "station", facts.merge.merged[parts[2]]?.contains(parts[1]) == true else { return nil }
        return (parts[1], parts[2])
    }

    /// What is wrong with one total, if anything.
    static func check(_ total: RecordedTotal, at index: Int, expected: ElGamalCiphertext, count: Int, election: Election,
                      subgroupCheck: SubgroupCheck) -> CheckFailure? {
        let field = RecordField(file: file, subgroupCheck: subgroupCheck)[index]
        let pad: ElementModP, data: ElementModP, power: ElementModP, challenge: ElementModQ, response: ElementModQ
        do {
            pad = try field["pad"].elementModP(total.pad)
            data = try field["data"].elementModP(total.data)
            power = try field["b_over_m"].elementModP(total.bOverM)
            challenge = try field["challenge"].elementModQ(total.challenge)
            response = try field["response"].elementModQ(total.response)
        } catch {
            return error.failure(.r4)
        }
        let name = "\(total.scope) \(total.option)"
        let ciphertext = ElGamalCiphertext(pad: pad, data: data)
        guard ciphertext == expected else { return failure(index, "pad", "\(name) is not the product of its CAST ballots") }
        guard total.ballots == count else { return failure(index, "ballots", "\(name) counts \(total.ballots) ballots, the record has \(count)") }
        guard total.value >= 0, total.value <= count else { return failure(index, "value", "\(name) value \(total.value) is not in 0...\(count)") }
        guard DecryptionEquations.isPower(power, of: total.value, jointKey: election.publicKey) else {
            return failure(index, "b_over_m", "\(name) b_over_m is not K^\(total.value)")
        }
        let proved = DecryptionEquations.selectionProofHolds(ciphertext: ciphertext, value: power, challenge: challenge, response: response,
                                                             jointKey: election.publicKey, extendedBaseHash: election.extendedBaseHash)
        return proved ? nil : failure(index, "challenge", "\(name) decryption proof does not verify")
    }

    /// Station values and the remainder add up to their region's, region values to the whole's.
    static func verifySums(_ facts: ReferendumFacts, values: [String: Int], options: [String], _ ledger: inout CheckLedger) {
        for option in options {
            var all = 0
            for region in facts.definition.regions {
                let stations = values.filter { $0.key.hasPrefix("station/") && $0.key.hasSuffix("/\(region.id)#\(option)") }
                let remainder = values["remainder/\(region.id)#\(option)"] ?? 0
                let value = values["region/\(region.id)#\(option)"] ?? 0
                all += value
                ledger.check(.r4, stations.values.reduce(0, +) + remainder == value, CheckFailure(
                    file: file, message: "R.4 the station totals and remainder of \(region.id) \(option) do not add up to the region's \(value)"))
            }
            ledger.check(.r4, values["all#\(option)"] == all, CheckFailure(
                file: file, message: "R.4 the region totals of \(option) do not add up to all's \(values["all#\(option)"] ?? 0)"))
        }
    }

    /// Region totals equal encrypted_tally.json's ciphertexts (already the CAST products, by 8.A) and tally.json's values.
    static func verifyAgainstTally(_ facts: ReferendumFacts, values: [String: Int], tally: DecryptedTallyOrBallot?,
                                   _ ledger: inout CheckLedger) {
        guard let tally else {
            return ledger.fail(.r4, CheckFailure(file: RecordLayout.tally, message: "R.4 cannot compare the totals with tally.json, which cannot be read"))
        }
        for region in facts.definition.regions {
            for option in facts.definition.options {
                let selection = facts.selectionId(region: region.id, option: option.id)
                let decrypted = tally.contests.first { $0.contestId == region.contestId }?.selections.first { $0.selectionId == selection }
                ledger.check(.r4, decrypted != nil && decrypted?.tally == values["region/\(region.id)#\(option.id)"], CheckFailure(
                    file: file, message: "R.4 region/\(region.id) \(option.id) differs from tally.json's \(region.contestId)/\(selection)"))
            }
        }
    }

    static func failure(_ index: Int, _ field: String, _ message: String) -> CheckFailure {
        CheckFailure(file: file, field: "[\(index)].\(field)", message: "R.4 " + message)
    }
}
