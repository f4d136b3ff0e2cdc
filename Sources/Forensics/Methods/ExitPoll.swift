import Foundation

/// Test 7: an exit poll against the announced result. If the poll were a simple random sample of the
/// voters and the announced share were true, how likely is a poll at least as far from it as this one?
public enum ExitPoll {
    /// A published exit poll.
    public struct Poll: Codable, Equatable, Sendable {
        /// Label (pollster, region).
        public var label: String
        /// Respondents.
        public var sampleSize: Int
        /// The option's share in the poll, 0…1.
        public var share: Double
        /// Design effect of clustered sampling (variance over that of a simple random sample); 1 if
        /// unknown, which overstates the evidence.
        public var designEffect: Double
        /// Region the poll covers; the whole election when nil.
        public var region: String?

        /// Creates a poll.
        public init(label: String, sampleSize: Int, share: Double, designEffect: Double = 1, region: String? = nil) {
            self.label = label
            self.sampleSize = sampleSize
            self.share = share
            self.designEffect = designEffect
            self.region = region
        }

        /// Parses `share=0.62,n=1200[,deff=2][,region=...][,label=...]` as given on the command line.
        public init(parsing text: String) throws {
            var values: [String: String] = [:]
            for part in text.split(separator: ",") {
                let pair = part.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                guard pair.count == 2 else {
                    throw ForensicsError.invalidArgument(option: "--exit-poll", reason: "'\(part)' is not key=value")
                }
                values[pair[0]] = pair[1]
            }
            guard let shareText = values["share"], var share = Double(shareText) else {
                throw ForensicsError.invalidArgument(option: "--exit-poll", reason: "share= is required (0…1 or percent)")
            }
            if share > 1 { share /= 100 }
            guard let nText = values["n"], let n = Int(nText), n > 0 else {
                throw ForensicsError.invalidArgument(option: "--exit-poll", reason: "n= (sample size) is required")
            }
            let deff = values["deff"].flatMap(Double.init) ?? 1
            guard (0...1).contains(share), deff >= 1 else {
                throw ForensicsError.invalidArgument(option: "--exit-poll", reason: "share must be 0…1 and deff ≥ 1")
            }
            self.init(
                label: values["label"] ?? "exit poll", sampleSize: n, share: share, designEffect: deff,
                region: values["region"])
        }
    }

    /// The comparison.
    public struct Result: Codable, Equatable, Sendable {
        /// The poll.
        public var poll: Poll
        /// The announced share, 0…1.
        public var reportedShare: Double
        /// Effective sample size: respondents over the design effect.
        public var effectiveSample: Int
        /// (poll − reported) in standard errors of the poll under the reported share.
        public var zScore: Double
        /// log10 of the two-sided exact binomial probability of a poll at least this far off in the
        /// poll's direction (the one-sided tail, doubled).
        public var log10Probability: Double
    }

    /// Compares `poll` with the announced share `reported` (0…1).
    public static func compare(_ poll: Poll, reported: Double) -> Result {
        let n = max(1, Int((Double(poll.sampleSize) / poll.designEffect).rounded()))
        let k = Int((poll.share * Double(n)).rounded())
        let p = min(max(reported, 1e-12), 1 - 1e-12)
        let z = (poll.share - p) / (p * (1 - p) / Double(n)).squareRoot()
        let lower = Double(k) < Double(n) * p
        let tail = SpecialFunctions.logBinomialTail(k: k, n: n, p: p, lower: lower)
        let both = min(0, tail + log(2))
        return Result(
            poll: poll, reportedShare: reported, effectiveSample: n, zScore: z,
            log10Probability: both / log(10))
    }
}
