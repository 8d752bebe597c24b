//! What a file's first bytes say it is (SPEC §4.1 "Files"): UTF-8 with or
//! without a BOM, UTF-16 with a BOM (Excel's "Unicode text"), or something
//! this importer refuses in one line that names what the file looks like
//! and how to save it — never echoing its bytes. UTF-16 is decoded with
//! `encoding_rs`, as it streams.

use crate::tr;
use encoding_rs::{Decoder, Encoding, UTF_16BE, UTF_16LE};
use std::io::{self, Read};

/// Bytes read to tell the encoding.
pub const PROBE: usize = 1 << 16;

pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// What the first bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Utf8,
    Utf8Bom,
    Utf16(&'static Encoding),
}

/// Tells the encoding of `probe`, the first bytes of the file (`whole`
/// when it is the whole file), or why it cannot be read as text.
pub fn sniff(probe: &[u8], whole: bool) -> Result<Found, String> {
    if probe.starts_with(UTF8_BOM) {
        return check_utf8(&probe[UTF8_BOM.len()..], whole).map(|()| Found::Utf8Bom);
    }
    if probe.starts_with(b"\xFF\xFE\x00\x00") || probe.starts_with(b"\x00\x00\xFE\xFF") {
        return Err(tr!("import-file-utf32"));
    }
    if probe.starts_with(b"\xFF\xFE") {
        return Ok(Found::Utf16(UTF_16LE));
    }
    if probe.starts_with(b"\xFE\xFF") {
        return Ok(Found::Utf16(UTF_16BE));
    }
    if probe.starts_with(b"PK\x03\x04") {
        return Err(zip_kind(probe));
    }
    if probe.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(tr!("import-file-xls"));
    }
    if probe.starts_with(b"%PDF") {
        return Err(tr!("import-file-pdf"));
    }
    if probe.starts_with(b"{\\rtf") {
        return Err(tr!("import-file-rtf"));
    }
    let nuls = probe.iter().take(4096).filter(|&&b| b == 0).count();
    if nuls > 0 {
        let sample = probe.len().min(4096);
        // Text in UTF-16 without its BOM: every other byte a NUL.
        return Err(if nuls * 3 >= sample {
            tr!("import-file-utf16-no-bom")
        } else {
            tr!("import-file-binary")
        });
    }
    check_utf8(probe, whole).map(|()| Found::Utf8)
}

/// What a file that is neither a workbook nor text to import is, told from
/// its first bytes (`head`) and its name (SPEC §4.1 "Files"): a web page
/// (HTML, as web portals export tables named `.xls`), a saved web page
/// (MHTML), an Excel 2003 XML spreadsheet, or other XML named as a
/// workbook; the message says what it is and how to save it. `None` for
/// anything else (an XML file not named as a workbook may be a DHIS2 data
/// value set).
pub fn foreign(head: &[u8], path: &std::path::Path) -> Option<String> {
    let text: String = if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        let le = head.starts_with(b"\xFF\xFE");
        let units = head[2..].chunks_exact(2).map(|p| if le { [p[0], p[1]] } else { [p[1], p[0]] });
        char::decode_utf16(units.map(u16::from_le_bytes)).map(|c| c.unwrap_or(' ')).take(2048).collect()
    } else {
        String::from_utf8_lossy(&head[..head.len().min(4096)]).into_owned()
    };
    let lower = text.trim_start_matches('\u{FEFF}').trim_start().to_ascii_lowercase();
    let named_workbook = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "xls" | "xlsx" | "xlsm" | "ods"));
    if lower.starts_with("mime-version:") {
        return Some(tr!("import-file-mhtml"));
    }
    let html = ["<!doctype html", "<html", "<table", "<head", "<body"].iter().any(|t| lower.starts_with(t))
        || (lower.starts_with('<') && lower.contains("<html"));
    if html {
        return Some(tr!("import-file-html"));
    }
    if lower.starts_with("<?xml") || (lower.starts_with('<') && named_workbook) {
        if lower.contains("urn:schemas-microsoft-com:office:spreadsheet") || lower.contains("excel.sheet") {
            return Some(tr!("import-file-spreadsheetml"));
        }
        if named_workbook {
            return Some(tr!("import-file-xml-workbook"));
        }
    }
    None
}

/// Whether an OLE2 (compound file) holds an encrypted Office document: its
/// directory names the `EncryptedPackage` or `EncryptionInfo` stream
/// (UTF-16LE), as Office writes a password-protected `.xlsx`. `bytes`: the
/// file, or as much of it as holds the directory.
pub fn is_encrypted_ole(bytes: &[u8]) -> bool {
    let utf16 = |s: &str| s.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>();
    let names = [utf16("EncryptedPackage"), utf16("EncryptionInfo")];
    names.iter().any(|n| bytes.windows(n.len()).any(|w| w == n.as_slice()))
}

/// A zip: an Excel or OpenDocument workbook, a Word document, or another.
fn zip_kind(probe: &[u8]) -> String {
    let has = |needle: &[u8]| probe.windows(needle.len()).any(|w| w == needle);
    if has(b"application/vnd.oasis.opendocument.spreadsheet") {
        tr!("import-file-workbook", kind = "ods")
    } else if has(b"xl/") {
        tr!("import-file-workbook", kind = "xlsx")
    } else if has(b"word/") || has(b"opendocument.text") {
        tr!("import-file-document")
    } else {
        tr!("import-file-zip")
    }
}

