import FuzzDriver
import FuzzTargets

/// The `config` target, for any libFuzzer-compatible driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.config.run(start, count)
}

FuzzTarget.config.runDriver()
