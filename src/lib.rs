//! `plan`: a KPI ledger for public action plans held to the "6 rõ" principle.
//!
//! Dependencies point one way (ARCHITECTURE.md; `shared/tools/modgraph.py`
//! finds no cycle): `cli` → `cmd` → (`import`, `export`, `render`) →
//! (`report`, `ledger`, `input`) → (`plan`, `counting`) → (`words`,
//! `i18n`) → the leaf types (`period`, `number`, `settings`, `entry`),
//! which use nothing of the crate. `render` turns results into bytes and
//! knows nothing of the store.

pub mod cli;
pub mod cmd;
pub mod counting;
pub mod entry;
pub mod export;
pub mod i18n;
pub mod import;
pub mod input;
pub mod ledger;
pub mod number;
pub mod period;
pub mod plan;
pub mod render;
pub mod report;
pub mod settings;
pub mod words;
