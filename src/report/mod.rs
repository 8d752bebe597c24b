//! Report computation (SPEC §5).
