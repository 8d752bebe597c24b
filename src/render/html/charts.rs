//! Inline SVG charts, drawn in Rust from the report's numbers: no script,
//! no web font, nothing fetched. Every coordinate goes through [`c`], so a
//! stray non-finite number draws at 0 instead of printing NaN.
//!
//! SVG elements are always closed (`rect {}`), never `rect;`: in HTML an
//! unclosed foreign element swallows its siblings.

use super::super::labels::Labels;
use super::super::report::Fmt;
use crate::number::format_number;
use crate::plan::Status;
use crate::report::{TaskClass, YearPoint};
use maud::{Markup, html};

/// A coordinate: one decimal, 0 when not finite.
pub fn c(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// Colour of a status (always shown with its word and symbol too).
pub fn status_fill(s: Status) -> &'static str {
    match s {
        Status::Exceeded => "#1b5e20",
        Status::Met => "#43a047",
        Status::NotMet => "#c62828",
        Status::NoData => "#e0a100",
        Status::NoTarget | Status::Tracked => "#9aa1ab",
        Status::OnTrack => "#66bb6a",
        Status::Behind => "#ef6c00",
        Status::InProgress => "#5c7fa8",
    }
}

/// Fill of a task class: solid, or a pattern so it reads in grey-scale.
pub fn task_fill(class: TaskClass) -> &'static str {
    match class {
        TaskClass::DoneOnTime => "#2e7d32",
        TaskClass::DoneLate => "url(#pat-late)",
        TaskClass::OpenInTime => "url(#pat-open)",
        TaskClass::OpenOverdue => "url(#pat-overdue)",
        TaskClass::NoDeadline => "#eceff3",
        TaskClass::DoneNoDeadline => "#a5d6a7",
    }
}

/// The patterns the other charts refer to, once per page. Zero-sized
/// rather than `display: none`, which would disable the patterns.
pub fn defs() -> Markup {
    html! {
        svg class="defs" width="0" height="0" aria-hidden="true" focusable="false" {
            defs {
                pattern id="pat-late" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)" {
                    rect width="6" height="6" fill="#f3c969" {}
                    line x1="0" y1="0" x2="0" y2="6" stroke="#7a5a00" stroke-width="2.2" {}
                }
                pattern id="pat-open" width="6" height="6" patternUnits="userSpaceOnUse" {
                    rect width="6" height="6" fill="#dce9f7" {}
                    circle cx="3" cy="3" r="1.3" fill="#1f4e79" {}
                }
                pattern id="pat-overdue" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)" {
                    rect width="6" height="6" fill="#e06666" {}
                    line x1="0" y1="0" x2="0" y2="6" stroke="#5c0000" stroke-width="1.6" {}
                    line x1="0" y1="3" x2="6" y2="3" stroke="#5c0000" stroke-width="1.6" {}
                }
                pattern id="pat-final" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)" {
                    rect width="5" height="5" fill="#c9d6e6" {}
                    line x1="0" y1="0" x2="0" y2="5" stroke="#55708f" stroke-width="1.4" {}
                }
            }
        }
    }
}

/// Splits `text` into at most `max_lines` lines of about `width` chars,
/// the last one ending in `…` when the text is longer.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let len = cur.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let keep: String = last.chars().take(width.saturating_sub(1)).collect();
            *last = format!("{}…", keep.trim_end());
        }
    }
    lines
}

/// One row of the attainment chart.
pub struct BarRow {
    pub label: String,
    /// What the value rests on ("dựa trên 3/5 chỉ tiêu"): a line of its
    /// own under the label, never cut off.
    pub basis: Option<String>,
    pub value: Option<f64>,
    /// Shown instead of a bar when `value` is null.
    pub why_none: String,
    pub total: bool,
}

