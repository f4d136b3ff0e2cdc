import FuzzDriver
import FuzzTargets

/// The `json` target, for any libFuzzer-compatible driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.json.run(start, count)
}

FuzzTarget.json.runDriver()
