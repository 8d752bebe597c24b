//! Integration tests: the real `plan` binary against real files in a temp
//! dir. One binary, a module per subcommand.

mod common;

mod amend;
mod args;
mod check;
mod dhis2;
mod docx;
mod html;
mod import;
mod language;
mod ledger;
mod pace;
mod report;
mod review;
mod trust;
mod trust_ledger;
mod width;
mod workbook;