/// Horizontal bars of attainment (0–100 %), the number written on each.
pub fn attainment_bars(rows: &[BarRow], caption: &str, f: &Fmt) -> Markup {
    const W: f64 = 760.0;
    const LABEL_W: f64 = 300.0;
    const X0: f64 = 312.0;
    const BAR_W: f64 = 420.0;
    const LINE: f64 = 14.0;
    const TOP: f64 = 8.0;
    let wrapped: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut lines = wrap(&r.label, 42, if r.basis.is_some() { 2 } else { 3 });
            lines.extend(r.basis.clone());
            lines
        })
        .collect();
    let heights: Vec<f64> = wrapped.iter().map(|w| (w.len().max(1) as f64 * LINE + 12.0).max(30.0)).collect();
    let plot_h: f64 = heights.iter().sum();
    let h = TOP + plot_h + 26.0;
    let mut y = TOP;
    let mut tops = Vec::new();
    for hh in &heights {
        tops.push(y);
        y += hh;
    }
    let xs = |pct: f64| X0 + pct.clamp(0.0, 100.0) / 100.0 * BAR_W;
    html! {
        svg.chart.bars viewBox=(format!("0 0 {} {}", c(W), c(h))) role="img" aria-label=(caption) {
            title { (caption) }
            @for t in [0.0, 25.0, 50.0, 75.0, 100.0] {
                line x1=(c(xs(t))) x2=(c(xs(t))) y1=(c(TOP - 4.0)) y2=(c(TOP + plot_h))
                    class=(if t == 100.0 { "grid full" } else { "grid" }) {}
                text.axis x=(c(xs(t))) y=(c(TOP + plot_h + 16.0)) text-anchor="middle" { (f.pct(t)) }
            }
            @for (i, row) in rows.iter().enumerate() {
                @let top = tops[i];
                @let hh = heights[i];
                @let lines = &wrapped[i];
                @let mid = top + hh / 2.0;
                @let first = mid - (lines.len() as f64 - 1.0) * LINE / 2.0 + 4.0;
                @if row.total {
                    line.sep x1="0" x2=(c(W)) y1=(c(top)) y2=(c(top)) {}
                }
                text.label.total[row.total] x=(c(LABEL_W)) y=(c(first)) text-anchor="end" {
                    @for (k, line) in lines.iter().enumerate() {
                        tspan x=(c(LABEL_W)) dy=(if k == 0 { "0".to_string() } else { c(LINE) }) { (line) }
                    }
                }
                @match row.value.filter(|v| v.is_finite()) {
                    Some(v) => {
                        @let end = xs(v);
                        @let inside = end - X0 > 64.0;
                        rect.bar.total[row.total] x=(c(X0)) y=(c(mid - 9.0)) width=(c(end - X0)) height="18" rx="2" {}
                        @if inside {
                            text.on-bar x=(c(end - 6.0)) y=(c(mid + 4.5)) text-anchor="end" { (f.pct(v)) }
                        } @else {
                            text.by-bar x=(c(end + 6.0)) y=(c(mid + 4.5)) { (f.pct(v)) }
                        }
                    }
                    None => {
                        rect.empty x=(c(X0)) y=(c(mid - 9.0)) width=(c(BAR_W)) height="18" rx="2" {}
                        text.none x=(c(X0 + 8.0)) y=(c(mid + 4.5)) { "— " (row.why_none) }
                    }
                }
            }
        }
    }
}

/// A progress bar: attainment capped at 100 % of the bar's length.
pub fn progress(pct: f64, fill: &str, label: &str) -> Markup {
    const W: f64 = 96.0;
    let w = pct.clamp(0.0, 100.0) / 100.0 * W;
    html! {
        svg.progress viewBox="0 0 100 14" width="100" height="14" role="img" aria-label=(label) {
            rect.track x="1" y="1" width=(c(W + 2.0)) height="12" rx="2" {}
            @if w > 0.0 {
                rect x="2" y="2" width=(c(w)) height="10" fill=(fill) {}
            }
            @if pct > 100.0 {
                path d="M92 3 L98 7 L92 11 Z" fill="#fff" stroke="#111" stroke-width="0.8" {}
            }
        }
    }
}

