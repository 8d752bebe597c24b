//! Tests of `plan check`.

#[allow(unused_imports)]
use crate::common::*;
