import Foundation
import Hummingbird
import Mustache
import Referendum

/// Renders the pages from their Mustache templates, with the words of the request's language and
/// the frame every page shares.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        let templates = [
            "head": LayoutTemplates.head, "foot": LayoutTemplates.foot, "home": HomeTemplate.text, "login": LoginTemplate.text,
            "booth": BoothTemplate.text, "tracker": TrackerTemplate.text, "results": ResultsTemplate.text,
            "observer": ObserverTemplate.text, "audit": AuditTemplate.text,
        ]
        for (name, text) in templates {
            // Our own templates, parsed once at start; any test that renders a page would catch a mistake.
            try! library.register(text, named: name)
        }
        self.library = library
    }

    /// A page: `template` rendered with `values` plus the shared ones (words, languages, titles).
    func render(_ template: String, status: HTTPResponse.Status = .ok, language: String, title: String,
                setup: ReferendumSetup?, values: [String: Any]) -> Response {
        var data = values
        data["lang"] = language
        data["t"] = Dictionary(uniqueKeysWithValues: Localization.strings(language).map { key, value in
            (key.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "_"), value)
        })
        data["languages"] = Localization.languages.map { ["code": $0, "name": Localization.names[$0] ?? $0, "current": $0 == language] }
        data["pageTitle"] = title
        data["referendumTitle"] = setup?.definition.title.text(language) ?? "Plebiscite"
        let html = library.render(data, withTemplate: template) ?? "<!DOCTYPE html><title>Plebiscite</title><p>page \(template) missing</p>"
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        // The pages load nothing from elsewhere; the observer page runs its own inline script only.
        headers[.contentSecurityPolicy] = "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self' data:"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

extension String {
    /// A confirmation code in groups of four, as a voter copies it.
    var grouped: String {
        stride(from: 0, to: count, by: 4).map { offset in
            let start = index(startIndex, offsetBy: offset)
            return String(self[start..<(index(start, offsetBy: 4, limitedBy: endIndex) ?? endIndex)])
        }.joined(separator: " ")
    }
}

/// A share as a percentage with two decimals, or a dash.
func percent(_ share: Double?) -> String {
    guard let share else { return "–" }
    return String(format: "%.2f%%", share * 100)
}
