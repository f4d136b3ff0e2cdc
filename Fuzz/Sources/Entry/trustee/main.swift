import FuzzDriver
import FuzzTargets

/// The `trustee` target, for any libFuzzer-compatible driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.trustee.run(start, count)
}

FuzzTarget.trustee.runDriver()
