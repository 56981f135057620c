//! A time read from the file system or from a file (a lock's `since`, a file's modification)
//! as the local clock shows it. Such a time may be anything — a lock file naming a second
//! millions of years away, a file touched far into the future — and chrono's conversion
//! panics past the dates it holds: read here, such a time is `None`, shown as not known.

use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{DateTime, Local, Utc};

/// `t` on the local clock; `None` when it is before 1970 by more than chrono holds or past
/// the dates it holds.
pub fn local(t: SystemTime) -> Option<DateTime<Local>> {
    let utc = match t.duration_since(UNIX_EPOCH) {
        Ok(after) => DateTime::<Utc>::from_timestamp(
            i64::try_from(after.as_secs()).ok()?,
            after.subsec_nanos(),
        )?,
        Err(before) => {
            let before = before.duration();
            let secs = i64::try_from(before.as_secs()).ok()?;
            DateTime::<Utc>::from_timestamp(-secs, 0)?
        }
    };
    // The local offset of a date far away is looked up in the zone's rules: kept to the
    // years a report has.
    (utc.naive_utc().date() < chrono::NaiveDate::from_ymd_opt(10_000, 1, 1)?)
        .then(|| utc.with_timezone(&Local))
}

/// `t` on the local clock written with `format`, or `unknown` when it is out of range.
pub fn shown(t: SystemTime, format: &str, unknown: &str) -> String {
    local(t).map_or_else(|| unknown.to_string(), |t| t.format(format).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_time_chrono_cannot_hold_is_none_not_a_panic() {
        let far = UNIX_EPOCH + Duration::from_secs(99_999_999_999_999);
        assert!(local(far).is_none());
        assert_eq!(shown(far, "%Y", "?"), "?");
        assert!(local(UNIX_EPOCH + Duration::from_secs(1_500_000_000)).is_some());
        if let Some(before) = UNIX_EPOCH.checked_sub(Duration::from_secs(86_400)) {
            assert_eq!(shown(before, "%Y", "?"), "1969");
        }
    }
}
