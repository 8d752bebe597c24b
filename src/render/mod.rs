//! Turning results into bytes: tables for terminals, CSV, JSON and
//! Markdown. Renderers take plain data and know nothing of the ledger.

pub mod csv_safe;
pub mod docx;
pub mod html;
pub mod import;
pub mod labels;
pub mod log;
pub mod report;
pub mod show;
pub mod template;
pub mod xlsx;

use comfy_table::{ColumnConstraint, ContentArrangement, Table as Comfy, Width, presets};
use serde::Serialize;
use std::io::{self, Write};

/// How a report is laid out in any format (table, md, csv, json, html,
/// docx, xlsx), decided by the caller (`cmd/`), never read by a renderer
/// from the terminal, the environment or the plan: the language and number
/// style (SPEC §4 "Language", "Numbers"), the width to lay tables out in,
/// in columns (SPEC §4 "Terminal width"), whether statuses are coloured (a
/// terminal without `NO_COLOR`), and whether the detail (`--detail`) is
/// shown. The documents (html, docx, xlsx) use only the language and the
/// number style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    pub lang: crate::settings::Lang,
    pub numbers: crate::number::NumberStyle,
    pub width: u16,
    pub color: bool,
    pub detail: bool,
}

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

/// Width to lay tables out in (SPEC §4 "Terminal width"): `COLUMNS` when
/// set to a number, else the terminal's, else 80 columns.
pub fn terminal_width() -> u16 {
    if let Some(w) =
        std::env::var("COLUMNS").ok().and_then(|v| v.trim().parse::<u16>().ok()).filter(|&w| w > 0)
    {
        return w;
    }
    Comfy::new().width().filter(|&w| w > 0).unwrap_or(DEFAULT_WIDTH)
}

/// The width when the terminal's cannot be told.
pub const DEFAULT_WIDTH: u16 = 80;

/// Narrowest width tables are laid out in; below it lines overflow rather
/// than break inside words.
const MIN_WIDTH: u16 = 20;

/// A terminal table laid out, when printed, to fit a width (SPEC §4
/// "Terminal width"): a word (an id, a date, a number) is never broken
/// across lines; cells wrap between words. When even one word per line
/// cannot fit the columns side by side, each row is printed as a block of
/// "header: value" lines instead, wrapped between words.
///
/// Derefs to the `comfy_table::Table` it wraps, for `add_row` and styling.
pub struct Table {
    inner: Comfy,
    width: u16,
    /// Columns whose lines never wrap (short labels).
    whole: Vec<usize>,
}

impl std::ops::Deref for Table {
    type Target = Comfy;
    fn deref(&self) -> &Comfy {
        &self.inner
    }
}

impl std::ops::DerefMut for Table {
    fn deref_mut(&mut self) -> &mut Comfy {
        &mut self.inner
    }
}

/// Display width of the longest whitespace-separated word of `text`.
fn longest_word(text: &str) -> usize {
    text.split_whitespace().map(textwrap::core::display_width).max().unwrap_or(0)
}

impl Table {
    /// Keeps the lines of columns `cols` whole (short labels, such as the
    /// field names of `show ID`), as long as the table can still fit.
    pub fn keep_whole(&mut self, cols: &[usize]) -> &mut Self {
        self.whole = cols.to_vec();
        self
    }

    /// The text of every cell of column `i`, header first.
    fn column_texts(&self, i: usize) -> Vec<String> {
        self.inner
            .column_cells_with_header_iter(i)
            .map(|c| c.map(|c| c.content()).unwrap_or_default())
            .collect()
    }

