import Foundation
import Hummingbird
import Referendum
import ZIPFoundation

/// The published record on this server's disk: the directory `plebiscite publish` would write, and a
/// zip of it to download. Only the process that published has it.
struct RecordFiles: Sendable {
    /// The record directory.
    let directory: String

    var zipPath: String { directory + ".zip" }

    /// Publishes the certified referendum to the directory and packs the zip (certified -> published).
    func publish(_ engine: ReferendumEngine) async throws -> RecordPublisher.Summary {
        let parent = (directory as NSString).deletingLastPathComponent
        if !parent.isEmpty { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
        let summary = try await RecordPublisher.publish(engine, to: directory, replacing: true)
        try pack()
        return summary
    }

    /// Zips the directory, replacing an older zip.
    func pack() throws {
        let staging = zipPath + ".partial"
        try? FileManager.default.removeItem(atPath: staging)
        try FileManager.default.zipItem(at: URL(fileURLWithPath: directory), to: URL(fileURLWithPath: staging),
                                        shouldKeepParent: false, compressionMethod: .deflate)
        if FileManager.default.fileExists(atPath: zipPath) {
            _ = try FileManager.default.replaceItemAt(URL(fileURLWithPath: zipPath), withItemAt: URL(fileURLWithPath: staging))
        } else {
            try FileManager.default.moveItem(atPath: staging, toPath: zipPath)
        }
    }

    /// The record's files with their sizes, or `published: false`.
    func listing() throws -> Listing {
        guard FileManager.default.fileExists(atPath: zipPath),
              let enumerator = FileManager.default.enumerator(atPath: directory) else {
            return Listing(published: false, download: nil, files: [])
        }
        var files = [Listing.File]()
        while let path = enumerator.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/" + path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            files.append(.init(path: path, bytes: (attributes[.size] as? Int) ?? 0))
        }
        return Listing(published: true, download: "/record.zip", files: files.sorted { $0.path < $1.path })
    }

    /// The zip as a response body.
    func download(context: some RequestContext) async throws -> Response {
        guard FileManager.default.fileExists(atPath: zipPath) else {
            throw APIError(.notFound, "the record is not published yet (or was published by another server process)", reason: "not-published")
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/zip"
        headers[.contentDisposition] = "attachment; filename=\"record.zip\""
        return Response(status: .ok, headers: headers, body: try await FileIO().loadFile(path: zipPath, context: context))
    }

    struct Listing: Encodable, Sendable {
        struct File: Encodable, Sendable {
            let path: String
            let bytes: Int
        }

        let published: Bool
        let download: String?
        let files: [File]
    }
}
