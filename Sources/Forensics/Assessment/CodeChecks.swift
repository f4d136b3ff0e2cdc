/// The checks against the Code of Good Practice on Referendums (revised 2022, CDL-AD(2022)015).
enum CodeChecks {
    typealias Check = Assessment.Check

    static func referendumWide(_ r: Facts.Referendum) -> [Check] {
        [notice(r), stability(r), legalBasis(r), registersPublic(r), mobileVoting(r), secrecy(r), freeVoting(r),
         observation(r), publication(r)]
    }

    static func perRegion(_ region: Facts.Region) -> [Check] {
        [registerDuringVoting(region), coverage(region)]
    }

    static func notice(_ r: Facts.Referendum) -> Check {
        let asks = "The absolute minimum period between calling a referendum and polling day should be four weeks; "
            + "a considerably longer period is desirable."
        guard let announced = r.announced, let start = r.votingStart,
            let from = Facts.day(announced), let to = Facts.day(start)
        else {
            return Check(id: "notice-period", region: nil, reference: "III.9.a", asks: asks,
                         facts: "the date of calling or of the vote is unknown", verdict: .cannotDecide)
        }
        let days = to - from
        return Check(
            id: "notice-period", region: nil, reference: "III.9.a", asks: asks,
            facts: "called \(announced), voting from \(start): \(days) days (\(days >= 28 ? "at least" : "less than") 28)",
            verdict: days >= 28 ? .meets : .fails)
    }

    static func stability(_ r: Facts.Referendum) -> Check {
        let asks = "Rules of referendum law have at least the rank of a statute and are not adopted ad hoc for one "
            + "referendum; fundamental aspects are not amended to apply within a year of their enactment."
        if r.rulesAdHoc == true {
            return Check(id: "stable-rules", region: nil, reference: "II.3.a–b", asks: asks,
                         facts: "the rules were written for this vote", verdict: .fails)
        }
        if let adopted = r.rulesAdopted, let start = r.votingStart, let from = Facts.day(adopted), let to = Facts.day(start) {
            let days = to - from
            return Check(id: "stable-rules", region: nil, reference: "II.3.a–b", asks: asks,
                         facts: "rules adopted \(adopted), \(days) days before voting",
                         verdict: days >= 365 ? .meets : .fails)
        }
        return Check(id: "stable-rules", region: nil, reference: "II.3.a–b", asks: asks,
                     facts: "when and how the rules were adopted is unknown", verdict: .cannotDecide)
    }

    static func legalBasis(_ r: Facts.Referendum) -> Check {
        let asks = "The use of referendums must comply with the legal system as a whole; referendums cannot be held "
            + "if the Constitution or a statute in conformity with it does not provide for them."
        let facts: String, verdict: Assessment.Verdict
        switch r.calledUnderNationalLaw {
        case true?: (facts, verdict) = ("called under the state's constitution or statute", .meets)
        case false?: (facts, verdict) = ("not called by an authority under the law of the state whose territory it concerns", .fails)
        case nil: (facts, verdict) = ("the legal basis is unknown", .cannotDecide)
        }
        return Check(id: "legal-basis", region: nil, reference: "II.1", asks: asks, facts: facts, verdict: verdict)
    }

    static func registersPublic(_ r: Facts.Referendum) -> Check {
        let asks = "Electoral registers must be permanent, regularly updated and public, with a procedure to correct them."
        let facts: String, verdict: Assessment.Verdict
        switch r.registersPublic {
        case true?: (facts, verdict) = ("the registers were public", .meets)
        case false?: (facts, verdict) = ("the registers were not public", .fails)
        case nil: (facts, verdict) = ("no report says whether the registers were public", .cannotDecide)
        }
        return Check(id: "registers-public", region: nil, reference: "I.1.2.a–c", asks: asks, facts: facts, verdict: verdict)
    }

    static func mobileVoting(_ r: Facts.Referendum) -> Check {
        let asks = "Voters should always be able to vote in a polling station; mobile ballot boxes only under strict "
            + "conditions that avoid all risks of fraud."
        var parts: [String] = []
        if let days = r.pollingStationDays { parts.append("polling stations open \(days) day(s)") }
        if let days = r.doorToDoorDays { parts.append("door-to-door or improvised collection \(days) day(s)") }
        if r.mobileVotingGeneral == true { parts.append("mobile voting offered to everyone, not only to those who cannot come") }
        if let escort = r.armedEscortReports, !escort.isEmpty {
            parts.append("armed escorts reported: " + escort.joined(separator: "; "))
        }
        let fails = r.mobileVotingGeneral == true || !(r.armedEscortReports ?? []).isEmpty || r.pollingStationDays == 0
        let known = r.mobileVotingGeneral != nil || r.pollingStationDays != nil || r.armedEscortReports != nil
        return Check(
            id: "mobile-voting", region: nil, reference: "I.3.2.a.ii, vi", asks: asks,
            facts: parts.isEmpty ? "how ballots were collected is unknown" : parts.joined(separator: "; "),
            verdict: fails ? .fails : (known ? .meets : .cannotDecide))
    }

