//! One cell of an import row, as its source typed it (SPEC §4.1 "Cells").
//!
//! Every source — CSV (`csv.rs`), workbooks (`workbook.rs`, calamine) and
//! DHIS2 data value sets (`dhis2.rs`) — turns its rows into cells of this
//! type, in the columns of [`Col`](super::Col), and hands them to the one
//! row checker of the batch, so that every source gets the same rules:
//! text is read by the rules of `crate::input` (numbers in the plan's
//! style, dates in the plan's order, periods in every typed form); typed
//! cells are taken as typed, never through a text round-trip.

use chrono::NaiveDate;
use std::borrow::Cow;

/// A cell of an import row.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Cell<'a> {
    /// Nothing in the cell (or no such column).
    #[default]
    Empty,
    /// Text as typed: every CSV cell, a workbook text cell (a number stored
    /// as text is read by the plan's number rules).
    Text(Cow<'a, str>),
    /// A workbook number cell, or a DHIS2 value (machine number, `.` decimal).
    Number(f64),
    /// A workbook number cell formatted as a percentage, as shown: a cell
    /// holding 0.102 with format `0.0%` is `Percent(10.2)`.
    Percent(f64),
    /// A workbook date or date-time cell (the time is dropped).
    Date(NaiveDate),
}

impl Cell<'_> {
    /// Nothing in it: [`Cell::Empty`], or text of spaces only.
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => crate::input::text::trim(t).is_empty(),
            _ => false,
        }
    }

    /// The cell as text, for a column that holds an id or a note: text as
    /// it is, a number in machine form (`12`, `0.5`), a date as
    /// `YYYY-MM-DD`.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(t) => Cow::Borrowed(crate::input::text::trim(t)),
            Cell::Number(v) => Cow::Owned(v.to_string()),
            Cell::Percent(v) => Cow::Owned(format!("{v}%")),
            Cell::Date(d) => Cow::Owned(d.to_string()),
        }
    }
}
