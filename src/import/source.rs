//! The file to import: a path, or standard input copied to a temporary
//! file (the import reads it twice); what kind of file it is (a workbook, a
//! DHIS2 data value set, the plan's CSV), told from its first bytes.

use crate::tr;
use crate::words::cannot_read;
use anyhow::{Context, Result, anyhow};
use std::fs::File;
use std::io::{self, Read};
use std::path::PathBuf;

/// The file to import: a path, or standard input copied to a temporary
/// file (it may be read twice).
pub struct Input {
    /// For messages: the path as typed, or `<stdin>`.
    pub name: String,
    /// For the batch: the file's name, or `<stdin>`.
    pub batch_name: String,
    pub path: PathBuf,
    pub size: u64,
    temporary: bool,
    /// A workbook, read by `import::workbook`, not as CSV text.
    pub workbook: Option<super::workbook::Kind>,
    /// `--sheet`.
    pub sheet: Option<String>,
    /// `--hidden`.
    pub hidden: super::workbook::Hidden,
}

impl Input {
    pub fn open(arg: &str) -> Result<Input> {
        if arg == "-" {
            let (path, mut f) = temp_file()?;
            let mut input = Input {
                name: "<stdin>".into(),
                batch_name: "<stdin>".into(),
                path,
                size: 0,
                temporary: true,
                workbook: None,
                sheet: None,
                hidden: Default::default(),
            };
            input.size = io::copy(&mut io::stdin().lock(), &mut f)
                .context(tr!("import-cannot-read", file = "<stdin>"))?;
            return Ok(input);
        }
        let path = PathBuf::from(arg);
        let meta = std::fs::metadata(&path).map_err(|e| cannot_read(arg, &e))?;
        if meta.is_dir() {
            return Err(anyhow!(tr!("import-directory", file = arg)));
        }
        let batch_name =
            path.file_name().map_or_else(|| arg.to_string(), |n| n.to_string_lossy().into_owned());
        Ok(Input {
            name: arg.to_string(),
            batch_name,
            path,
            size: meta.len(),
            temporary: false,
            workbook: None,
            sheet: None,
            hidden: Default::default(),
        })
    }

    /// Whether the file is a workbook, by its first bytes (and its name);
    /// a web page, XML or an encrypted workbook behind a workbook's name is
    /// refused here, saying what it is (SPEC §4.1 "Files").
    pub fn sniff_workbook(&self) -> Result<Option<super::workbook::Kind>> {
        let mut head = Vec::with_capacity(8192);
        self.reader()?.take(8192).read_to_end(&mut head).map_err(|e| cannot_read(&self.name, &e))?;
        let refuse = |m: String| anyhow!("{}: {m}", self.name);
        let kind = super::workbook::Kind::sniff(&head, &self.path);
        if kind == Some(super::workbook::Kind::Xls) {
            // The compound file's directory may lie anywhere in it: the
            // first 64 MiB are looked at (an .xls is rarely larger).
            let mut all = Vec::new();
            self.reader()?.take(64 << 20).read_to_end(&mut all).map_err(|e| cannot_read(&self.name, &e))?;
            if super::encoding::is_encrypted_ole(&all) {
                return Err(refuse(tr!("import-file-encrypted")));
            }
        }
        if kind.is_none()
            && let Some(m) = super::encoding::foreign(&head, &self.path)
        {
            return Err(refuse(m));
        }
        Ok(kind)
    }

    /// The DHIS2 data value set format of the file, told from its first
    /// bytes; `None` for the plan's own CSV.
    pub fn dhis2_format(&self) -> Result<Option<super::dhis2::Format>> {
        let mut head = Vec::with_capacity(4096);
        self.reader()?.take(4096).read_to_end(&mut head).map_err(|e| cannot_read(&self.name, &e))?;
        Ok(super::dhis2::detect(&head))
    }

    pub fn reader(&self) -> Result<impl Read + use<>> {
        File::open(&self.path).map_err(|e| cannot_read(&self.name, &e))
    }
}

/// A new file in the temporary directory, never one that was there.
fn temp_file() -> Result<(PathBuf, File)> {
    let dir = std::env::temp_dir();
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let mut attempt = 0u32;
    loop {
        let path = dir.join(format!("plan-import-{}-{nanos}-{attempt}.csv", std::process::id()));
        match File::options().write(true).create_new(true).open(&path) {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => {
                return Err(e).with_context(|| tr!("import-stdin-temp", dir = dir.display().to_string()));
            }
        }
    }
}

impl Drop for Input {
    fn drop(&mut self) {
        if self.temporary {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}
