import FuzzDriver
import FuzzTargets

/// The `definition` target, for any libFuzzer-compatible driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.definition.run(start, count)
}

FuzzTarget.definition.runDriver()
