//! Sealing entries: giving each its id and its hash, extending the chain
//! from its tip, without a database; and recomputing a stored entry's hash.

use super::*;

/// Gives entries their id and hash, extending the chain from its tip. It
/// needs no database, so an import can seal entries on one thread while
/// another inserts them.
#[derive(Debug, Clone)]
pub struct Sealer {
    pub(super) plan_id: String,
    pub(super) recorded_at: String,
    pub(super) batch: Option<i64>,
    pub(super) next_id: i64,
    /// The tip's hash (all zeros before the first entry: [`GENESIS`]).
    pub(super) last_hash: [u8; 32],
}

/// An entry with its id and hash: a row ready to insert.
#[derive(Debug, Clone)]
pub struct Sealed {
    pub(super) id: i64,
    pub(super) entry: NewEntry,
    /// `entry.reported_on` as stored.
    pub(super) reported_on: String,
    pub(super) batch: Option<i64>,
    pub(super) hash: [u8; 32],
}

impl Sealer {
    /// Seals `e` as the next entry, into `out` (reusing its buffers).
    pub fn seal_into(&mut self, e: &NewEntry, out: &mut Sealed) {
        out.entry.clone_from(e);
        self.seal_in_place(out);
    }

    /// Seals `e` as the next entry.
    pub fn seal(&mut self, e: &NewEntry) -> Sealed {
        let mut out =
            Sealed { id: 0, entry: e.clone(), reported_on: String::new(), batch: None, hash: [0; 32] };
        self.seal_in_place(&mut out);
        out
    }

    fn seal_in_place(&mut self, out: &mut Sealed) {
        out.id = self.next_id;
        out.batch = self.batch;
        // `Display` is `%Y-%m-%d` without parsing a format string per entry.
        out.reported_on.clear();
        push_date(&mut out.reported_on, out.entry.reported_on);
        let e = &out.entry;
        out.hash = hash::entry_hash_after(
            &self.last_hash,
            &hash::Content {
                id: out.id,
                kind: e.kind.as_str(),
                indicator: e.indicator.as_deref(),
                task: e.task.as_deref(),
                period: e.period.as_deref(),
                year: e.year.into(),
                value_text: e.value_text.as_deref(),
                value: e.value,
                reported_on: &out.reported_on,
                recorded_at: &self.recorded_at,
                by: &e.by,
                source: e.source.as_deref(),
                note: e.note.as_deref(),
                target_entry: e.target_entry,
                batch: out.batch,
                plan_id: &self.plan_id,
            },
        );
        self.next_id += 1;
        self.last_hash = out.hash;
    }
}

/// Appends `d` as `Display` writes it (`%Y-%m-%d`), without the formatting
/// machinery for the years every plan has.
pub(super) fn push_date(out: &mut String, d: NaiveDate) {
    use chrono::Datelike;
    let (y, m, day) = (d.year(), d.month(), d.day());
    if !(0..=9999).contains(&y) {
        use std::fmt::Write as _;
        write!(out, "{d}").expect("write to a String");
        return;
    }
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let y = y as u32;
    let text = [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ];
    out.push_str(std::str::from_utf8(&text).expect("ASCII digits"));
}

/// Recomputes `e`'s hash (as hex) from its content and `prev`.
pub fn recompute_hash(prev: &str, e: &Entry) -> String {
    // `Display` is `%Y-%m-%d` without parsing a format string per entry.
    let reported_on = e.reported_on.to_string();
    let h = hash::entry_hash(
        prev,
        &hash::Content {
            id: e.id,
            kind: e.kind.as_str(),
            indicator: e.indicator.as_deref(),
            task: e.task.as_deref(),
            period: e.period.as_deref(),
            year: e.year,
            value_text: e.value_text.as_deref(),
            value: e.value,
            reported_on: &reported_on,
            recorded_at: &e.recorded_at,
            by: &e.by,
            source: e.source.as_deref(),
            note: e.note.as_deref(),
            target_entry: e.target_entry,
            batch: e.batch,
            plan_id: &e.plan_id,
        },
    );
    let mut hex = String::with_capacity(64);
    hash::to_hex(&h, &mut hex);
    hex
}