    /// The laid-out table, or `None` when the columns cannot fit side by side.
    fn side_by_side(&self) -> Option<String> {
        let mut t = self.inner.clone();
        let n = t.column_iter().count();
        if n == 0 {
            return Some(t.to_string());
        }
        let texts: Vec<Vec<String>> = (0..n).map(|i| self.column_texts(i)).collect();
        let lines_of = |c: &Vec<String>| {
            c.iter().flat_map(|s| s.lines()).map(textwrap::core::display_width).max().unwrap_or(0)
        };
        let mins: Vec<usize> = texts
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if self.whole.contains(&i) {
                    lines_of(c)
                } else {
                    c.iter().map(|s| longest_word(s)).max().unwrap_or(0)
                }
                .max(1)
            })
            .collect();
        let maxs: Vec<usize> = texts
            .iter()
            .zip(&mins)
            .map(|(c, &min)| {
                c.iter()
                    .flat_map(|s| s.lines())
                    .map(textwrap::core::display_width)
                    .max()
                    .unwrap_or(0)
                    .max(min)
            })
            .collect();
        // Borders and padding of UTF8_FULL_CONDENSED: "│ a ┆ b │".
        let frame = 3 * n + 1;
        let width = usize::from(self.width.max(MIN_WIDTH));
        let room = width.checked_sub(frame)?;
        let widths = column_widths(&texts, &mins, &maxs, room)?;
        for (i, w) in widths.iter().enumerate() {
            if let Some(c) = t.column_mut(i) {
                let w = u16::try_from(w + 2).unwrap_or(u16::MAX);
                c.set_constraint(ColumnConstraint::Absolute(Width::Fixed(w)));
            }
        }
        t.set_width(self.width.max(MIN_WIDTH));
        let text = t.to_string();
        // comfy-table keeps to the widths given; should it ever not, a word
        // would break: then print rows as blocks, which always keep words.
        let fits = text.lines().all(|l| textwrap::core::display_width(l) <= width);
        fits.then_some(text)
    }

    /// Each row as a block of "header: value" lines wrapped between words.
    fn as_blocks(&self) -> String {
        let width = usize::from(self.width.max(MIN_WIDTH));
        let headers: Vec<String> =
            self.inner.header().map(|h| h.cell_iter().map(|c| c.content()).collect()).unwrap_or_default();
        let rule = "─".repeat(width);
        let mut out = Vec::new();
        for row in self.inner.row_iter() {
            out.push(rule.clone());
            for (i, cell) in row.cell_iter().enumerate() {
                let value = cell.content();
                if value.trim().is_empty() {
                    continue;
                }
                let head = headers.get(i).map(|h| format!("{h}: ")).unwrap_or_default();
                out.push(wrap(&format!("{head}{}", value.replace('\n', " · ")), width, "    "));
            }
        }
        out.push(rule);
        out.join("\n")
    }
}

impl std::fmt::Display for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.side_by_side() {
            Some(text) => f.write_str(&text),
            None => f.write_str(&self.as_blocks()),
        }
    }
}

/// Content widths of columns that fit `room` side by side: each column at
/// least its longest word (`mins`) and at most its longest line. The space
/// beyond the words goes where it saves the most lines: a step at a time,
/// to the column whose next widening shortens the table most per column
/// given (rows are sampled on long tables). `None` when even the words do
/// not fit. `cells[col][row]`, the header as row 0.
fn column_widths(cells: &[Vec<String>], mins: &[usize], maxs: &[usize], room: usize) -> Option<Vec<usize>> {
    let need: usize = mins.iter().sum();
    if need > room {
        return None;
    }
    if maxs.iter().sum::<usize>() <= room {
        return Some(maxs.to_vec());
    }
    const SAMPLE: usize = 120;
    let rows = cells.first().map_or(0, Vec::len);
    let step = rows.div_ceil(SAMPLE).max(1);
    let sample: Vec<usize> = (0..rows).step_by(step).collect();
    let mut widths = mins.to_vec();
    // lines[col][k]: lines of sampled row k of column col at its width.
    let col_lines = |col: usize, w: usize| -> Vec<usize> {
        sample.iter().map(|&r| cell_lines(cells[col].get(r).map_or("", String::as_str), w)).collect()
    };
    let mut lines: Vec<Vec<usize>> = (0..widths.len()).map(|c| col_lines(c, widths[c])).collect();
    let height = |lines: &[Vec<usize>]| -> usize {
        (0..sample.len()).map(|k| lines.iter().map(|l| l[k]).max().unwrap_or(1)).sum()
    };
    let mut extra = room - need;
    while extra > 0 {
        let now = height(&lines);
        let mut best: Option<(f64, usize, usize, Vec<usize>)> = None;
        for c in 0..widths.len() {
            let total: usize = lines[c].iter().sum();
            // The smallest widening that saves a line of this column.
            let mut found = None;
            for k in 1..=extra.min(maxs[c].saturating_sub(widths[c])) {
                let l = col_lines(c, widths[c] + k);
                if l.iter().sum::<usize>() < total {
                    found = Some((k, l));
                    break;
                }
            }
            let Some((k, l)) = found else { continue };
            let mut trial = lines.clone();
            trial[c] = l;
            let saved = now.saturating_sub(height(&trial)) as f64;
            // Lines of the column itself break ties (they shorten rows
            // once the other tall cells are widened too).
            let own = (total - trial[c].iter().sum::<usize>()) as f64 / 1000.0;
            let score = (saved + own) / k as f64;
            if best.as_ref().is_none_or(|(b, ..)| score > *b) {
                best = Some((score, c, k, trial.swap_remove(c)));
            }
        }
        let Some((_, c, k, l)) = best else { break };
        widths[c] += k;
        lines[c] = l;
        extra -= k;
    }
    Some(widths)
}

