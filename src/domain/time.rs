//! Times as the offices read them: Beijing time (UTC+8), whatever time zone the PC is set to.
//! Every school of the region and every office it reports to works in Beijing time, so a
//! packet signed at 20:12 reads 20:12 on the 人社厅's PC too, and a PC left on another zone by
//! its installer does not move the file history by hours.
//!
//! Stored timestamps carry their offset (`2026-12-01T20:12:05+08:00`). Files written before
//! that hold them without one (`2026-12-01T20:12:05`, the PC's local time); those are read as
//! Beijing time, which is what the offices' PCs ran. Both forms sort together as text, which
//! the file's `ORDER BY` on them relies on.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

/// UTC+8, China Standard Time (no daylight saving since 1991).
pub fn beijing_offset() -> FixedOffset {
    BEIJING
}

/// Worked out when the program is compiled, so a wrong offset could not even build.
const BEIJING: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(offset) => offset,
    None => panic!("eight hours is a valid offset"),
};

/// How a time is shown everywhere (window, command line, PDF): `2026-12-01 20:12`, Beijing
/// time. Seconds are left out: no office decision turns on them.
pub fn beijing(at: DateTime<Utc>) -> String {
    at.with_timezone(&beijing_offset())
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The calendar day in Beijing at `at` (between 16:00 and 24:00 UTC it is already tomorrow):
/// the date a packet, a review or a lesson is given by default.
pub fn beijing_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&beijing_offset()).date_naive()
}

/// Midnight at the start of `date` in Beijing: the time of a document known only by its day,
/// such as a packet's creation date, which is the date printed on it.
pub fn beijing_day_start(date: NaiveDate) -> DateTime<FixedOffset> {
    let offset = beijing_offset();
    offset.from_utc_datetime(&(date.and_time(NaiveTime::MIN) - offset))
}

/// A time as the school file stores it: RFC 3339 to the second with the +08:00 offset, so it is
/// unambiguous and still reads as Beijing time to whoever opens the file with SQLite.
pub fn stored(at: DateTime<Utc>) -> String {
    at.with_timezone(&beijing_offset())
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// Reads a stored timestamp: RFC 3339 with any offset, or the old form without one, taken as
/// Beijing time.
pub fn parse_stored(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(at.with_timezone(&Utc));
    }
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").ok()?;
    beijing_offset()
        .from_local_datetime(&naive)
        .single()
        .map(|at| at.with_timezone(&Utc))
}

/// A stored timestamp as [`beijing`] shows it; text that is no timestamp is shown as it is,
/// so a damaged value is seen rather than hidden.
pub fn show_stored(text: &str) -> String {
    parse_stored(text).map_or_else(|| text.to_string(), beijing)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn shown_in_beijing_time_to_the_minute() {
        assert_eq!(beijing(utc("2026-12-01T12:12:00Z")), "2026-12-01 20:12");
        assert_eq!(beijing(utc("2026-12-01T12:12:59Z")), "2026-12-01 20:12");
        // Past 16:00 UTC it is already the next day in Beijing.
        assert_eq!(beijing(utc("2026-12-31T16:30:00Z")), "2027-01-01 00:30");
    }

    #[test]
    fn a_day_starts_at_midnight_beijing_time() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let start = beijing_day_start(day);
        assert_eq!(start.to_rfc3339(), "2026-12-01T00:00:00+08:00");
        assert_eq!(start.with_timezone(&Utc), utc("2026-11-30T16:00:00Z"));
    }

    #[test]
    fn the_day_changes_at_midnight_in_beijing() {
        let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(beijing_date(utc("2026-12-01T15:59:59Z")), day("2026-12-01"));
        assert_eq!(beijing_date(utc("2026-12-01T16:00:00Z")), day("2026-12-02"));
    }

    #[test]
    fn stored_with_the_beijing_offset_and_read_back() {
        let at = utc("2026-12-01T12:12:05Z");
        assert_eq!(stored(at), "2026-12-01T20:12:05+08:00");
        assert_eq!(parse_stored(&stored(at)), Some(at));
    }

    #[test]
    fn old_timestamps_without_an_offset_are_beijing_time() {
        assert_eq!(
            parse_stored("2026-12-01T20:12:05"),
            Some(utc("2026-12-01T12:12:05Z"))
        );
        assert_eq!(show_stored("2026-12-01T20:12:05"), "2026-12-01 20:12");
        assert_eq!(show_stored("2026-12-01T20:12:05+08:00"), "2026-12-01 20:12");
    }

    #[test]
    fn any_offset_is_converted() {
        assert_eq!(show_stored("2026-12-01T12:12:05Z"), "2026-12-01 20:12");
        assert_eq!(show_stored("2026-12-01T07:12:05-05:00"), "2026-12-01 20:12");
    }

    #[test]
    fn old_and_new_forms_sort_together_as_text() {
        let old = "2026-12-01T20:12:05";
        let new = stored(utc("2026-12-01T12:13:00Z"));
        assert!(old < new.as_str());
    }

    #[test]
    fn what_is_no_timestamp_is_shown_unchanged() {
        assert_eq!(parse_stored("昨天"), None);
        assert_eq!(show_stored("昨天"), "昨天");
    }
}
