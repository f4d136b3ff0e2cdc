/// What each method assumes and where it misleads; printed with every report.
public struct MethodNote: Codable, Equatable, Sendable {
    /// Method name as the report's sections use it.
    public var method: String
    /// Where the method comes from.
    public var reference: String
    /// What a reader must know before trusting the number.
    public var caveats: [String]

    /// The notes for all methods, in report order.
    public static let all: [MethodNote] = [
        MethodNote(
            method: "Integer percentages",
            reference: "D. Kobak, S. Shpilkin, M. S. Pshenichnikov, Integer percentages as electoral falsification "
                + "fingerprints, Annals of Applied Statistics 10(1), 2016",
            caveats: [
                "Stations with fewer than 100 registered voters or a turnout or leader share above 99% are left out, "
                    + "as in the paper; turnout is ballots issued over registered voters, the share is of ballots cast.",
                "The null redraws each station's counts from its own rates (binomial). No honest mechanism is known "
                    + "that makes whole percents more common at stations of 100 voters or more, which is why an "
                    + "excess points to numbers written to order.",
                "An excess shows that some protocols were written to hit round numbers; it counts stations, not "
                    + "votes, and says nothing about stations whose numbers were changed to non-round values.",
                "Small stations have few possible ratios, so some are whole percents by arithmetic; the binomial "
                    + "null includes this exactly.",
            ]),
        MethodNote(
            method: "Fingerprint and fraud model",
            reference: "P. Klimek, Y. Yegorov, R. Hanel, S. Thurner, Statistical detection of systematic election "
                + "irregularities, PNAS 109(41), 2012",
            caveats: [
                "The fair distribution is read off the data: a normal fitted to the peak of turnout and of share "
                    + "(mostly its lower side), where fraud (which moves stations up) changes least. Honest correlation of "
                    + "turnout and support (e.g. rural regions high in both), or a country made of very different "
                    + "regions, looks like fraud to this model.",
                "fi and fe are shares of stations in a stylised model, not counts of stolen votes: a weighted "
                    + "least-squares match of the histograms over a grid of σx (0.1–0.5) and α (1–3). Small-intensity "
                    + "fraud (σx ≈ 0.1) on many stations looks like a wider fair peak, and fi is then underestimated; "
                    + "Mebane and others criticise the estimator. Read the numbers as a description of the shape.",
                "The fair part's peak is the clean core's (shared with Shpilkin's estimate). A fit is reported as "
                    + "failed, not as numbers, when its fair part lies outside 0–100%, has a spread wider than 20 points "
                    + "of turnout or 25 of share, puts 99% or more of the stations into fraud, or claims 10% or more of "
                    + "fraud while improving on the fair model's distance by less than 5%.",
                "'Detected' comes from a separate, exact test: turnout and share are dependent in their upper "
                    + "tails (the fair model says independent), judged against shuffles of the shares between "
                    + "stations at the 1% level. It tests the shape of the whole election, not any single station.",
            ]),
        MethodNote(
            method: "Shpilkin's anomalous votes",
            reference: "S. Shpilkin's analyses of Russian elections (2009–2024), as summarised in Kobak et al. 2016",
            caveats: [
                "Assumes the leader's share would not rise with turnout in a clean election and that the other "
                    + "options' votes are honest; genuine correlation (e.g. regions where both are high) is counted "
                    + "as anomalous, so the estimate is an upper-side figure for the shape, not a court finding.",
                "Choices: 1-point turnout bins; the core is every station up to the mode of the clean turnout hump "
                    + "(the lowest hump of the voter-weighted turnout histogram, or a higher one that keeps its others' "
                    + "fraction of ballots), which need not be the global mode: where falsified stations outnumber clean "
                    + "ones the tallest peak is the falsified one. Anomalous votes are the leader's votes above the core's "
                    + "ratio to other ballots, bin by bin.",
                "Others' votes are taken as honest. Where protocols were rewritten (others' votes cut as well as leader "
                    + "votes added) the estimate overstates the added votes by the core's ratio times the votes cut; a "
                    + "clean hump holding under 5% of the voters is not found, and the global mode is used instead.",
                "Per region, a region with at least 100 stations is measured against its own clean core when its lowest "
                    + "hump lies within 10 points of the national core; a region whose every station moved up (no such "
                    + "hump) is measured against the national core.",
            ]),
        MethodNote(
            method: "Digit tests",
            reference: "B. Beber, A. Scacco, What the numbers say, Political Analysis 20(2), 2012; W. Mebane, "
                + "second-digit Benford tests (2BL); J. Deckert, M. Myagkov, P. Ordeshook, Political Analysis 19(3), 2011",
            caveats: [
                "Last digits are uniform only for counts well above 100; smaller counts are left out.",
                "Benford's law is not a law of vote counts: clean elections often fail 2BL, and falsified ones pass. "
                    + "Deckert et al. show the test can be wrong both ways; report it, do not lean on it.",
                "With tens of thousands of counts, tiny harmless deviations become 'significant'; look at the size of "
                    + "the deviation, not only the p-value.",
            ]),
        MethodNote(
            method: "Protocol arithmetic",
            reference: "the protocol form's own identities",
            caveats: [
                "Differences between ballots issued and ballots found are normal in small numbers (voters leave "
                    + "with the ballot); what matters is how many stations and how large.",
                "A protocol that adds up can still be false: these checks find careless falsification only.",
            ]),
        MethodNote(
            method: "Mobile boxes",
            reference: "Code of Good Practice on Referendums I.3.2.a.vi: mobile boxes only under strict conditions",
            caveats: [
                "A high mobile share can be honest (care homes, hospitals, remote villages); an outlier is a place "
                    + "to look, not a finding.",
            ]),
        MethodNote(
            method: "Exit poll",
            reference: "binomial sampling of respondents",
            caveats: [
                "Treats the poll as a random sample of voters; refusals, shy voters and clustered sampling make "
                    + "real polls less precise. Give the design effect (deff=) when known; without it the "
                    + "probability is too small.",
            ]),
    ]
}
