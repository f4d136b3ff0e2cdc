import FuzzDriver
import FuzzTargets

/// The `ballot` target, for any libFuzzer-compatible driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.ballot.run(start, count)
}

FuzzTarget.ballot.runDriver()
