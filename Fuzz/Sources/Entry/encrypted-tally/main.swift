import FuzzDriver
import FuzzTargets

/// The `encrypted-tally` target, for any libFuzzer-compatible driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.encryptedTally.run(start, count)
}

FuzzTarget.encryptedTally.runDriver()
