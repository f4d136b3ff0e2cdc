import CLibFuzzer
import Foundation
import FuzzTargets

extension FuzzTarget {
    /// The target the driver's callback runs; set once, before the driver starts.
    nonisolated(unsafe) private static var current = FuzzTarget.json

    /// Hands the process to libFuzzer's driver with this target and exits with its status.
    public func runDriver() -> Never {
        Self.current = self
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { start, count in FuzzTarget.current.run(start, count) }
        exit(status)
    }
}
