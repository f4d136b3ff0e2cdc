import FuzzDriver
import FuzzTargets

/// The `tally` target, for any libFuzzer-compatible driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.tally.run(start, count)
}

FuzzTarget.tally.runDriver()
