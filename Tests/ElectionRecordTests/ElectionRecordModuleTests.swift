import Testing
@testable import ElectionRecord

@Test("the ElectionRecord module links")
func electionRecordModuleLinks() {
    #expect(String(describing: ElectionRecordModule.self) == "ElectionRecordModule")
}