    static func secrecy(_ r: Facts.Referendum) -> Check {
        let asks = "Secrecy is a duty as well as a right; voting must be individual; violations must be sanctioned."
        guard let reports = r.secrecyReports else {
            return Check(id: "secrecy", region: nil, reference: "I.4", asks: asks,
                         facts: "no reports on the secrecy of the vote", verdict: .cannotDecide)
        }
        return Check(id: "secrecy", region: nil, reference: "I.4", asks: asks,
                     facts: reports.isEmpty ? "no breaches reported" : reports.joined(separator: "; "),
                     verdict: reports.isEmpty ? .meets : .fails)
    }

    static func freeVoting(_ r: Facts.Referendum) -> Check {
        let asks = "Voters must be free to form and express their wishes, protected from threats and constraints; "
            + "fundamental rights, including freedom of movement inside the country, must be respected."
        guard let reports = r.coercionReports else {
            return Check(id: "free-voting", region: nil, reference: "I.3, II.2", asks: asks,
                         facts: "no reports on pressure on voters", verdict: .cannotDecide)
        }
        return Check(id: "free-voting", region: nil, reference: "I.3, II.2", asks: asks,
                     facts: reports.isEmpty ? "no pressure reported" : reports.joined(separator: "; "),
                     verdict: reports.isEmpty ? .meets : .fails)
    }

    static func observation(_ r: Facts.Referendum) -> Check {
        let asks = "National and international observers should have the widest possible opportunity to observe, "
            + "including the count; observers appointed by both sides must be admitted during voting and counting."
        var parts: [String] = []
        if let invited = r.invitedObservers { parts.append("invited by the organiser: \(invited)") }
        switch r.recognisedObservationMission {
        case true?: parts.append("a recognised independent mission observed")
        case false?: parts.append("no recognised independent mission observed")
        case nil: break
        }
        switch r.observersFromBothSides {
        case true?: parts.append("observers of both sides admitted")
        case false?: parts.append("observers of the 'no' side not admitted")
        case nil: parts.append("whether observers of both sides were admitted is unknown")
        }
        let verdict: Assessment.Verdict =
            r.observersFromBothSides == false ? .fails : (r.observersFromBothSides == true ? .meets : .cannotDecide)
        return Check(id: "observation", region: nil, reference: "I.3.2.a.x, II.4.2", asks: asks,
                     facts: parts.joined(separator: "; "), verdict: verdict)
    }

    static func publication(_ r: Facts.Referendum) -> Check {
        let asks = "It must be possible to determine whether irregularities occurred before, during or after the "
            + "vote, including during the count; per-station results are what lets anyone check the count."
        let facts: String, verdict: Assessment.Verdict
        switch r.stationLevelResultsPublished {
        case true?: (facts, verdict) = ("counts per polling station were published", .meets)
        case false?: (facts, verdict) = ("only totals were published", .fails)
        case nil: (facts, verdict) = ("no per-station publication was found; whether it exists is unknown", .cannotDecide)
        }
        return Check(id: "results-published", region: nil, reference: "II.4.2.b, I.3.2.a.vii", asks: asks,
                     facts: facts, verdict: verdict)
    }

    static func registerDuringVoting(_ region: Facts.Region) -> Check {
        let asks = "Registration should not take place as a result of a decision taken by the polling station on "
            + "voting day (supplementary registers only for those who moved or came of age)."
        guard let growth = region.registerGrowthDuringVoting else {
            return Check(id: "register-during-voting", region: region.name, reference: "I.1.2.d", asks: asks,
                         facts: "changes to the lists during voting are unknown", verdict: .cannotDecide)
        }
        return Check(id: "register-during-voting", region: region.name, reference: "I.1.2.d", asks: asks,
                     facts: "\(format(growth)) voters added to the lists during the voting days",
                     verdict: growth > 0 ? .fails : .meets)
    }

    static func coverage(_ region: Facts.Region) -> Check {
        let asks = "Universal suffrage: every voter of the territory the question concerns can vote; a vote held "
            + "only where the organiser controls the ground leaves the others out."
        var parts: [String] = []
        if let control = region.territoryControlledPercent {
            parts.append("about \(fixed(control, 0))% of the region's territory under the organiser's control")
        }
        if let before = region.preConflictElectorate {
            parts.append("pre-conflict electorate \(format(before))")
            let register = region.registered ?? impliedRegister(region)
            if let register {
                parts.append("register \(region.registered == nil ? "implied by the announced figures" : "used") \(format(register)) (\(fixed(100 * Double(register) / Double(before), 0))% of it)")
            }
        }
        let verdict: Assessment.Verdict
        if let control = region.territoryControlledPercent {
            verdict = control < 100 ? .fails : .meets
        } else {
            verdict = .cannotDecide
        }
        return Check(id: "coverage", region: region.name, reference: "I.1.1", asks: asks,
                     facts: parts.isEmpty ? "the share of the region under control is unknown" : parts.joined(separator: "; "),
                     verdict: verdict)
    }

    /// The register implied by participants (or Yes votes and Yes share) and the announced turnout.
    static func impliedRegister(_ region: Facts.Region) -> Int? {
        guard let turnout = region.turnoutPercent, turnout > 0 else { return nil }
        if let participants = region.participants { return Int((Double(participants) * 100 / turnout).rounded()) }
        if let yes = region.yes, let share = region.yesPercent, share > 0 {
            return Int((Double(yes) * 100 / share * 100 / turnout).rounded())
        }
        return nil
    }
}
