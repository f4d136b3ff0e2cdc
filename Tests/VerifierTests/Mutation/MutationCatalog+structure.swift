import ElectionRecord
import Foundation
@testable import Verifier

extension MutationCatalog {
    /// Ballots dropped and duplicated, states changed, nonces removed, chains reordered, files removed or
    /// truncated, cast_ballot_ids edited.
    mutating func structureMutations(chaining: Bool) throws -> [Mutation] {
        let ballots = try ballots()
        var mutations = [Mutation]()
        for state in ["CAST", "UNKNOWN", "SPOILED"] {
            guard let ballot = ballots.filter({ $0.state == state }).first else { continue }
            let expected: Set<CheckID> = state == "CAST" ? [.v8A, .v8C] : chaining ? [.v5E, .v7D] : [.r2]
            mutations.append(Mutation(name: "drop \(state) ballot \(ballot.file)", expected: expected) { try $0.write(ballot.file, nil) })
        }
        let devices = Set(ballots.map { $0.file.split(separator: "/")[1] }).sorted()
        if devices.count > 1, let ballot = ballots.first(where: { $0.state == "CAST" }) {
            let other = devices.first { !ballot.file.contains("/\($0)/") }!
            let name = ballot.file.split(separator: "/").last!
            mutations.append(Mutation(name: "duplicate \(ballot.file) into device \(other)", expected: [.v7H, .v7C]) { record in
                try record.write("\(RecordLayout.encryptedBallots)/\(other)/\(name)", try record.data(ballot.file))
            })
        }
        func setState(_ ballot: BallotInfo, _ state: String, _ expected: Set<CheckID>) {
            mutations.append(Mutation(name: "\(ballot.file): state \(ballot.state) -> \(state)", expected: expected) { record in
                try record.editJSON(ballot.file) { setJSON(&$0, at: [.key("state")], to: state) }
            })
        }
        if let cast = ballots.first(where: { $0.state == "CAST" }) { setState(cast, "UNKNOWN", [.v8A, .v8C]) }
        if let other = ballots.first(where: { $0.state == "UNKNOWN" }) { setState(other, "CAST", [.v8A, .v8C]) }
        if let spoiled = ballots.first(where: { $0.state == "SPOILED" }) {
            setState(spoiled, "CAST", [.v8A, .v8C, .v12C])
            if spoiled.hasNonce {
                mutations.append(Mutation(name: "\(spoiled.file): primary_nonce removed", expected: [.v12C]) { record in
                    try record.editJSON(spoiled.file) { object in
                        var dictionary = object as! [String: Any]
                        dictionary["primary_nonce"] = nil
                        object = dictionary
                    }
                })
            }
        }
        if let cast = ballots.first(where: { $0.state == "CAST" }) {
            mutations.append(Mutation(name: "truncated \(cast.file)", expected: [.v5E]) { record in
                try record.write(cast.file, try record.data(cast.file).prefix(3_000))
            })
            mutations.append(Mutation(name: "\(cast.file): a pad replaced by another subgroup element", expected: [.v5D]) { record in
                try record.editJSON(cast.file) { object in
                    let path: [JSONPathComponent] = [.key("contests"), .index(0), .key("selections"), .index(0), .key("encrypted_vote"), .key("pad")]
                    setJSON(&object, at: path[...], to: ElementModPHex.g)
                }
            })
            mutations.append(Mutation(name: "\(cast.file): the selections' ciphertexts swapped", expected: [.v5D, .v7A]) { record in
                try record.editJSON(cast.file) { object in
                    let selections: [JSONPathComponent] = [.key("contests"), .index(0), .key("selections")]
                    var array = getJSON(object, at: selections) as! [Any]
                    let first = (array[0] as! [String: Any])["encrypted_vote"]!, second = (array[1] as! [String: Any])["encrypted_vote"]!
                    var a = array[0] as! [String: Any], b = array[1] as! [String: Any]
                    a["encrypted_vote"] = second
                    b["encrypted_vote"] = first
                    array[0] = a
                    array[1] = b
                    setJSON(&object, at: selections[...], to: array)
                }
            })
        }
        let tally = RecordLayout.encryptedTally
        mutations.append(Mutation(name: "cast_ballot_ids: an id twice", expected: [.v8C]) { record in
            try record.editJSON(tally) { object in
                var ids = getJSON(object, at: [.key("cast_ballot_ids")]) as! [Any]
                ids.append(ids[0])
                setJSON(&object, at: [.key("cast_ballot_ids")], to: ids)
            }
        })
        mutations.append(Mutation(name: "cast_ballot_ids: an id dropped", expected: [.v8C]) { record in
            try record.editJSON(tally) { object in
                var ids = getJSON(object, at: [.key("cast_ballot_ids")]) as! [Any]
                ids.removeLast()
                setJSON(&object, at: [.key("cast_ballot_ids")], to: ids)
            }
        })
        mutations.append(Mutation(name: "tally.json truncated", expected: [.v9B]) { try $0.write(RecordLayout.tally, try $0.data(RecordLayout.tally).prefix(2_000)) })
        mutations.append(Mutation(name: "tally.json removed", expected: [.v9B]) { try $0.write(RecordLayout.tally, nil) })
        mutations.append(Mutation(name: "encrypted_tally.json removed", expected: [.v8A]) { try $0.write(tally, nil) })
        mutations.append(Mutation(name: "manifest.json re-serialized", expected: [.v1G]) { record in
            try record.editJSON(RecordLayout.manifest) { _ in }
        })
        mutations.append(Mutation(name: "election_initialized.json truncated", expected: [.v2C, .v3B, .v4A]) { record in
            try record.write(RecordLayout.initialized, try record.data(RecordLayout.initialized).prefix(1_500))
        })
        mutations.append(Mutation(name: "config_version v2.1.0", expected: [.v1A]) { record in
            try record.editJSON(RecordLayout.config) { setJSON(&$0, at: [.key("config_version")], to: "v2.1.0") }
        })
        if chaining {
            mutations.append(Mutation(name: "chain_confirmation_codes false", expected: [.v7D]) { record in
                try record.editJSON(RecordLayout.config) { setJSON(&$0, at: [.key("chain_confirmation_codes")], to: false) }
            })
            let chains = record.files(under: RecordLayout.encryptedBallots).filter { $0.hasSuffix(RecordLayout.ballotChain) }
            for chain in chains {
                let object = try JSONSerialization.jsonObject(with: try record.data(chain))
                let ids = getJSON(object, at: [.key("ballot_ids")]) as! [Any]
                guard ids.count >= 2 else { continue }
                mutations.append(Mutation(name: "\(chain): first two ballots swapped", expected: [.v7E]) { record in
                    try record.editJSON(chain) { setJSON(&$0, at: [.key("ballot_ids")], to: [ids[1], ids[0]] + ids.dropFirst(2)) }
                })
                mutations.append(Mutation(name: "\(chain) removed", expected: [.v7D]) { try $0.write(chain, nil) })
                break
            }
        }
        return mutations
    }
}