/// Lines a cell takes at content width `w`, wrapped between words.
fn cell_lines(cell: &str, w: usize) -> usize {
    let opts = textwrap::Options::new(w.max(1))
        .break_words(false)
        .word_separator(textwrap::WordSeparator::AsciiSpace);
    cell.lines().map(|l| textwrap::wrap(l, &opts).len().max(1)).sum::<usize>().max(1)
}

/// `text` wrapped between words at the terminal's width ([`terminal_width`],
/// 80 columns when it cannot be told), as [`wrap`]: receipts, hints and
/// summary lines of commands.
pub fn fit(text: &str, indent: &str) -> String {
    wrap(text, usize::from(terminal_width()), indent)
}

/// A message for stderr: on a terminal its first line wraps between words
/// at the terminal's width, later lines indented two spaces (the lines
/// after it, such as a marked excerpt of plan.toml, stay as they are); to a
/// file or a pipe it stays one line per message, for grep and logs.
pub fn for_stderr(text: &str) -> String {
    if !io::IsTerminal::is_terminal(&io::stderr()) {
        return text.to_string();
    }
    match text.split_once('\n') {
        Some((first, rest)) => format!("{}\n{rest}", fit(first, "  ")),
        None => fit(text, "  "),
    }
}

/// `text` wrapped to `width` columns between words (summary lines of
/// reports and messages): each line keeps its own indentation, and its
/// continuation lines get `indent` more. A word longer than the line stays
/// whole.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    text.lines()
        .map(|line| {
            let body = line.trim_start();
            let lead = &line[..line.len() - body.len()];
            let more = format!("{lead}{indent}");
            let opts = textwrap::Options::new(width.max(usize::from(MIN_WIDTH)))
                .initial_indent(lead)
                .subsequent_indent(&more)
                .break_words(false)
                .word_separator(textwrap::WordSeparator::AsciiSpace)
                // A date (2026-12-31), a plan number (66-KH/ĐU) stays whole.
                .word_splitter(textwrap::WordSplitter::NoHyphenation);
            textwrap::fill(body, &opts)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An empty terminal table with `header`, laid out to fit `width` when
/// printed (see [`Table`]).
pub fn wrapping_table(width: u16, header: impl Into<comfy_table::Row>) -> Table {
    let mut t = Comfy::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(header);
    Table { inner: t, width, whole: Vec::new() }
}

/// A grid as a terminal table that fits `width` (see [`Table`]).
pub fn table_in(grid: &Grid, width: u16) -> String {
    table_keeping_in(grid, &[], width)
}

/// As [`table_in`], the lines of columns `whole` kept unbroken (see
/// [`Table::keep_whole`]).
pub fn table_keeping_in(grid: &Grid, whole: &[usize], width: u16) -> String {
    let mut t = wrapping_table(width, &grid.headers);
    for row in &grid.rows {
        t.add_row(row);
    }
    t.keep_whole(whole);
    let text = t.to_string();
    if whole.is_empty() || !text.starts_with('─') {
        return text;
    }
    // Whole labels did not fit: let them wrap rather than print blocks.
    t.keep_whole(&[]);
    t.to_string()
}

/// As [`table`], the lines of columns `whole` kept unbroken.
pub fn table_keeping(grid: &Grid, whole: &[usize]) -> String {
    table_keeping_in(grid, whole, terminal_width())
}

/// A grid as a terminal table that fits the terminal ([`terminal_width`]).
pub fn table(grid: &Grid) -> String {
    table_in(grid, terminal_width())
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

/// Writes `grid` as csv. Every cell that is not a plain machine number
/// goes through [`csv_safe::csv_text_cell`] (SPEC §4), so no grid — show,
/// check, log, report — can hand a spreadsheet a formula; cells already
/// defused keep their single `'`.
pub fn write_csv(grid: &Grid, out: impl Write) -> anyhow::Result<()> {
    let cell = |c: &String| -> String {
        if c.parse::<f64>().is_ok() { c.clone() } else { csv_safe::csv_text_cell(c).into_owned() }
    };
    let mut w = csv::Writer::from_writer(out);
    w.write_record(grid.headers.iter().map(cell))?;
    for row in &grid.rows {
        w.write_record(row.iter().map(cell))?;
    }
    w.flush()?;
    Ok(())
}

pub fn write_json<T: Serialize>(value: &T, mut out: impl Write) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Writes a binary document (docx, xlsx) to `output`, else to stdout —
/// unless stdout is a terminal, which would show bytes (SPEC §4: "a binary
/// format to a terminal is refused: use `>` or `--output FILE`").
pub fn write_binary(bytes: &[u8], output: Option<&std::path::Path>) -> anyhow::Result<()> {
    match output {
        Some(path) => write_file(path, &mut |out| Ok(out.write_all(bytes)?))
            .map_err(|_| anyhow::anyhow!(crate::tr!("file-cannot-write", path = path.display().to_string()))),
        None if io::IsTerminal::is_terminal(&io::stdout()) => {
            Err(anyhow::anyhow!(crate::tr!("output-binary-terminal")))
        }
        None => {
            let mut out = stdout();
            out.write_all(bytes)?;
            out.flush()?;
            Ok(())
        }
    }
}

/// Writes the file at `path` whole or not at all: `write` fills a
/// temporary file beside it (`tempfile`), which then replaces `path` in
/// one rename; on an error the temporary file is removed and `path` is
/// left as it was. The file gets the permissions of a newly created one
/// (0666 less the umask on Unix). A `path` that exists and is not a
/// regular file (`/dev/stdout`, a pipe) is written in place.
///
/// Errors: creating, writing or renaming the file (the `io::Error` is in
/// the chain), and whatever `write` returns.
pub fn write_file(
    path: &std::path::Path,
    write: &mut dyn FnMut(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        let mut f = std::fs::OpenOptions::new().write(true).open(path)?;
        write(&mut f)?;
        return Ok(f.flush()?);
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".plan-").suffix(".part");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut part = builder.tempfile_in(dir)?;
    write(part.as_file_mut())?;
    part.as_file_mut().flush()?;
    part.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes text output to `output` (whole or not at all, [`write_file`]),
/// else to stdout.
pub fn write_text(bytes: &[u8], output: Option<&std::path::Path>) -> anyhow::Result<()> {
    match output {
        Some(path) => write_file(path, &mut |out| Ok(out.write_all(bytes)?))
            .map_err(|_| anyhow::anyhow!(crate::tr!("file-cannot-write", path = path.display().to_string()))),
        None => {
            let mut out = stdout();
            out.write_all(bytes)?;
            out.flush()?;
            Ok(())
        }
    }
}

/// One line to stdout (a receipt). A closed pipe comes back as an error,
/// which `main` ends quietly, where `println!` would panic (SPEC §6).
pub fn print_line(text: &str) -> anyhow::Result<()> {
    write_text(format!("{text}\n").as_bytes(), None)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_written_whole_or_left_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old").unwrap();
        write_file(&path, &mut |out| Ok(out.write_all(b"new")?)).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        // A writer that fails half-way: the old content stays, and no
        // temporary file is left beside it.
        let failed = write_file(&path, &mut |out| {
            out.write_all(b"half")?;
            anyhow::bail!("stopped")
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.csv")]);
    }

    fn widest(text: &str) -> usize {
        text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
    }

    #[test]
    fn wraps_between_words_keeping_indentation() {
        let text = "  Nhiệm vụ: 1 hoàn thành đúng hạn, 0 hoàn thành quá hạn, 9 không có hạn";
        assert_eq!(
            wrap(text, 30, "  "),
            "  Nhiệm vụ: 1 hoàn thành đúng\n    hạn, 0 hoàn thành quá hạn,\n    9 không có hạn"
        );
        // A word longer than the line stays whole.
        assert_eq!(
            wrap("a tl_thu_ktn_rat_dai_qua_muc_cho_phep b", 20, ""),
            "a\ntl_thu_ktn_rat_dai_qua_muc_cho_phep\nb"
        );
        // Nor is a word broken at its hyphens (a date, a plan number).
        assert_eq!(
            wrap("5 days late, due 2026-12-31 under 66-KH/ĐU", 22, "  "),
            "5 days late, due\n  2026-12-31 under\n  66-KH/ĐU"
        );
    }

    #[test]
    fn columns_get_their_words_then_what_saves_lines() {
        // Everything fits: natural widths.
        let cells =
            vec![vec!["id".to_string(), "so_dn".to_string()], vec!["Tên".into(), "Doanh nghiệp".into()]];
        assert_eq!(column_widths(&cells, &[5, 8], &[5, 12], 40), Some(vec![5, 12]));
        // Words do not fit: no side-by-side layout.
        assert_eq!(column_widths(&cells, &[5, 8], &[5, 12], 12), None);
        // A short column ("a b" needs 3 to stay on one line) and a long
        // one (4 lines at its word width 4, 2 lines at 9). With 8 columns
        // beyond the words (room 13): 5 go to the long text first (the row
        // drops from 4 lines to 2), then 2 to the short one (its own line
        // saved); the last one saves nothing and is left.
        let cells =
            vec![vec!["x".to_string(), "a b".into()], vec!["y".to_string(), "aaaa bbbb cccc dddd".into()]];
        assert_eq!(column_widths(&cells, &[1, 4], &[3, 19], 13), Some(vec![3, 9]));
        // With only 4 beyond the words, the long text cannot drop a line:
        // the short column gets its 2.
        assert_eq!(column_widths(&cells, &[1, 4], &[3, 19], 9), Some(vec![3, 4]));
    }

    #[test]
    fn a_table_fits_its_width_with_ids_whole() {
        let mut grid = Grid::new(&["Chỉ tiêu", "Tên", "Mục tiêu"]);
        grid.push(vec![
            "tl_thu_ktn".into(),
            "Tỷ lệ đóng góp của khu vực kinh tế tư nhân vào tổng thu ngân sách".into(),
            "từ 10 đến 12 %".into(),
        ]);
        grid.push(vec![
            "viec_lam".into(),
            "Lao động được giải quyết việc làm mới".into(),
            "trên 2.000".into(),
        ]);
        let text = table_in(&grid, 40);
        assert!(widest(&text) <= 40, "{text}");
        assert!(text.contains("tl_thu_ktn") && text.contains("viec_lam"), "{text}");
    }

    #[test]
    fn too_many_columns_print_as_blocks() {
        let headers: Vec<String> = (1..=8).map(|i| format!("Cột {i}")).collect();
        let grid = Grid {
            headers: headers.clone(),
            rows: vec![(1..=8).map(|i| format!("gia_tri_dai_so_{i}")).collect()],
        };
        let text = table_in(&grid, 40);
        assert!(widest(&text) <= 40, "{text}");
        assert!(text.contains("Cột 1: gia_tri_dai_so_1"), "{text}");
        assert!(text.contains("Cột 8: gia_tri_dai_so_8"), "{text}");
    }
}
