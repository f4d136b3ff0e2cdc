import Foundation

/// Test 4: digit tests. Last digits of vote counts should be close to uniform when counts are large
/// (Beber and Scacco 2012); second digits are compared with Benford's second-digit law (2BL, Mebane).
public enum DigitTests {
    /// One chi-square test over digits 0–9.
    public struct Test: Codable, Equatable, Sendable {
        /// What was tested (e.g. "last digit, Putin").
        public var name: String
        /// Counts that entered the test.
        public var sample: Int
        /// Observed frequency of each digit 0–9.
        public var observed: [Int]
        /// Expected frequency of each digit under the law tested.
        public var expected: [Double]
        /// Pearson's chi-square statistic (9 degrees of freedom).
        public var chiSquare: Double
        /// P(χ²₉ ≥ chiSquare).
        public var pValue: Double
    }

    /// All digit tests.
    public struct Result: Codable, Equatable, Sendable {
        /// Last-digit tests per option, for counts ≥ `lastDigitMinimum`.
        public var lastDigit: [Test]
        /// Second-digit Benford tests per option, for counts ≥ 10.
        public var secondDigit: [Test]
        /// Smallest count whose last digit is used.
        public var lastDigitMinimum: Int
    }

    /// Benford's second-digit frequencies: P(d) = Σₖ₌₁…₉ log10(1 + 1/(10k + d)).
    public static let benfordSecondDigit: [Double] = (0...9).map { d in
        (1...9).reduce(0.0) { $0 + log10(1 + 1 / Double(10 * $1 + d)) }
    }

    /// Runs the tests for every option.
    public static func run(_ results: StationResults, lastDigitMinimum: Int = 100) -> Result {
        var last: [Test] = [], second: [Test] = []
        for (index, name) in results.options.enumerated() {
            let counts = results.stations.map { $0.votes[index] }
            last.append(test(
                name: "last digit, \(name)", counts.filter { $0 >= lastDigitMinimum }.map { $0 % 10 },
                expected: Array(repeating: 0.1, count: 10)))
            second.append(test(
                name: "second digit, \(name)", counts.filter { $0 >= 10 }.map(secondDigit),
                expected: benfordSecondDigit))
        }
        return Result(lastDigit: last, secondDigit: second, lastDigitMinimum: lastDigitMinimum)
    }

    /// The second significant digit of a number ≥ 10.
    static func secondDigit(_ value: Int) -> Int {
        var number = value
        while number >= 100 { number /= 10 }
        return number % 10
    }

    static func test(name: String, _ digits: [Int], expected probabilities: [Double]) -> Test {
        var observed = [Int](repeating: 0, count: 10)
        for digit in digits { observed[digit] += 1 }
        let n = Double(digits.count)
        let expected = probabilities.map { $0 * n }
        var chiSquare = 0.0
        for digit in 0..<10 where expected[digit] > 0 {
            let difference = Double(observed[digit]) - expected[digit]
            chiSquare += difference * difference / expected[digit]
        }
        let p = digits.isEmpty ? 1 : SpecialFunctions.chiSquareUpperTail(chiSquare, degrees: 9)
        return Test(
            name: name, sample: digits.count, observed: observed, expected: expected, chiSquare: chiSquare,
            pValue: p)
    }
}
