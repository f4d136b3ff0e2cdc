import Testing
@testable import Verifier

@Test("the Verifier module links")
func verifierModuleLinks() {
    #expect(String(describing: VerifierModule.self) == "VerifierModule")
}
