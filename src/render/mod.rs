//! Turning results into bytes: tables for terminals, CSV, JSON and
//! Markdown. Renderers take plain data and know nothing of the ledger.

pub mod csv_safe;
pub mod html;
pub mod labels;
pub mod report;

use comfy_table::{ContentArrangement, Table as Comfy, presets};
use serde::Serialize;
use std::io::{self, Write};

/// A rectangular result: the common shape of `show`, `log` and `check`.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Grid {
    pub fn new(headers: &[&str]) -> Self {
        Grid { headers: headers.iter().map(|s| s.to_string()).collect(), rows: Vec::new() }
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }
}

/// Width to lay tables out in: the terminal's, else 100 columns.
pub fn terminal_width() -> u16 {
    comfy_table::Table::new().width().unwrap_or(100)
}

/// An empty terminal table with `header` that wraps long cells to fit
/// `width`.
pub fn wrapping_table(width: u16, header: impl Into<comfy_table::Row>) -> Comfy {
    let mut t = Comfy::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(header);
    t
}

/// A terminal table that wraps long cells to fit the width.
pub fn table(grid: &Grid) -> String {
    let mut t = wrapping_table(terminal_width(), &grid.headers);
    for row in &grid.rows {
        t.add_row(row);
    }
    t.to_string()
}

/// Like [`table`], but the columns numbered in `whole` (ids, dates,
/// numbers) keep their content on one line; only the others wrap, and only
/// on a terminal: piped, every row stays one line (for grep and `less -S`).
pub fn table_keeping(grid: &Grid, whole: &[usize]) -> String {
    let mut t = Comfy::new();
    t.load_style(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    if !io::IsTerminal::is_terminal(&io::stdout()) {
        t.set_content_arrangement(ContentArrangement::Disabled);
    }
    t.set_header(&grid.headers);
    for row in &grid.rows {
        t.add_row(row);
    }
    for &i in whole {
        if let Some(c) = t.column_mut(i) {
            c.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
    }
    t.to_string()
}

/// Markdown table, `|` in cells escaped.
pub fn markdown(grid: &Grid) -> String {
    let esc = |s: &str| s.replace('|', "\\|").replace('\n', "<br>");
    let mut out = String::new();
    out.push_str(&format!("| {} |\n", grid.headers.iter().map(|h| esc(h)).collect::<Vec<_>>().join(" | ")));
    out.push_str(&format!("|{}\n", grid.headers.iter().map(|_| "---|").collect::<String>()));
    for row in &grid.rows {
        out.push_str(&format!("| {} |\n", row.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | ")));
    }
    out
}

pub fn write_csv(grid: &Grid, out: impl Write) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(&grid.headers)?;
    for row in &grid.rows {
        w.write_record(row)?;
    }
    w.flush()?;
    Ok(())
}

pub fn write_json<T: Serialize>(value: &T, mut out: impl Write) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Stdout, locked and buffered.
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::new(io::stdout().lock())
}

/// Whether to colour output: stdout is a terminal and NO_COLOR is unset.
pub fn use_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
}
