use rusqlite::Connection;

/// One line of a file's history, shown by `yitihua info`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEvent {
    /// As stored: RFC 3339 with its offset, or (files written before that) Beijing time
    /// without one; shown with [`crate::domain::time::show_stored`].
    pub at: String,
    pub event: String,
    pub app_version: String,
}

pub(super) fn record(conn: &Connection, event: &str) -> rusqlite::Result<()> {
    let at = crate::domain::time::stored(chrono::Utc::now());
    conn.execute(
        "INSERT INTO file_history (at, event, app_version) VALUES (?1, ?2, ?3)",
        (at, event, env!("CARGO_PKG_VERSION")),
    )?;
    Ok(())
}

pub(super) fn list(conn: &Connection) -> rusqlite::Result<Vec<HistoryEvent>> {
    let mut stmt = conn.prepare("SELECT at, event, app_version FROM file_history ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok(HistoryEvent {
            at: r.get(0)?,
            event: r.get(1)?,
            app_version: r.get(2)?,
        })
    })?;
    rows.collect()
}
