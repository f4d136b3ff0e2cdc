import ElectionGuard
import ElectionRecord

/// Verification 7.C–7.H over all ballots: no two confirmation codes alike (7.C), no two ballot ids
/// alike (7.H), and, when devices chain their codes, each device's chain (7.D–7.G): its
/// `ballot_chain.json` lists exactly the device's ballots, its `baux0` is H₀ = H(H_E; 0x24, B_aux,0)
/// as egk writes it (or the configured B_aux,0 itself, as Plebiscite wrote before; no hash binds the
/// field and egk's own verifier does not read it); the first
/// ballot's B_aux is H(H_E; 0x24, B_aux,0) and each later one the previous code followed by B_aux,0;
/// the chain's last code and closing hash H(H_E; 0x24, last code ‖ B_aux,0 ‖ "CLOSE") match
/// (docs/electionguard-2.0-encodings.md §5.6; the equations in `ConfirmationCodeEquations`).
enum BallotChainVerification {
    static func run(_ context: VerificationContext, _ pass: BallotPassResult, _ ledger: inout CheckLedger) {
        var codes = [UInt256: String](), ids = [String: String]()
        for summary in pass.summaries {
            let path = summary.file.path
            if let code = summary.confirmationCode {
                if let other = codes[code] {
                    ledger.fail(.v7C, CheckFailure(file: path, field: "confirmation_code",
                                                   message: "7.C confirmation code also on \(other)"), ordinal: summary.ordinal)
                } else {
                    codes[code] = path
                    ledger.pass(.v7C)
                }
            }
            if let id = summary.ballotId {
                if let other = ids[id] {
                    ledger.fail(.v7H, CheckFailure(file: path, field: "ballot_id", message: "7.H ballot id \(id) also in \(other)"),
                                ordinal: summary.ordinal)
                } else {
                    ids[id] = path
                    ledger.pass(.v7H)
                }
            }
        }
        guard let config = context.config else {
            ledger.cannotCheck([.v7D, .v7E, .v7F, .v7G], because: context.configProblem!)
            return
        }
        guard config.chainConfirmationCodes else {
            for id in [CheckID.v7D, .v7E, .v7F, .v7G] { ledger.skip(id, "chain_confirmation_codes is false") }
            // A device that did chain while the configuration says no: the flag is bound by no hash.
            for device in pass.deviceListings where device.chain?.chaining == true {
                ledger.fail(.v7D, CheckFailure(file: RecordLayout.config, field: "chain_confirmation_codes",
                                               message: "7.D chain_confirmation_codes is false, but device \(device.name) chained its codes"))
            }
            return
        }
        guard let extendedBaseHash = context.extendedBaseHash else {
            ledger.cannotCheck([.v7D, .v7E, .v7F, .v7G], because: context.keyProblem!)
            return
        }
        let byDevice = Dictionary(grouping: pass.summaries, by: \.file.device)
        for device in pass.deviceListings {
            verify(device, ballots: byDevice[device.name] ?? [], baux0: config.baux0, extendedBaseHash: extendedBaseHash, &ledger)
        }
    }

    private static func verify(_ device: DeviceListing, ballots: [BallotSummary], baux0: [UInt8], extendedBaseHash: UInt256,
                               _ ledger: inout CheckLedger) {
        let file = (try? RecordLayout.ballotChain(device: device.name)) ?? device.name
        let ordinal = ballots.map(\.ordinal).min() ?? 0
        func fail(_ id: CheckID, _ field: String, _ message: String, at position: Int = ordinal) {
            ledger.fail(id, CheckFailure(file: file, field: field, message: "\(id.rawValue) \(message)"), ordinal: position)
        }
        if let problem = device.chainProblem {
            ledger.fail(.v7D, problem, ordinal: ordinal)
            return
        }
        guard let chain = device.chain else { return fail(.v7D, "", "device \(device.name) has no ballot_chain.json") }
        var chainIsSound = true
        if chain.encryptingDevice != device.name {
            fail(.v7D, "encrypting_device", "the chain names device \(chain.encryptingDevice), its directory is \(device.name)")
            chainIsSound = false
        }
        let head = ConfirmationCodeEquations.chainHead(extendedBaseHash: extendedBaseHash, baux0: baux0).bytes
        if chain.baux0 != head && chain.baux0 != baux0 {
            fail(.v7D, "baux0", "baux0 is neither H(H_E; 0x24, B_aux,0) (egk) nor election_config.json's B_aux,0")
            chainIsSound = false
        }
        if !chain.chaining {
            fail(.v7D, "chaining", "the chain is marked as not chained, but the election chains confirmation codes")
            chainIsSound = false
        }
        if let name = device.unchainedFiles.first {
            fail(.v7D, "ballot_ids", "\(device.unchainedFiles.count) ballot file(s) of the device are not in its chain, e.g. \(name)")
            chainIsSound = false
        }
        if let id = device.repeatedIds.first {
            fail(.v7D, "ballot_ids", "ballot \(id) appears more than once in the chain")
            chainIsSound = false
        }
        if chainIsSound { ledger.pass(.v7D) }

        var previous: UInt256?
        let chained = ballots.filter { $0.chainPosition != nil }.sorted { $0.chainPosition! < $1.chainPosition! }
        for (position, ballot) in chained.enumerated() {
            guard let codeBaux = ballot.codeBaux, let code = ballot.confirmationCode else {
                ledger.fail(.v7E, CheckFailure(file: ballot.file.path, field: "code_baux",
                                               message: "7.E ballot \(position + 1) of the chain cannot be read"), ordinal: ballot.ordinal)
                return
            }
            let expected = ConfirmationCodeEquations.chainedBaux(previousCode: previous, extendedBaseHash: extendedBaseHash, baux0: baux0)
            ledger.check(.v7E, codeBaux == expected, ordinal: ballot.ordinal, CheckFailure(
                file: ballot.file.path, field: "code_baux",
                message: position == 0 ? "7.E first ballot of the chain: B_aux is not H(H_E; 0x24, B_aux,0)"
                                       : "7.E B_aux is not the previous ballot's confirmation code followed by B_aux,0"))
            previous = code
        }
        if let last = chained.last?.confirmationCode {
            ledger.check(.v7F, chain.lastConfirmationCode == last, CheckFailure(
                file: file, field: "last_confirmation_code", message: "7.F the chain's last code is not the last ballot's confirmation code"))
        } else {
            ledger.check(.v7F, chained.isEmpty && ballots.isEmpty, CheckFailure(
                file: file, field: "last_confirmation_code", message: "7.F the chain's last ballot cannot be read"))
        }
        guard let closing = chain.closingHash else { return fail(.v7G, "closing_hash", "the chain is not closed") }
        let closed = ConfirmationCodeEquations.closingHash(lastCode: chain.lastConfirmationCode, extendedBaseHash: extendedBaseHash, baux0: baux0)
        ledger.check(.v7G, closing == closed, CheckFailure(
            file: file, field: "closing_hash", message: "7.G closing hash is not H(H_E; 0x24, last code ‖ B_aux,0 ‖ \"CLOSE\")"))
    }
}
