//! The module a first visit to the reference loads (issue 13; see
//! `smtp_trainer::first_page`). In both languages: its search reads both at once.
#![forbid(unsafe_code)]

fn main() {
    smtp_trainer::first_page::start(smtp_trainer::first_page::Section::Reference);
}
