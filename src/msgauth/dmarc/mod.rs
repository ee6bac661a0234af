//! DMARC.
