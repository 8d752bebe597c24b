//! Tests of `plan import`.

#[allow(unused_imports)]
use crate::common::*;
