//! Integration tests: the real `plan` binary against real files in a temp
//! dir. One binary, a module per subcommand.

mod common;

mod amend;
mod args;
mod check;
mod dhis2;
mod docx;
mod docx_parts;
mod html;
mod import;
mod language;
mod ledger;
mod pace;
mod print_ready;
mod report;
mod review;
mod trust;
mod trust_ledger;
mod width;
mod workbook;
mod workbook_faults;
