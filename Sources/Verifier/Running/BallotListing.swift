import ElectionRecord
import Foundation

/// One ballot file to verify: its place in the record (`ordinal`, devices by name, then chain order)
/// and in its device's chain.
struct BallotWork: Sendable {
    let ordinal: Int
    let file: BallotFile
    /// Index in the device's `ballot_chain.json`, nil for a file the chain does not list (or no chain).
    let chainPosition: Int?
}

/// A device directory: its chain file, if readable, and what is wrong with it.
struct DeviceListing: Sendable {
    let name: String
    let chain: BallotChainRecord?
    /// Why `ballot_chain.json` could not be read (nil when it is absent or fine).
    let chainProblem: CheckFailure?
    /// Ballot files in the directory that the chain does not list.
    let unchainedFiles: [String]
    /// Ids the chain lists more than once.
    let repeatedIds: [String]
}

/// Every ballot file of the record, listed device by device without reading them.
struct BallotListing: Sendable {
    var work = [BallotWork]()
    var devices = [DeviceListing]()
    /// Layout problems (a loose file among the devices, a stray file in a device directory).
    var ledger = CheckLedger()

    /// Lists `encrypted_ballots/`: every device directory (sorted), each in its chain's order when it has
    /// a `ballot_chain.json` (then any file the chain does not list after it), else by file name.
    static func list(_ record: ElectionRecordDirectory) -> BallotListing {
        var listing = BallotListing()
        let top = RecordLayout.encryptedBallots
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: record.root + "/" + top) else {
            listing.ledger.fail(.v5E, CheckFailure(file: top, message: "5.E the record has no encrypted_ballots/ directory"))
            return listing
        }
        for device in entries.sorted() {
            var isDirectory: ObjCBool = false
            let path = record.root + "/" + top + "/" + device
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                listing.ledger.fail(.v5E, CheckFailure(file: top + "/" + device,
                                                       message: "5.E not a directory; every entry of encrypted_ballots/ is a device directory"))
                continue
            }
            listing.add(device: device, path: path, record: record)
        }
        return listing
    }

    private mutating func add(device: String, path: String, record: ElectionRecordDirectory) {
        var names = [String]()
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() where name != RecordLayout.ballotChain {
            if name.hasPrefix("eballot-") && name.hasSuffix(".json") {
                names.append(name)
            } else {
                ledger.fail(.v5E, CheckFailure(file: "\(RecordLayout.encryptedBallots)/\(device)/\(name)",
                                               message: "5.E a file that is not an encrypted ballot in a device directory"))
            }
        }
        var chain: BallotChainRecord?, problem: CheckFailure?
        do {
            chain = try record.ballotChain(device: device)
        } catch {
            problem = error.failure(.v7D)
        }
        var unchained = names, repeated = [String]()
        if let chain {
            var listed = Set<String>()
            var position = 0
            for id in chain.ballotIds {
                guard let file = try? BallotFile(device: device, ballotId: id) else { continue }
                guard listed.insert(file.name).inserted else {
                    repeated.append(id)
                    continue
                }
                work.append(BallotWork(ordinal: work.count, file: file, chainPosition: position))
                position += 1
            }
            unchained = names.filter { !listed.contains($0) }
        }
        for name in unchained {
            let id = String(name.dropFirst("eballot-".count).dropLast(".json".count))
            guard let file = try? BallotFile(device: device, ballotId: id) else {
                ledger.fail(.v5E, CheckFailure(file: "\(RecordLayout.encryptedBallots)/\(device)/\(name)",
                                               message: "5.E the file's name holds no ballot id"))
                continue
            }
            work.append(BallotWork(ordinal: work.count, file: file, chainPosition: nil))
        }
        devices.append(DeviceListing(name: device, chain: chain, chainProblem: problem,
                                     unchainedFiles: chain == nil ? [] : unchained, repeatedIds: repeated))
    }
}
