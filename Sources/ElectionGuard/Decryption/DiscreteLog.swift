/// Finds t from base^t for small t by baby-step giant-step (spec 3.6.1: the decrypted tally is K^t and
/// t is at most the number of ballots). Built once per base; thread-safe and read-only afterwards.
public final class DiscreteLog: Sendable {
    /// The base whose exponents are recovered (K in ElectionGuard 2.0).
    public let base: ElementModP
    /// Baby steps: base^j for j < stride, keyed by the value's low 64 bits.
    private let babySteps: [UInt: Int]
    private let stride: Int
    /// base^-stride, one giant step.
    private let giantStep: ElementModP

    /// Prepares `base` with `stride` baby steps; logs up to stride * giant steps are then found quickly.
    public init(base: ElementModP, stride: Int = 4096) {
        precondition(stride > 0)
        self.base = base
        self.stride = stride
        var steps = [UInt: Int](minimumCapacity: stride)
        var power = ElementModP.one
        for j in 0..<stride {
            steps[power.value.lowWord] = steps[power.value.lowWord] ?? j
            power = power * base
        }
        babySteps = steps
        giantStep = power.inverse
    }

    /// t with base^t == value and 0 <= t <= bound, or nil when there is none in that range.
    public func log(_ value: ElementModP, bound: Int) -> Int? {
        var current = value
        var offset = 0
        while offset <= bound {
            if let j = babySteps[current.value.lowWord] {
                let candidate = offset + j
                if candidate <= bound, base.power(UInt(candidate)) == value { return candidate }
            }
            current = current * giantStep
            offset += stride
        }
        return nil
    }
}
