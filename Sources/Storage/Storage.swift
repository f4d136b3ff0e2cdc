/// Persistence behind the Referendum module's protocols: SQLite through GRDB.
public enum StorageModule {}
