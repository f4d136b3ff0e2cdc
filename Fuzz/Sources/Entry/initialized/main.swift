import FuzzDriver
import FuzzTargets

/// The `initialized` target, for any libFuzzer-compatible driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.initialized.run(start, count)
}

FuzzTarget.initialized.runDriver()
