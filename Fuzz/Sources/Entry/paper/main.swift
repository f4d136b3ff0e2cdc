import FuzzDriver
import FuzzTargets

/// The `paper` target, for any libFuzzer-compatible driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.paper.run(start, count)
}

FuzzTarget.paper.runDriver()
