import FuzzDriver
import FuzzTargets

/// The `register` target, for any libFuzzer-compatible driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.register.run(start, count)
}

FuzzTarget.register.runDriver()
