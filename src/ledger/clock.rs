//! The computer's clock (SPEC §3 "The clock"): `recorded_at` comes from the
//! real clock, and a write when that clock is more than [`TOLERANCE`]
//! earlier than the ledger's latest write is refused (the clock looks
//! wrong: a clock that ran ahead wrote dates to come). `--clock-ok` writes
//! anyway, and every entry of that write carries, in its `recorded_at`
//! (which the hash covers), the latest time it was found behind:
//! `2026-07-10T08:00:00.000Z clock-behind 2027-07-10T08:00:00.000Z`. From
//! then on writes compare only with the times written since, so a clock
//! that ran ahead does not lock the ledger.
//!
//! Which time to compare with is kept in `meta` (`clock_latest`) by each
//! write, a cache of what the chain says: a ledger written before it had no
//! such row, and its latest time is read from every entry and batch once.
//!
//! One function decides the rule ([`check`]); `record`, `done`, `correct`,
//! `void` and `import` reach it through [`super::Ledger::writer`], and
//! check it early through [`super::Ledger::clock_behind`] (before their
//! input, so that a date "after today" on a clock set back is not called
//! a typo).

use crate::tr;
use anyhow::Result;
use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, OptionalExtension};

/// How far behind the ledger's latest write the clock may be.
pub const TOLERANCE: Duration = Duration::minutes(10);

/// What `recorded_at` carries after its time when the write was made with
/// `--clock-ok`.
const MARK: &str = " clock-behind ";

/// The real clock, for `recorded_at`, as `YYYY-MM-DDTHH:MM:SS.sssZ` (UTC).
///
/// `recorded_at` always comes from the real clock (SPEC §4). For tests
/// only, a debug build reads `PLAN_TEST_CLOCK` (an RFC 3339 time) instead:
/// the shipped (release) build has no way to set it, and the tests run the
/// debug build, which is never shipped.
pub fn now() -> DateTime<Utc> {
    #[cfg(debug_assertions)]
    if let Some(t) = std::env::var("PLAN_TEST_CLOCK").ok().and_then(|s| parse(&s)) {
        return t;
    }
    Utc::now()
}

/// [`now`] as stored.
pub fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// The time of a stored `recorded_at` (its first word), if it reads.
pub fn parse(recorded_at: &str) -> Option<DateTime<Utc>> {
    let t = recorded_at.split(' ').next()?;
    DateTime::parse_from_rfc3339(t).ok().map(|t| t.with_timezone(&Utc))
}

/// `recorded_at` of a write made with the clock found behind `latest`.
pub fn marked(now: &str, latest: &str) -> String {
    format!("{now}{MARK}{latest}")
}

/// The time a `--clock-ok` write found the clock behind, if `recorded_at`
/// was written so.
pub fn mark_of(recorded_at: &str) -> Option<&str> {
    recorded_at.split_once(MARK).map(|(_, latest)| latest)
}

/// The clock is behind the ledger's latest write by more than the tolerance.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Behind {
    /// The latest `recorded_at` the clock was compared with.
    pub latest: String,
    pub message: String,
}

impl Behind {
    fn new(latest: &str, now: DateTime<Utc>) -> Behind {
        Behind {
            latest: latest.to_string(),
            message: tr!("ledger-clock-behind", latest = local_words(latest), now = local_words(&stamp(now))),
        }
    }
}

/// A stored UTC time as the clerk reads it: `2027-07-10 15:00 UTC`.
fn local_words(t: &str) -> String {
    parse(t).map_or_else(|| t.to_string(), |t| t.format("%Y-%m-%d %H:%M UTC").to_string())
}

/// The rule: `Err(Behind)` when `now` is more than [`TOLERANCE`] earlier
/// than `latest`.
pub fn check(latest: Option<&str>, now: DateTime<Utc>) -> Result<(), Behind> {
    match latest.and_then(|l| parse(l).map(|t| (l, t))) {
        Some((l, t)) if now < t - TOLERANCE => Err(Behind::new(l, now)),
        _ => Ok(()),
    }
}

/// The time later writes compare with: `meta.clock_latest`, else (a ledger
/// written before it) the latest `recorded_at` of any entry or batch.
pub fn latest(conn: &Connection) -> Result<Option<String>> {
    let cached: Option<String> =
        conn.query_row("SELECT value FROM meta WHERE key = 'clock_latest'", [], |r| r.get(0)).optional()?;
    if cached.is_some() {
        return Ok(cached);
    }
    // Every time written (texts of one form sort as times do).
    let mut latest: Option<DateTime<Utc>> = None;
    for sql in [
        "SELECT max(recorded_at) FROM entry WHERE recorded_at IS NOT NULL",
        "SELECT max(imported_at) FROM batch",
    ] {
        let t: Option<String> = conn.query_row(sql, [], |r| r.get(0))?;
        if let Some(t) = t.as_deref().and_then(parse) {
            latest = latest.max(Some(t));
        }
    }
    Ok(latest.map(stamp))
}

/// After a write at `now` (with `marked`: one made with `--clock-ok`), the
/// time later writes compare with.
pub fn record(conn: &Connection, now: &str, previous: Option<&str>, marked: bool) -> Result<()> {
    let keep = match previous.and_then(parse) {
        Some(p) if !marked && parse(now).is_some_and(|n| p > n) => stamp(p),
        _ => now.split(' ').next().unwrap_or(now).to_string(),
    };
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('clock_latest', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [keep],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        parse(s).unwrap()
    }

    #[test]
    fn behind_by_more_than_ten_minutes_is_refused() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        let latest = "2027-07-10T08:00:00.000Z";
        // 08:00 - 10 min = 07:50: 07:50 itself passes, 07:49:59 does not.
        assert!(check(Some(latest), t("2027-07-10T07:50:00Z")).is_ok());
        let err = check(Some(latest), t("2027-07-10T07:49:59Z")).unwrap_err();
        assert_eq!(err.latest, latest);
        assert!(err.message.contains("2027-07-10 08:00 UTC"), "{}", err.message);
        // A year behind.
        assert!(check(Some(latest), t("2026-07-10T08:00:00Z")).is_err());
        // Ahead is fine; nothing written yet is fine; an unreadable time guards nothing.
        assert!(check(Some(latest), t("2028-01-01T00:00:00Z")).is_ok());
        assert!(check(None, t("2026-07-10T08:00:00Z")).is_ok());
        assert!(check(Some("yesterday"), t("2026-07-10T08:00:00Z")).is_ok());
    }

    #[test]
    fn a_marked_time_keeps_its_time_first() {
        let m = marked("2026-07-10T08:00:00.000Z", "2027-07-10T08:00:00.000Z");
        assert_eq!(m, "2026-07-10T08:00:00.000Z clock-behind 2027-07-10T08:00:00.000Z");
        assert_eq!(parse(&m), Some(t("2026-07-10T08:00:00Z")));
        assert_eq!(mark_of(&m), Some("2027-07-10T08:00:00.000Z"));
        assert_eq!(mark_of("2026-07-10T08:00:00.000Z"), None);
    }
}
