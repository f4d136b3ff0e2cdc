import Testing
@testable import Referendum

@Test("the Referendum module links")
func referendumModuleLinks() {
    #expect(String(describing: ReferendumModule.self) == "ReferendumModule")
}
