//! Hidden rows and columns of an `.xls` sheet (SPEC §4.1 "What the clerk
//! cannot see"), which calamine does not expose: the sheet's `ROW` records
//! (`fDyZero`, set for hidden and filtered-out rows) and `COLINFO` records
//! (`fHidden`) in the workbook's BIFF8 stream ([MS-XLS] 2.4.221, 2.4.53),
//! found through the compound file's directory ([MS-CFB]) and the
//! `BoundSheet8` record of the sheet (2.4.28).
//!
//! Only what is needed is read; a file this reader cannot follow (an older
//! BIFF, a damaged container) yields no facts, as before, rather than an
//! error: calamine has read its cells already.

use super::facts::Facts;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

const END_OF_CHAIN: u32 = 0xFFFF_FFFE;

/// A stream of the compound file `file`: the sectors of the chain from
/// `start` in `fat`, each `size` bytes at `base(n)`, `len` bytes in all.
fn chain(
    file: &[u8],
    fat: &[u32],
    start: u32,
    size: usize,
    len: usize,
    base: impl Fn(u32) -> usize,
) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(len);
    let mut s = start;
    while s != END_OF_CHAIN && out.len() < len {
        let at = base(s);
        out.extend_from_slice(file.get(at..at + size)?);
        s = *fat.get(s as usize)?;
        if out.len() > file.len() {
            return None; // a loop in the chain
        }
    }
    out.truncate(len);
    Some(out)
}

/// The `Workbook` stream of the compound file `file`.
fn workbook_stream(file: &[u8]) -> Option<Vec<u8>> {
    let shift = u16_at(file, 0x1E)?;
    if !(7..=16).contains(&shift) {
        return None;
    }
    let sector = 1usize << shift;
    let mini = 1usize << u16_at(file, 0x20)?.min(12);
    let at = |n: u32| (n as usize + 1) * sector;
    // The FAT: its sectors are listed in the header (109 at most here).
    let fat_sectors = u32_at(file, 0x2C)? as usize;
    let mut fat = Vec::new();
    for i in 0..fat_sectors.min(109) {
        let s = u32_at(file, 0x4C + 4 * i)?;
        let b = file.get(at(s)..at(s) + sector)?;
        fat.extend(b.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])));
    }
    let dir = chain(file, &fat, u32_at(file, 0x30)?, sector, file.len(), at)?;
    let entry = |i: usize| dir.get(i * 128..i * 128 + 128);
    let name = |e: &[u8]| {
        let n = (u16_at(e, 0x40).unwrap_or(0) as usize).min(64).saturating_sub(2);
        String::from_utf16_lossy(
            &e[..n].chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect::<Vec<_>>(),
        )
    };
    let root = entry(0)?;
    let book = (0..dir.len() / 128).filter_map(entry).find(|e| e[0x42] == 2 && name(e) == "Workbook")?;
    let (start, len) = (u32_at(book, 0x74)?, u32_at(book, 0x78)? as usize);
    if len >= u32_at(file, 0x38)? as usize {
        return chain(file, &fat, start, sector, len, at);
    }
    // A small stream lives in the mini stream, by the mini FAT.
    let ministream = chain(file, &fat, u32_at(root, 0x74)?, sector, u32_at(root, 0x78)? as usize, at)?;
    let minifat_bytes = chain(file, &fat, u32_at(file, 0x3C)?, sector, file.len(), at)?;
    let minifat: Vec<u32> =
        minifat_bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    chain(&ministream, &minifat, start, mini, len, |n| n as usize * mini)
}

/// The hidden rows and columns of the sheet at `index` (0-based, in the
/// workbook's order) of the `.xls` whose bytes are `file`, into `facts`.
pub fn hidden(file: &[u8], index: usize, facts: &mut Facts) {
    let Some(stream) = workbook_stream(file) else { return };
    let stream = &stream;
    let records = |from: usize| {
        let mut at = from;
        std::iter::from_fn(move || {
            let (kind, len) = (u16_at(stream, at)?, u16_at(stream, at + 2)? as usize);
            let data = stream.get(at + 4..at + 4 + len)?.to_vec();
            at += 4 + len;
            Some((kind, data))
        })
    };
    // BoundSheet8: the offset of each sheet's BOF, in order.
    let Some(sheet) = records(0)
        .take_while(|(kind, _)| *kind != 0x000A)
        .filter(|(kind, _)| *kind == 0x0085)
        .nth(index)
        .and_then(|(_, data)| u32_at(&data, 0))
    else {
        return;
    };
    for (kind, data) in records(sheet as usize).skip(1).take_while(|(kind, _)| *kind != 0x000A) {
        match kind {
            // ROW: rw, …, grbit at 12; fDyZero is 0x20.
            0x0208 => {
                if let (Some(rw), Some(flags)) = (u16_at(&data, 0), u16_at(&data, 12))
                    && flags & 0x20 != 0
                {
                    facts.hidden_rows.insert(u32::from(rw));
                }
            }
            // COLINFO: colFirst, colLast, coldx, ixfe, flags; fHidden is 1.
            0x007D => {
                if let (Some(a), Some(b), Some(flags)) =
                    (u16_at(&data, 0), u16_at(&data, 2), u16_at(&data, 8))
                    && flags & 1 != 0
                {
                    facts.hidden_cols.push((u32::from(a), u32::from(b)));
                }
            }
            _ => {}
        }
    }
}