/// One task class as a stacked-bar segment and a legend entry.
pub struct Segment {
    pub class: TaskClass,
    pub count: u32,
    pub label: String,
}

/// The year's tasks by class as one stacked bar, counts written on the
/// segments and the legend beside.
pub fn task_bar(segments: &[Segment], caption: &str) -> Markup {
    const W: f64 = 760.0;
    const H: f64 = 26.0;
    let total: u32 = segments.iter().map(|s| s.count).sum();
    let mut x = 0.0;
    let mut placed = Vec::new();
    for s in segments.iter().filter(|s| s.count > 0) {
        let w = f64::from(s.count) / f64::from(total.max(1)) * W;
        placed.push((x, w, s));
        x += w;
    }
    html! {
        svg.chart.stack viewBox=(format!("0 0 {} {}", c(W), c(H))) role="img" aria-label=(caption) {
            title { (caption) }
            @for (x, w, s) in &placed {
                rect x=(c(*x)) y="0" width=(c(*w)) height=(c(H)) fill=(task_fill(s.class)) stroke="#fff" stroke-width="1.5" {
                    title { (s.label) ": " (s.count) }
                }
                @if *w >= 18.0 {
                    text.seg x=(c(x + w / 2.0)) y=(c(H / 2.0 + 5.0)) text-anchor="middle" { (s.count) }
                }
            }
            rect x="0.5" y="0.5" width=(c(W - 1.0)) height=(c(H - 1.0)) fill="none" stroke="#555" stroke-width="1" {}
        }
    }
}

/// A swatch for a legend.
pub fn swatch(fill: &str) -> Markup {
    html! {
        svg.swatch viewBox="0 0 14 14" width="14" height="14" aria-hidden="true" {
            rect x="0.5" y="0.5" width="13" height="13" fill=(fill) stroke="#444" stroke-width="1" {}
        }
    }
}

/// A number on a chart's scale: fewer decimals the larger it is.
fn scale_num(x: f64, f: &Fmt) -> String {
    let decimals = match x.abs() {
        a if a >= 100.0 => 0,
        a if a >= 10.0 => 1,
        _ => 2,
    };
    format_number(x, f.style, decimals)
}

