import FuzzDriver
import FuzzTargets

/// The `audit-profile` target, for any libFuzzer-compatible driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.auditProfile.run(start, count)
}

FuzzTarget.auditProfile.runDriver()
