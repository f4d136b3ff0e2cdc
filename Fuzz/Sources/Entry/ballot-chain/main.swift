import FuzzDriver
import FuzzTargets

/// The `ballot-chain` target, for any libFuzzer-compatible driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.ballotChain.run(start, count)
}

FuzzTarget.ballotChain.runDriver()
