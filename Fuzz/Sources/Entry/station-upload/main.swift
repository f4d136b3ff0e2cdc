import FuzzDriver
import FuzzTargets

/// The `station-upload` target, for any libFuzzer-compatible driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.stationUpload.run(start, count)
}

FuzzTarget.stationUpload.runDriver()