/// Hex of g, a valid element of Z_p^r that is not the ballot's.
enum ElementModPHex {
    static let g = "36036FED214F3B50DC566D3A312FE4131FEE1C2BCE6D02EA39B477AC05F7F885F38CFE77A7E45ACF4029114C4D7A9BFE058BF2F995D2479D3DDA618FFD910D3C4236AB2CFDD783A5016F7465CF59BBF45D24A22F130F2D04FE93B2D58BB9C1D1D27FC9A17D2AF49A779F3FFBDCA22900C14202EE6C99616034BE35CBCDD3E7BB7996ADFE534B63CCA41E21FF5DC778EBB1B86C53BFBE99987D7AEA0756237FB40922139F90A62F2AA8D9AD34DFF799E33C857A6468D001ACF3B681DB87DC4242755E2AC5A5027DB81984F033C4D178371F273DBB4FCEA1E628C23E52759BC7765728035CEA26B44C49A65666889820A45C33DD37EA4A1D00CB62305CD541BE1E8A92685A07012B1A20A746C3591A2DB3815000D2AACCFE43DC49E828C1ED7387466AFD8E4BF1935593B2A442EEC271C50AD39F733797A1EA11802A2557916534662A6B7E9A9E449A24C8CFF809E79A4D806EB681119330E6C57985E39B200B4893639FDFDEA49F76AD1ACD997EBA13657541E79EC57437E504EDA9DD011061516C643FB30D6D58AFCCD28B73FEDA29EC12B01A5EB86399A593A9D5F450DE39CB92962C5EC6925348DB54D128FD99C14B457F883EC20112A75A6A0581D3D80A3B4EF09EC86F9552FFDA1653F133AA2534983A6F31B0EE4697935A6B1EA2F75B85E7EBA151BA486094D68722B054633FEC51CA3F29B31E77E317B178B6B9D8AE0F"
}
