import FuzzDriver
import FuzzTargets

/// The `audit-csv` target, for any libFuzzer-compatible driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTarget.auditCsv.run(start, count)
}

FuzzTarget.auditCsv.runDriver()
