import FuzzDriver
import FuzzTargets

/// The `constants` target, for any libFuzzer-compatible driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.constants.run(start, count)
}

FuzzTarget.constants.runDriver()
