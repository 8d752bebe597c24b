//! Tests of `plan report`.

#[allow(unused_imports)]
use crate::common::*;
