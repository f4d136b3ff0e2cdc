extension AuditReport {
    /// One self-contained HTML page.
    public var html: String { "<html></html>" }
}
