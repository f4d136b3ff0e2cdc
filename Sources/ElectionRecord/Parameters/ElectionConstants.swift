import ElectionGuard

/// The group parameters a record declares (spec 3.1.1), as fixed-width big-endian bytes so that they
/// can be compared byte for byte with the standard ones (verification 1.B–1.E).
public struct ElectionConstants: Sendable, Hashable {
    /// A label, e.g. egk's "production group, low memory use, 4096 bits".
    public let name: String
    /// p, 512 bytes.
    public let largePrime: [UInt8]
    /// q, 32 bytes.
    public let smallPrime: [UInt8]
    /// r, 512 bytes (left-padded with zeros).
    public let cofactor: [UInt8]
    /// g, 512 bytes.
    public let generator: [UInt8]

    /// Memberwise; the byte arrays at their fixed widths.
    public init(name: String, largePrime: [UInt8], smallPrime: [UInt8], cofactor: [UInt8], generator: [UInt8]) {
        self.name = name
        self.largePrime = largePrime
        self.smallPrime = smallPrime
        self.cofactor = cofactor
        self.generator = generator
    }

    /// The standard 4096-bit parameters of ElectionGuard 2.0, under egk's name for them.
    public static let standard: ElectionConstants = {
        let cofactor = GroupParameters.cofactor
        return ElectionConstants(
            name: "production group, low memory use, 4096 bits",
            largePrime: GroupParameters.largePrime, smallPrime: GroupParameters.smallPrime,
            cofactor: [UInt8](repeating: 0, count: GroupParameters.pByteCount - cofactor.count) + cofactor,
            generator: GroupParameters.generator)
    }()

    /// True when p, q, r and g equal the standard parameters (the name is not compared).
    public var isStandard: Bool {
        let standard = Self.standard
        return largePrime == standard.largePrime && smallPrime == standard.smallPrime
            && cofactor == standard.cofactor && generator == standard.generator
    }
}

extension ElectionConstantsJSON {
    /// The JSON of `constants`.
    public init(_ constants: ElectionConstants) {
        self.init(name: constants.name, large_prime: Base16.encode(constants.largePrime),
                  small_prime: Base16.encode(constants.smallPrime), cofactor: Base16.encode(constants.cofactor),
                  generator: Base16.encode(constants.generator))
    }

    /// The constants, each number checked for hex and width (p, r, g: 1024 digits; q: 64).
    public func constants(at field: RecordField) throws(ElectionRecordError) -> ElectionConstants {
        let wide = RecordField.elementModPDigits, narrow = RecordField.elementModQDigits
        return ElectionConstants(
            name: name,
            largePrime: try field["large_prime"].fixedWidthBytes(large_prime, digits: wide),
            smallPrime: try field["small_prime"].fixedWidthBytes(small_prime, digits: narrow),
            cofactor: try field["cofactor"].fixedWidthBytes(cofactor, digits: wide),
            generator: try field["generator"].fixedWidthBytes(generator, digits: wide))
    }
}
