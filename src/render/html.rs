//! Self-contained HTML report (see issue 6).