/// A small line chart of an indicator across the years of `series`: the
/// value compared with each year's target (solid; hollow points when
/// partial; gaps where a year has none) against the target path (dashed; a
/// band for a range target) and, when given, the plan's final target (a
/// dotted line across the whole chart: the span view of a tổng kết).
pub fn trend(
    series: &[YearPoint],
    year: i32,
    final_target: Option<f64>,
    caption: &str,
    f: &Fmt,
    l: &Labels,
) -> Markup {
    const W: f64 = 196.0;
    const H: f64 = 64.0;
    const LEFT: f64 = 36.0;
    const RIGHT: f64 = 8.0;
    const TOP: f64 = 11.0;
    const BOTTOM: f64 = 14.0;
    let fin = |x: Option<f64>| x.filter(|v| v.is_finite());
    let all: Vec<f64> = series
        .iter()
        .flat_map(|p| [fin(p.basis_value), fin(p.target), fin(p.target_max)])
        .chain([fin(final_target)])
        .flatten()
        .collect();
    let (Some(first), Some(last)) = (series.first(), series.last()) else {
        return html! { span.muted { "—" } };
    };
    if all.is_empty() {
        return html! { span.nochart { (l.tr("report-html-no-chart")) } };
    }
    let data_hi = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let data_lo = all.iter().copied().fold(f64::INFINITY, f64::min);
    // From zero when the numbers spread over much of it; else fitted to
    // them, so that a 9,5–10 % band is not a hairline at the top.
    let spread = data_hi - data_lo;
    let from_zero =
        (data_lo >= 0.0 && data_lo <= data_hi * 0.5) || (data_hi <= 0.0 && data_hi >= data_lo * 0.5);
    let pad = if spread > 1e-9 { spread * 0.15 } else { (data_hi.abs() * 0.1).max(1.0) };
    let (lo, hi) =
        if from_zero { (data_lo.min(0.0), data_hi.max(0.0)) } else { (data_lo - pad, data_hi + pad) };
    let (lo, hi) = if hi - lo < 1e-9 { (lo, lo + 1.0) } else { (lo, hi) };
    let hi = hi + (hi - lo) * 0.06;
    let (y0, y1) = (first.year, last.year);
    let x = |y: i32| {
        if y1 == y0 { W / 2.0 } else { LEFT + f64::from(y - y0) / f64::from(y1 - y0) * (W - LEFT - RIGHT) }
    };
    let y = |v: f64| TOP + (hi - v) / (hi - lo) * (H - TOP - BOTTOM);
    let step = if y1 == y0 { 20.0 } else { (W - LEFT - RIGHT) / f64::from(y1 - y0) };
    // Lines between consecutive years where both ends have a number; a
    // lone number gets a short tick instead.
    let segs = |get: &dyn Fn(&YearPoint) -> Option<f64>| {
        let mut lines = Vec::new();
        let mut ticks = Vec::new();
        for (k, p) in series.iter().enumerate() {
            let Some(v) = get(p) else { continue };
            let next = series.get(k + 1).filter(|q| q.year == p.year + 1).and_then(get);
            if let Some(w) = next {
                lines.push((x(p.year), y(v), x(p.year + 1), y(w)));
            }
            let prev =
                k.checked_sub(1).and_then(|j| series.get(j)).filter(|q| q.year + 1 == p.year).and_then(get);
            if next.is_none() && prev.is_none() {
                ticks.push((x(p.year), y(v)));
            }
        }
        (lines, ticks)
    };
    let (t_lines, t_ticks) = segs(&|p| fin(p.target));
    let (m_lines, m_ticks) = segs(&|p| fin(p.target_max));
    let (v_lines, _) = segs(&|p| fin(p.basis_value));
    let mut band = Vec::new();
    for w in series.windows(2) {
        if let (Some(a), Some(b), Some(am), Some(bm)) =
            (fin(w[0].target), fin(w[1].target), fin(w[0].target_max), fin(w[1].target_max))
        {
            let (xa, xb) = (x(w[0].year), x(w[1].year));
            band.push(format!(
                "{},{} {},{} {},{} {},{}",
                c(xa),
                c(y(a)),
                c(xb),
                c(y(b)),
                c(xb),
                c(y(bm)),
                c(xa),
                c(y(am))
            ));
        }
    }
    let half = (step / 2.0).min(9.0);
    // The scale: the highest number, and zero or the lowest one.
    let bottom = if from_zero { data_lo.min(0.0) } else { data_lo };
    let mut marks = vec![y0];
    if year > y0 && year < y1 {
        marks.push(year);
    }
    if y1 != y0 {
        marks.push(y1);
    }
    let base = H - BOTTOM;
    html! {
        svg.chart.trend viewBox=(format!("0 0 {} {}", c(W), c(H))) role="img" aria-label=(caption) {
            title { (caption) }
            @if (y0..=y1).contains(&year) {
                rect.now x=(c(x(year) - half)) y="0" width=(c(half * 2.0)) height=(c(base)) {}
            }
            @if lo <= 0.0 && hi >= 0.0 {
                line.base x1=(c(LEFT - 4.0)) x2=(c(W - RIGHT + 4.0)) y1=(c(y(0.0))) y2=(c(y(0.0))) {}
            }
            text.scale x=(c(LEFT - 4.0)) y=(c(y(data_hi) + 3.0)) text-anchor="end" { (scale_num(data_hi, f)) }
            @if y(bottom) - y(data_hi) >= 9.0 {
                text.scale x=(c(LEFT - 4.0)) y=(c(y(bottom) + 3.0)) text-anchor="end" { (scale_num(bottom, f)) }
            }
            @for b in &band {
                polygon.band points=(b) {}
            }
            @if let Some(t) = fin(final_target) {
                line.final x1=(c(LEFT - 4.0)) x2=(c(W - RIGHT + 4.0)) y1=(c(y(t))) y2=(c(y(t))) {}
            }
            @for (xa, ya, xb, yb) in t_lines.iter().chain(&m_lines) {
                line.target x1=(c(*xa)) y1=(c(*ya)) x2=(c(*xb)) y2=(c(*yb)) {}
            }
            @for (xa, ya) in t_ticks.iter().chain(&m_ticks) {
                line.target.tick x1=(c(xa - 6.0)) y1=(c(*ya)) x2=(c(xa + 6.0)) y2=(c(*ya)) {}
            }
            @for (xa, ya, xb, yb) in &v_lines {
                line.value x1=(c(*xa)) y1=(c(*ya)) x2=(c(*xb)) y2=(c(*yb)) {}
            }
            @for p in series {
                @if let Some(v) = fin(p.basis_value) {
                    circle.pt.partial[p.partial] cx=(c(x(p.year))) cy=(c(y(v))) r="2.8" {}
                }
            }
            @for yr in &marks {
                text.year.now[*yr == year]
                    x=(c(x(*yr)))
                    y=(c(H - 3.0))
                    text-anchor=(if *yr == y0 && y0 != y1 { "start" } else if *yr == y1 && y0 != y1 { "end" } else { "middle" }) {
                    (yr)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::NumberStyle;
    use crate::settings::Lang;

    #[test]
    fn coordinates_never_print_nan() {
        assert_eq!(c(f64::NAN), "0");
        assert_eq!(c(f64::INFINITY), "0");
        assert_eq!(c(3.0), "3");
        assert_eq!(c(2.25), "2.2");
    }

    #[test]
    fn wrap_cuts_long_labels() {
        let w = wrap("một hai ba bốn năm sáu bảy tám chín mười", 10, 2);
        assert_eq!(w.len(), 2);
        assert!(w[1].ends_with('…'));
        assert_eq!(wrap("", 10, 2), Vec::<String>::new());
    }

    #[test]
    fn trend_handles_empty_and_odd_series() {
        let f = Fmt { style: NumberStyle::Vi };
        let l = Labels::new(Lang::Vi);
        let pt = |year, value, target| YearPoint {
            year,
            value,
            basis_value: value,
            target,
            target_max: None,
            partial: false,
            estimate: false,
        };
        assert!(trend(&[], 2026, None, "x", &f, &l).into_string().contains('—'));
        let none = [pt(2026, None, None), pt(2027, None, None)];
        assert!(!trend(&none, 2026, None, "x", &f, &l).into_string().contains("<svg"));
        let odd = [
            pt(2026, Some(f64::NAN), Some(5.0)),
            pt(2027, Some(f64::INFINITY), None),
            pt(2028, Some(0.0), None),
        ];
        let s = trend(&odd, 2027, None, "x", &f, &l).into_string();
        assert!(s.contains("<svg") && !s.contains("NaN") && !s.contains("inf"));
        // A year without a value is a gap: no line across it.
        let gap = [
            pt(2026, Some(1.0), None),
            pt(2027, None, None),
            pt(2028, Some(2.0), None),
            pt(2029, Some(3.0), None),
        ];
        let s = trend(&gap, 2028, None, "x", &f, &l).into_string();
        assert_eq!(s.matches(r#"<line class="value""#).count(), 1, "{s}");
        assert_eq!(s.matches("<circle").count(), 3);
        let partial = [YearPoint {
            year: 2026,
            value: Some(1.0),
            basis_value: Some(1.0),
            target: Some(2.0),
            target_max: Some(3.0),
            partial: true,
            estimate: false,
        }];
        let s = trend(&partial, 2026, None, "x", &f, &l).into_string();
        assert!(s.contains(r#"class="pt partial""#));
        assert_eq!(s.matches(r#"class="target tick""#).count(), 2, "lone target and target_max as ticks");
        let flat = [pt(2026, Some(0.0), Some(0.0))];
        let s = trend(&flat, 2026, None, "x", &f, &l).into_string();
        assert!(!s.contains("NaN") && !s.contains("inf"));
    }
}
