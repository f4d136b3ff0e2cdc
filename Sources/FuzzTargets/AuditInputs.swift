import Forensics

/// Station-level results under `plebiscite audit`: the CSV scanner and the mapping through a profile.
enum AuditInputs {
    /// The columns of Tests/ForensicsTests/Fixtures/small-referendum.csv, the seed's header.
    static let profile: ColumnProfile? = try? ColumnProfile.decode(yaml: """
        name: fuzz
        columns:
          region: region
          station: station
          registered: "Registered, total"
          issued: ["Issued early", "Issued on the day"]
          found: Found
          mobile: Mobile
          valid: Valid
          invalid: Invalid
        options:
          - {name: "Yes", column: "Yes"}
          - {name: "No", column: "No"}
        leader: "Yes"
        """)

    /// The first byte picks strict or skipping mode and the delimiter; the rest is the file.
    static func csv(_ bytes: [UInt8]) {
        guard var profile, let selector = bytes.first else { return }
        profile.source.delimiter = selector & 2 == 0 ? "," : ";"
        _ = try? StationResults.parse(csv: Array(bytes.dropFirst()), path: "fuzz.csv", profile: profile, skipBadRows: selector & 1 == 1)
    }
}
