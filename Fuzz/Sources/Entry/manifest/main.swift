import FuzzDriver
import FuzzTargets

/// The `manifest` target, for any libFuzzer-compatible driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.manifest.run(start, count)
}

FuzzTarget.manifest.runDriver()
