//! SPF.
