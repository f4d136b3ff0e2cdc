import FuzzDriver
import FuzzTargets

/// The `referendum-files` target, for any libFuzzer-compatible driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.referendumFiles.run(start, count)
}

FuzzTarget.referendumFiles.runDriver()