/// UTF-8 text, or a legacy code page (the usual Vietnamese ones named).
fn check_utf8(bytes: &[u8], whole: bool) -> Result<(), String> {
    match std::str::from_utf8(bytes) {
        Ok(_) => Ok(()),
        // Cut inside a character at the end of the probe: fine.
        Err(e) if e.error_len().is_none() && !whole => Ok(()),
        Err(_) => Err(tr!("import-file-codepage")),
    }
}

/// A reader that decodes UTF-16 (its BOM dropped) into UTF-8 as it reads.
pub struct Utf16<R> {
    inner: R,
    decoder: Decoder,
    raw: Vec<u8>,
    out: Vec<u8>,
    at: usize,
    done: bool,
}

impl<R> Utf16<R> {
    pub fn new(inner: R, encoding: &'static Encoding) -> Self {
        Utf16 {
            inner,
            decoder: encoding.new_decoder_with_bom_removal(),
            raw: vec![0; 1 << 16],
            out: Vec::new(),
            at: 0,
            done: false,
        }
    }

    pub fn into_inner(self) -> R {
        self.inner
    }
}

impl<R: Read> Read for Utf16<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.at < self.out.len() {
                let n = buf.len().min(self.out.len() - self.at);
                buf[..n].copy_from_slice(&self.out[self.at..self.at + n]);
                self.at += n;
                return Ok(n);
            }
            if self.done {
                return Ok(0);
            }
            let n = loop {
                match self.inner.read(&mut self.raw) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    other => break other?,
                }
            };
            let last = n == 0;
            let room = self.decoder.max_utf8_buffer_length(n).unwrap_or(n * 3 + 16);
            self.out.resize(room, 0);
            let (_, read, written, _) = self.decoder.decode_to_utf8(&self.raw[..n], &mut self.out, last);
            debug_assert_eq!(read, n, "the buffer holds the whole chunk decoded");
            self.out.truncate(written);
            self.at = 0;
            self.done = last;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        let mut v = vec![0xFF, 0xFE];
        v.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        v
    }

    #[test]
    fn utf16_with_a_bom_is_decoded() {
        let text = "Chỉ tiêu\tKỳ\tGiá trị\r\nso_dn\t2026-H1\t104\r\n";
        let bytes = utf16le(text);
        assert_eq!(sniff(&bytes, true), Ok(Found::Utf16(UTF_16LE)));
        let mut out = String::new();
        // A small buffer on the raw side too: characters split across reads.
        let mut r = Utf16::new(io::Cursor::new(bytes), UTF_16LE);
        r.raw = vec![0; 3];
        r.read_to_string(&mut out).unwrap();
        assert_eq!(out, text);
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
        let mut out = String::new();
        Utf16::new(io::Cursor::new(be), UTF_16BE).read_to_string(&mut out).unwrap();
        assert_eq!(out, text);
    }

    #[test]
    fn other_bytes_are_named() {
        crate::i18n::set_lang(crate::settings::Lang::En);
        assert_eq!(sniff(b"a,b\n", true), Ok(Found::Utf8));
        assert_eq!(sniff(b"\xEF\xBB\xBFa,b\n", true), Ok(Found::Utf8Bom));
        // Windows-1258: "Chỉ tiêu" is C h 0xD2 ...
        let e = sniff(b"Ch\xd2 ti\xeau;K\xf2\n", true).unwrap_err();
        assert!(e.contains("Windows-1258"), "{e}");
        assert!(
            sniff(b"PK\x03\x04....[Content_Types].xml...xl/workbook.xml", true).unwrap_err().contains("xlsx")
        );
        let ods = b"PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.spreadsheet";
        assert!(sniff(ods, true).unwrap_err().contains("ods"));
        assert!(sniff(b"PK\x03\x04....foo.txt", true).unwrap_err().contains("zip"));
        assert!(sniff(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", true).unwrap_err().contains(".xls"));
        let no_bom: Vec<u8> = "a,b\n".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert!(sniff(&no_bom, true).unwrap_err().contains("UTF-16"));
        // What a workbook's name may hide (SPEC §4.1): each named.
        let xls = std::path::Path::new("bao-cao.xls");
        let csv = std::path::Path::new("bao-cao.csv");
        let html = b"\xEF\xBB\xBF<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table>";
        assert!(foreign(html, xls).unwrap().contains("web page (HTML)"));
        assert!(
            foreign(b"<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">", csv)
                .unwrap()
                .contains("HTML")
        );
        let utf16_html: Vec<u8> = "\u{FEFF}<html><body>".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(foreign(&utf16_html, xls).unwrap().contains("HTML"));
        assert!(
            foreign(b"MIME-Version: 1.0\r\nContent-Type: multipart/related", xls).unwrap().contains("MHTML")
        );
        let xml2003 = b"<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">";
        assert!(foreign(xml2003, xls).unwrap().contains("Excel 2003 XML"));
        assert!(
            foreign(b"<?xml version=\"1.0\"?><dataValueSet/>", xls).unwrap().contains("XML, not a workbook")
        );
        // A DHIS2 data value set named .xml is no foreign file.
        assert_eq!(foreign(b"<?xml version=\"1.0\"?><dataValueSet/>", std::path::Path::new("a.xml")), None);
        assert_eq!(foreign(b"indicator;period;value\n", csv), None);
        let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        ole.extend(vec![0u8; 600]);
        assert!(!is_encrypted_ole(&ole));
        ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(is_encrypted_ole(&ole));
        // A character cut at the end of the probe is no error.
        assert_eq!(sniff("ab ỉ".as_bytes().split_last().unwrap().1, false), Ok(Found::Utf8));
    }
}
