import ArgumentParser
import Forensics
import Foundation

/// `plebiscite assess`: a referendum's reported facts against the Code of Good Practice on Referendums.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Check a referendum's reported facts against the Venice Commission's Code of Good Practice.",
        discussion: """
            FACTS is a YAML file (see Examples/assessments/2022-four-regions.yaml). Unknown facts are left \
            out or null, and the checks that need them say they cannot decide.
            """)

    @Argument(help: "Facts file (YAML).")
    var facts: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "Print the report as Markdown tables.")
    var markdown = false

    func validate() throws {
        if json && markdown { throw ValidationError("choose one of --json and --markdown") }
    }

    func run() throws {
        let report = Assessment.run(try Facts.load(path: facts), source: facts)
        if json {
            print(try report.jsonString())
        } else if markdown {
            print(report.markdown)
        } else {
            print(report.text)
        }
    }
}
