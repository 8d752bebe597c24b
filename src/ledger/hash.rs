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
///
/// The encoding goes into one buffer per thread, reused, and is hashed in
/// one piece rather than four small ones per field: an import seals, and
/// `plan verify` re-hashes, a million entries.
pub fn entry_hash(prev: &str, c: &Content) -> [u8; 32] {
    with_encoding(|buf| entry_hash_in(buf, Prev::Hex(prev), c))
}

/// [`entry_hash`] after the entry whose hash is `prev` (raw bytes): the
/// same encoding, with `prev` written as lowercase hex straight into it
/// (sealing an import's entries, one after another).
pub fn entry_hash_after(prev: &[u8; 32], c: &Content) -> [u8; 32] {
    with_encoding(|buf| entry_hash_in(buf, Prev::Raw(prev), c))
}

fn with_encoding<T>(f: impl FnOnce(&mut Vec<u8>) -> T) -> T {
    thread_local! {
        static ENCODING: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    ENCODING.with_borrow_mut(f)
}

/// The previous entry's hash: as hex, or raw (hex-encoded into the encoding).
enum Prev<'a> {
    Hex(&'a str),
    Raw(&'a [u8; 32]),
}

/// [`entry_hash`], encoding into `buf` (cleared first, its capacity kept).
fn entry_hash_in(buf: &mut Vec<u8>, prev: Prev<'_>, c: &Content) -> [u8; 32] {
    buf.clear();
    if let Prev::Raw(raw) = prev {
        // The field `p` of 64 hex digits, as `field` below writes it.
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut hex = [0u8; 64];
        for (i, b) in raw.iter().enumerate() {
            hex[2 * i] = HEX[usize::from(b >> 4)];
            hex[2 * i + 1] = HEX[usize::from(b & 0xf)];
        }
        buf.extend_from_slice(&[b'p', 1]);
        buf.extend_from_slice(&64u64.to_le_bytes());
        buf.extend_from_slice(&hex);
    }
    let mut field = |tag: u8, s: Option<&[u8]>| {
        buf.push(tag);
        match s {
            None => buf.push(0),
            Some(b) => {
                buf.push(1);
                buf.extend_from_slice(&(b.len() as u64).to_le_bytes());
                buf.extend_from_slice(b);
            }
        }
    };
    if let Prev::Hex(prev) = prev {
        field(b'p', Some(prev.as_bytes()));
    }
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
    Sha256::digest(buf.as_slice()).into()
}

/// A hash as lowercase hex, into `out` (reusing its buffer).
pub fn to_hex(hash: &[u8], out: &mut String) {
    out.clear();
    out.extend(hash.iter().flat_map(|b| {
        let digit = |n: u8| char::from(b"0123456789abcdef"[usize::from(n)]);
        [digit(b >> 4), digit(b & 0xf)]
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The encoding is the ledger's format: every hash ever written depends
    /// on it. The expected digest was computed apart from this code (Python's
    /// hashlib over the same fields, tag, presence byte, u64 length, bytes).
    #[test]
    fn the_encoding_is_the_one_every_ledger_was_written_with() {
        let c = Content {
            id: 1,
            kind: "figure",
            indicator: Some("so_dn"),
            task: None,
            period: Some("2026-Q1"),
            year: 2026,
            value_text: Some("1.234,5"),
            value: Some(1234.5),
            reported_on: "2026-04-08",
            recorded_at: "2026-04-09T01:02:03.000Z",
            by: "Nguyễn Thị Hoa",
            source: None,
            note: Some("ghi chú"),
            target_entry: None,
            batch: Some(3),
            plan_id: "66-KH/ĐU",
        };
        let want = "d7314144e3c07aa25fc54b3f1fa5f4d8a505c3e5a77b7ae866e5ca9c55be2efb";
        let mut hex = String::new();
        to_hex(&entry_hash(GENESIS, &c), &mut hex);
        assert_eq!(hex, want);
        // A reused buffer holding an earlier, longer encoding changes nothing.
        let mut buf = vec![0xAA; 4096];
        to_hex(&entry_hash_in(&mut buf, Prev::Hex(GENESIS), &c), &mut hex);
        assert_eq!(hex, want);
        // The previous hash given raw is encoded as the same hex digits.
        to_hex(&entry_hash_after(&[0; 32], &c), &mut hex);
        assert_eq!(hex, want);
        let raw: [u8; 32] = std::array::from_fn(|i| (i * 37 + 11) as u8);
        let mut raw_hex = String::new();
        to_hex(&raw, &mut raw_hex);
        assert_eq!(entry_hash_after(&raw, &c), entry_hash(&raw_hex, &c));
    }
}
