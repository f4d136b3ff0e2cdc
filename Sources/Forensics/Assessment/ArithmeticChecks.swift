/// Internal arithmetic of the announced figures: do the percentages follow from the counts?
enum ArithmeticChecks {
    typealias Check = Assessment.Check

    /// Announced percentages have two decimals; a difference up to half a unit of the last place plus
    /// the rounding of the inputs is not a discrepancy.
    static let tolerance = 0.006

    static func run(_ region: Facts.Region) -> [Check] {
        [yesShare(region), turnout(region), announcedRegister(region)]
    }

    static func yesShare(_ region: Facts.Region) -> Check {
        let asks = "The announced Yes share equals Yes votes over participants."
        guard let yes = region.yes, let reported = region.yesPercent else {
            return Check(id: "yes-share-arithmetic", region: region.name, reference: "arithmetic", asks: asks,
                         facts: "the Yes count or the Yes share is unknown", verdict: .cannotDecide)
        }
        if let participants = region.participants, participants > 0 {
            let computed = 100 * Double(yes) / Double(participants)
            let ok = abs(computed - reported) <= tolerance
            var facts = "\(format(yes)) of \(format(participants)) participants is \(fixed(computed, 2))%, announced \(fixed(reported, 2))%"
            if let no = region.no, yes + no > participants {
                facts += "; Yes + No (\(format(yes + no))) exceed the participants"
                return Check(id: "yes-share-arithmetic", region: region.name, reference: "arithmetic", asks: asks,
                             facts: facts, verdict: .fails)
            }
            return Check(id: "yes-share-arithmetic", region: region.name, reference: "arithmetic", asks: asks,
                         facts: facts, verdict: ok ? .meets : .fails)
        }
        let implied = Double(yes) * 100 / reported
        var facts = "participants not announced; \(format(yes)) Yes at \(fixed(reported, 2))% implies about \(format(Int(implied.rounded()))) participants"
        if let no = region.no {
            let invalid = implied - Double(yes) - Double(no)
            facts += ", hence about \(format(Int(invalid.rounded()))) invalid ballots (\(fixed(100 * invalid / implied, 2))%)"
                + "; Yes of Yes + No is \(fixed(100 * Double(yes) / Double(yes + no), 2))%"
            let slack = implied * tolerance / 100
            if invalid < -slack {
                return Check(id: "yes-share-arithmetic", region: region.name, reference: "arithmetic", asks: asks,
                             facts: facts + " — fewer ballots than Yes + No", verdict: .fails)
            }
        }
        return Check(id: "yes-share-arithmetic", region: region.name, reference: "arithmetic", asks: asks,
                     facts: facts, verdict: .cannotDecide)
    }

    static func turnout(_ region: Facts.Region) -> Check {
        let asks = "The announced turnout equals participants over registered voters, and is at most 100%."
        guard let participants = region.participants, let registered = region.registered, registered > 0 else {
            var facts = "participants or register unknown"
            if let implied = CodeChecks.impliedRegister(region), let turnout = region.turnoutPercent {
                facts += "; the announced \(fixed(turnout, 2))% implies a register of about \(format(implied))"
            }
            return Check(id: "turnout-arithmetic", region: region.name, reference: "arithmetic", asks: asks,
                         facts: facts, verdict: .cannotDecide)
        }
        let computed = 100 * Double(participants) / Double(registered)
        var facts = "\(format(participants)) of \(format(registered)) registered is \(fixed(computed, 2))%"
        var ok = computed <= 100
        if let reported = region.turnoutPercent {
            facts += ", announced \(fixed(reported, 2))%"
            ok = ok && abs(computed - reported) <= tolerance
        }
        return Check(id: "turnout-arithmetic", region: region.name, reference: "arithmetic", asks: asks,
                     facts: facts, verdict: ok ? .meets : .fails)
    }

    /// A register announced in round numbers before the result should roughly match the one the result implies.
    static func announcedRegister(_ region: Facts.Region) -> Check {
        let asks = "The register implied by the result agrees (within 10%) with the register size announced earlier."
        guard let approximate = region.registeredApproximate, approximate > 0,
            let implied = region.registered ?? CodeChecks.impliedRegister(region)
        else {
            return Check(id: "register-consistency", region: region.name, reference: "arithmetic", asks: asks,
                         facts: "no earlier register size, or no way to derive one from the result", verdict: .cannotDecide)
        }
        let ratio = Double(implied) / Double(approximate)
        return Check(
            id: "register-consistency", region: region.name, reference: "arithmetic", asks: asks,
            facts: "about \(format(approximate)) announced earlier; the result implies \(format(implied)) "
                + "(\(fixed(100 * (ratio - 1), 0))%)",
            verdict: abs(ratio - 1) <= 0.10 ? .meets : .fails)
    }
}
