//! `plan report`: load the plan, read what the year needs, compute, render.

use super::{Ctx, today};
use crate::cli::{ReportArgs, ReportFormat as Format};
use crate::counting::Figures;
use crate::plan::{self, Plan};
use crate::render::{self, RenderOptions, report as rr};
use crate::report::{self, Options, Report, Review, Series};
use anyhow::{Result, anyhow, bail};
use chrono::{Datelike, NaiveDate};
use std::process::ExitCode;

pub fn run(ctx: &Ctx, args: ReportArgs) -> Result<ExitCode> {
    // The office's text goes only into the Word report: a usage error else.
    if args.notes.is_some() && args.format != Format::Docx {
        let msg = crate::tr!(
            "report-notes-docx-only",
            format = clap::ValueEnum::to_possible_value(&args.format)
                .map(|v| v.get_name().to_string())
                .unwrap_or_default()
        );
        return super::record::usage_error("report", &msg);
    }
    let plan = ctx.load_plan()?;
    let today = today()?;
    let as_of = match args.as_of {
        Some(d) => crate::input::as_of(d, today)
            .map_err(|m| anyhow!(crate::tr!("input-invalid-arg", arg = "--as-of", message = m)))?,
        None => today,
    };
    let review = review(&plan, &args, as_of)?;
    if let Some(g) = &args.group
        && !plan.groups.iter().any(|x| &x.id == g)
    {
        // An indicator or task id is no group: say what it is (SPEC §4 "an id of the wrong kind").
        if plan.indicator(g).is_some() || plan.task(g).is_some() {
            let kind = if plan.task(g).is_some() { "task" } else { "indicator" };
            bail!(crate::tr!("commands-group-wrong-kind", id = g.as_str(), kind = kind));
        }
        bail!(match plan::suggest(g, plan.groups.iter().map(|x| x.id.as_str())) {
            Some(s) => crate::tr!("report-unknown-group-suggest", group = g.as_str(), suggestion = s),
            None => crate::tr!("report-unknown-group", group = g.as_str(), plan = plan.id.as_str()),
        });
    }
    let notes = read_notes(&plan, &args)?;
    let opts = Options { group: args.group.clone(), series: series_for(args.format) };
    // The formats made for signing verify the whole chain first (SPEC §3).
    let signed = matches!(args.format, Format::Html | Format::Docx | Format::Xlsx);
    let r = build_review(ctx, &plan, &review, as_of, &opts, today, signed)?;
    super::warn_future_entries(&r.future_entries, today);
    // The layout is decided here, not by the renderers: the terminal's
    // width and colour, the report's language.
    let text = RenderOptions {
        lang: r.lang,
        numbers: r.numbers,
        width: render::terminal_width(),
        color: render::use_color(),
        detail: args.detail,
    };
    super::warn_orphans(&r.orphans);
    match args.format {
        // The binary formats are built in memory, then written.
        Format::Docx => {
            let mut out = Vec::new();
            render::docx::write(&r, &text, &notes, &mut out)?;
            render::write_binary(&out, args.output.as_deref())?;
        }
        Format::Xlsx => render::write_binary(&render::xlsx::report(&r, &text)?, args.output.as_deref())?,
        // A file is written whole or not at all; stdout as the report is
        // rendered (a 400-indicator JSON report is 1.8 MB: built in memory
        // first, its pages cost more than writing it).
        format => match args.output.as_deref() {
            Some(path) => {
                let mut out = Vec::new();
                render_text(format, &r, &text, &mut out)?;
                render::write_text(&out, Some(path))?;
            }
            None => {
                let mut out = render::stdout();
                render_text(format, &r, &text, &mut out)?;
                std::io::Write::flush(&mut out)?;
            }
        },
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes report `r` in text format `format` to `out` (generic, not
/// `dyn Write`: the JSON serializer writes a field in several small
/// pieces, and a virtual call for each cost a third more instructions).
fn render_text(
    format: Format,
    r: &Report,
    text: &RenderOptions,
    out: &mut impl std::io::Write,
) -> Result<()> {
    match format {
        Format::Table => rr::write_table(r, text, out),
        Format::Md => rr::write_markdown(r, text, out),
        Format::Csv => rr::write_tidy_csv(r, text, out),
        Format::Json => rr::write_report_json(r, text, out),
        Format::Html => render::html::write(r, text, out),
        Format::Docx | Format::Xlsx => unreachable!("the binary formats are written by `run`"),
    }
}

/// Which yearly series the report computes for `format`: the HTML report
/// draws a trend per indicator across the plan's years, so it asks for the
/// series; every other format shows only what the review judges (a span's
/// years), and so reads no more of the ledger than that.
fn series_for(format: Format) -> Series {
    match format {
        Format::Html => Series::Charts,
        Format::Table | Format::Md | Format::Csv | Format::Json | Format::Docx | Format::Xlsx => {
            Series::Judged
        }
    }
}

/// The office's text for the báo cáo (`--notes FILE`, SPEC §4.2), checked
/// against the plan's groups; none without `--notes`.
///
/// Errors: the file cannot be read; text outside a `## KEY` section, an
/// unknown or repeated key (`FILE:LINE`, with the list of keys).
fn read_notes(plan: &Plan, args: &ReportArgs) -> Result<render::docx::Notes> {
    use render::docx::{Notes, NotesError};
    let Some(path) = &args.notes else { return Ok(Notes::none()) };
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        anyhow!(crate::tr!("report-notes-unreadable", file = shown.as_str(), reason = e.to_string()))
    })?;
    let groups: Vec<&str> = plan.groups.iter().map(|g| g.id.as_str()).collect();
    Notes::parse(&text, &shown, &groups).map_err(|e| {
        anyhow!(match e {
            NotesError::UnknownKey { at, key, keys } => {
                crate::tr!("report-notes-unknown-key", at = at, key = key, keys = keys)
            }
            NotesError::Twice { at, key, first } => {
                crate::tr!("report-notes-twice", at = at, key = key, first = first)
            }
            NotesError::BeforeHeading { at } => crate::tr!("report-notes-before-heading", at = at),
        })
    })
}

/// What `--year`, `--period` or `--years` asks for (the year of `as_of`
/// when none is given), inside the plan's years.
fn review(plan: &Plan, args: &ReportArgs, as_of: NaiveDate) -> Result<Review> {
    if let Some(p) = args.period {
        plan.within_years(&format!("--period {p}"), p.year, p.year).map_err(|m| anyhow!(m))?;
        return Ok(Review::Period(p));
    }
    if let Some(y) = args.years {
        plan.within_years(&format!("--years {y}"), y.first, y.last).map_err(|m| anyhow!(m))?;
        return Ok(Review::Span(y));
    }
    let year = args.year.unwrap_or(as_of.year());
    plan.within_years(&format!("--year {year}"), year, year).map_err(|m| anyhow!(m))?;
    Ok(Review::year(year))
}

/// Reads only what `review` needs (what counts per indicator and period,
/// through the ledger's figure index, and the task entries),
/// computes the report and stamps it with the ledger's head fingerprint
/// and the entries reported after `today`. The ledger's protections are
/// checked first, and with `signed` its whole chain (SPEC §3): a ledger
/// found tampered with gives no report, and so no fingerprint.
pub fn build_review(
    ctx: &Ctx,
    plan: &Plan,
    review: &Review,
    as_of: NaiveDate,
    opts: &Options,
    today: NaiveDate,
    signed: bool,
) -> Result<Report> {
    // The plan text's hash, found in the ledger or not (its fingerprint).
    let text_hash = crate::ledger::content_hash(&plan.text);
    let mut figures = Figures::new();
    let mut tasks = Vec::new();
    let mut head = None;
    let mut future = Vec::new();
    let mut orphans = Vec::new();
    let mut version = None;
    if let Some(ledger) = ctx.reading_ledger(plan, true)? {
        // One read transaction: one snapshot, SQLite's lock taken once.
        ledger.in_read_transaction(|| {
            super::verify::trusted(&ledger, plan, signed)?;
            future = ledger.reported_after(today)?;
            // What counts per period, not every entry: a busy ledger holds
            // thousands of re-submissions of each period. Figures under an
            // old id count for the new one (SPEC §2.1): read under each,
            // merged by counting::merge_renamed.
            let needs = report::needs(plan, review, opts.series).into_iter().map(|(id, (a, b))| (id, a, b));
            figures = super::counted_for(&ledger, plan, needs, as_of)?;
            tasks = ledger.task_entries()?;
            head = ledger.head()?.map(|h| h.fingerprint());
            orphans = ledger.held_ids(|id| !plan.accounts_for(id))?;
            version = ledger.plan_version_by_hash(&text_hash)?.map(|h| h.fingerprint());
            Ok(())
        })?;
    }
    let mut r = report::compute_counted(plan, review, as_of, &figures, &tasks, opts);
    r.ledger_head = head;
    r.future_entries = future;
    r.orphans = orphans.into_iter().map(|(id, entries)| report::Orphan { id, entries }).collect();
    r.plan_version_recorded = version.is_some();
    r.plan_version = Some(version.unwrap_or_else(|| crate::ledger::hash_fingerprint(&text_hash)));
    Ok(r)
}
