import Foundation

/// The small referendum of the engine, storage and server tests: two regions, a regional station each
/// (A-1 with a mobile box), an external station for both, three guardians with quorum 2; voting 1–3
/// September 2026 (Kyiv time); texts in English, Ukrainian and Russian; six voters. Every station's
/// count is published (`minimum_cell_ballots: 1`), so the tests can check each; `mergingYAML` keeps
/// the default of 10, so every count is merged.
public enum SmallReferendumText {
    public static let yaml = """
        id: small
        title: {en: Small referendum, uk: Малий референдум, ru: Малый референдум}
        question: {en: Yes or no?, uk: Так чи ні?, ru: Да или нет?}
        options:
          - {id: "yes", text: {en: "Yes", uk: "Так", ru: "Да"}}
          - {id: "no", text: {en: "No", uk: "Ні", ru: "Нет"}}
        regions:
          - {id: alpha, name: {en: Alpha, uk: Альфа, ru: Альфа}, time_zone: Europe/Kyiv, pre_conflict_electorate: 20}
          - {id: beta, name: {en: Beta, uk: Бета, ru: Бета}, time_zone: Europe/Kyiv}
        stations:
          - {id: A-1, kind: regional, serves: [alpha], location: "Alpha school"}
          - {id: A-1-M, kind: mobile, parent: A-1, serves: [alpha], location: "Mobile box of A-1"}
          - {id: B-1, kind: regional, serves: [beta], location: "Beta hall"}
          - {id: EXT, kind: external, serves: [alpha, beta], location: "Elsewhere"}
        schedule:
          announced: 2026-08-01T12:00:00+03:00
          voting:
            - {region: alpha, opens: 2026-09-01T08:00:00+03:00, closes: 2026-09-03T20:00:00+03:00}
            - {region: beta, opens: 2026-09-01T08:00:00+03:00, closes: 2026-09-03T20:00:00+03:00}
        guardians: {count: 3, quorum: 2}
        revote_rule: station-over-mobile-then-latest
        minimum_cell_ballots: 1
        """

    /// The same referendum with the default threshold for station counts (10).
    public static var mergingYAML: String { yaml.replacingOccurrences(of: "\nminimum_cell_ballots: 1", with: "") }

    public static let register = """
        voter_id,home_region,displaced,home_station
        a1,alpha,no,A-1
        a2,alpha,no,A-1
        a3,alpha,yes,
        a4,alpha,no,
        b1,beta,no,B-1
        b2,beta,yes,
        """

    public static let beforeVoting = date("2026-08-20T10:00:00+03:00")
    public static let duringVoting = date("2026-09-02T10:00:00+03:00")
    public static let afterVoting = date("2026-09-04T10:00:00+03:00")

    public static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }
}
