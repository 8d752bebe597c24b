//! Tests of `plan ledger`.

#[allow(unused_imports)]
use crate::common::*;
