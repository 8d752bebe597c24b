//! The hash chain: each entry's hash covers its content and the previous
//! entry's hash, so an edit anywhere breaks every later link.

use sha2::{Digest, Sha256};

/// The hash before the first entry (what the first hash covers as "previous").
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The fields that the hash covers, in a fixed order.
pub struct Content<'a> {
    pub id: i64,
    pub kind: &'a str,
    pub indicator: Option<&'a str>,
    pub task: Option<&'a str>,
    pub period: Option<&'a str>,
    pub year: i64,
    pub value_text: Option<&'a str>,
    pub value: Option<f64>,
    pub reported_on: &'a str,
    pub recorded_at: &'a str,
    pub by: &'a str,
    pub source: Option<&'a str>,
    pub note: Option<&'a str>,
    pub target_entry: Option<i64>,
    pub batch: Option<i64>,
    pub plan_id: &'a str,
}

/// SHA-256 over `prev` (the previous entry's hash as lowercase hex) and
/// the length-prefixed fields, so no two different contents share an
/// encoding.
pub fn entry_hash(prev: &str, c: &Content) -> [u8; 32] {
    let mut h = Sha256::new();
    let mut field = |tag: u8, s: Option<&[u8]>| {
        h.update([tag]);
        match s {
            None => h.update([0u8]),
            Some(b) => {
                h.update([1u8]);
                h.update((b.len() as u64).to_le_bytes());
                h.update(b);
            }
        }
    };
    field(b'p', Some(prev.as_bytes()));
    field(b'i', Some(&c.id.to_le_bytes()));
    field(b'k', Some(c.kind.as_bytes()));
    field(b'n', c.indicator.map(str::as_bytes));
    field(b't', c.task.map(str::as_bytes));
    field(b'P', c.period.map(str::as_bytes));
    field(b'y', Some(&c.year.to_le_bytes()));
    field(b'x', c.value_text.map(str::as_bytes));
    let v = c.value.map(|v| v.to_bits().to_le_bytes());
    field(b'v', v.as_ref().map(|b| b.as_slice()));
    field(b'd', Some(c.reported_on.as_bytes()));
    field(b'r', Some(c.recorded_at.as_bytes()));
    field(b'b', Some(c.by.as_bytes()));
    field(b's', c.source.map(str::as_bytes));
    field(b'o', c.note.map(str::as_bytes));
    let te = c.target_entry.map(i64::to_le_bytes);
    field(b'e', te.as_ref().map(|b| b.as_slice()));
    let ba = c.batch.map(i64::to_le_bytes);
    field(b'B', ba.as_ref().map(|b| b.as_slice()));
    field(b'l', Some(c.plan_id.as_bytes()));
    h.finalize().into()
}

/// A hash as lowercase hex, into `out` (reusing its buffer).
pub fn to_hex(hash: &[u8], out: &mut String) {
    out.clear();
    out.extend(hash.iter().flat_map(|b| {
        let digit = |n: u8| char::from(b"0123456789abcdef"[usize::from(n)]);
        [digit(b >> 4), digit(b & 0xf)]
    }));
}
