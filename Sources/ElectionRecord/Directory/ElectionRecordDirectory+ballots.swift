import ElectionGuard

/// One encrypted ballot's file: which device directory and which file in it.
public struct BallotFile: Sendable, Hashable, CustomStringConvertible {
    /// The device directory's name under `encrypted_ballots/`.
    public let device: String
    /// The file's name, `eballot-<ballot_id>.json`.
    public let name: String

    init(device: String, name: String) {
        self.device = device
        self.name = name
    }

    /// The file of ballot `ballotId` on `device`.
    /// - Throws: `invalidName` when either cannot name a file.
    public init(device: String, ballotId: String) throws(ElectionRecordError) {
        self.init(device: try RecordLayout.component(device),
                  name: try RecordLayout.fileName(RecordLayout.encryptedBallotPrefix, ballotId))
    }

    /// The path relative to the record's root.
    public var path: String { "\(RecordLayout.encryptedBallots)/\(device)/\(name)" }

    /// The ballot id the file name gives (spaces having become `_`), nil for a file not named `eballot-*.json`.
    public var ballotIdFromName: String? { RecordLayout.id(in: name, prefix: RecordLayout.encryptedBallotPrefix) }

    /// True when `ballot` belongs in this file: its device and id give this path.
    public func matches(_ ballot: RecordedBallot) -> Bool {
        (try? RecordLayout.encryptedBallot(device: ballot.encryptingDevice, ballotId: ballot.ballotId)) == path
    }

    /// The path relative to the record's root.
    public var description: String { path }
}

extension ElectionRecordDirectory {
    /// The names of the device directories in `encrypted_ballots/`, sorted; empty when there is none.
    /// - Throws: `invalidLayout` for an entry that is not a directory (egk reads every entry as a device).
    public func devices() throws(ElectionRecordError) -> [String] {
        guard contains(RecordLayout.encryptedBallots) else { return [] }
        var devices = [String]()
        for name in DirectoryListing(path: absolute(RecordLayout.encryptedBallots)) {
            let file = "\(RecordLayout.encryptedBallots)/\(name)"
            guard FileSystem.kind(absolute(file)) == .directory else {
                throw .invalidLayout(file: file, reason: "not a directory; egk reads every entry of encrypted_ballots/ as a device directory")
            }
            devices.append(name)
        }
        return devices.sorted()
    }

    /// The device's `ballot_chain.json`, nil when the device did not write one.
    /// - Throws: as any read, and `invalidValue` for a ballot id that cannot name a file.
    public func ballotChain(device: String) throws(ElectionRecordError) -> BallotChainRecord? {
        let file = try RecordLayout.ballotChain(device: device)
        guard contains(file) else { return nil }
        let field = RecordField(file: file)
        let json = try json(BallotChainJSON.self, file)
        for (index, id) in json.ballot_ids.enumerated() {
            do {
                _ = try RecordLayout.component(id)
            } catch {
                throw field["ballot_ids"][index].invalid(.violates(error.description))
            }
        }
        return try json.chain(at: field)
    }

    /// The device's ballot files, read lazily: in chain order when the device has a `ballot_chain.json`
    /// (egk then reads exactly those ballots), otherwise every file of the directory in the file
    /// system's order (egk reads each as a ballot). A million-ballot device is never listed at once.
    public func ballotFiles(device: String) throws(ElectionRecordError) -> BallotFiles {
        let name = try RecordLayout.component(device)
        let directory = "\(RecordLayout.encryptedBallots)/\(name)"
        guard FileSystem.kind(absolute(directory)) == .directory else { throw .missingFile(file: directory) }
        if let chain = try ballotChain(device: name) {
            return BallotFiles(device: name, source: .chain(chain.ballotIds), path: absolute(directory))
        }
        return BallotFiles(device: name, source: .listing, path: absolute(directory))
    }

    /// Every device's ballot files, device by device, lazily.
    public func allBallotFiles() throws(ElectionRecordError) -> [BallotFiles] {
        var all = [BallotFiles]()
        for device in try devices() { all.append(try ballotFiles(device: device)) }
        return all
    }

    /// The ballot in `file`, every number checked.
    /// - Parameter subgroupCheck: `.deferred` leaves the subgroup check of its elements mod p to the
    ///   collector's owner (a verifier checking them in batches); every other check is made here.
    public func ballot(_ file: BallotFile, subgroupCheck: SubgroupCheck = .each) throws(ElectionRecordError) -> RecordedBallot {
        try json(EncryptedBallotJSON.self, file.path)
            .recordedBallot(at: RecordField(file: file.path, subgroupCheck: subgroupCheck))
    }

    /// The device's ballots, each read and checked only when the sequence reaches it; a bad file is a
    /// `.failure` naming it, and the sequence goes on with the next one.
    public func ballots(device: String) throws(ElectionRecordError) -> some Sequence<Result<RecordedBallot, ElectionRecordError>> {
        try ballotFiles(device: device).lazy.map { file in Result { () throws(ElectionRecordError) in try ballot(file) } }
    }

    /// The relative paths of the decrypted challenged ballots, `challenged_ballots/dballot-*.json`, lazily.
    public func challengedBallotFiles() -> some Sequence<String> {
        files(in: RecordLayout.challengedBallots, prefix: RecordLayout.challengedBallotPrefix)
    }

    /// The decrypted challenged ballot in `file` (a path from `challengedBallotFiles`).
    public func challengedBallot(_ file: String) throws(ElectionRecordError) -> DecryptedTallyOrBallot {
        try json(DecryptedTallyOrBallotJSON.self, file).decrypted(at: RecordField(file: file))
    }

    /// The decryption of challenged ballot `ballotId`.
    public func challengedBallot(id ballotId: String) throws(ElectionRecordError) -> DecryptedTallyOrBallot {
        try challengedBallot(try RecordLayout.challengedBallot(ballotId))
    }
}

/// A device's ballot files, produced one at a time.
public struct BallotFiles: Sequence, Sendable {
    enum Source: Sendable {
        case chain([String])
        case listing
    }

    /// The device directory's name (spaces having become `_`).
    public let device: String
    let source: Source
    let path: String

    /// True when the order is the device's chain (from `ballot_chain.json`).
    public var isChainOrder: Bool {
        if case .chain = source { return true }
        return false
    }

    /// An iterator that lists or reads the chain as it goes.
    public func makeIterator() -> Iterator {
        switch source {
        case .chain(let ids): Iterator(device: device, chain: ids.makeIterator(), listing: nil)
        case .listing: Iterator(device: device, chain: nil, listing: DirectoryListing(path: path).makeIterator())
        }
    }

    /// Yields the next ballot file.
    public struct Iterator: IteratorProtocol {
        let device: String
        var chain: IndexingIterator<[String]>?
        let listing: DirectoryListing.Iterator?

        /// The next file, nil at the end.
        public mutating func next() -> BallotFile? {
            if chain != nil {
                guard let id = chain?.next() else { return nil }
                // Ids were checked when the chain was read.
                let name = (try? RecordLayout.fileName(RecordLayout.encryptedBallotPrefix, id)) ?? id
                return BallotFile(device: device, name: name)
            }
            while let name = listing?.next() {
                if name != RecordLayout.ballotChain { return BallotFile(device: device, name: name) }
            }
            return nil
        }
    }
}
