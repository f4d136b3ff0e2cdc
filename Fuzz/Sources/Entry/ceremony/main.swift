import FuzzDriver
import FuzzTargets

/// The `ceremony` target, for any libFuzzer-compatible driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.ceremony.run(start, count)
}

FuzzTarget.ceremony.runDriver()
