//! The module a first visit to the verify loads in English (issue 13; see
//! `smtp_trainer::first_page`). Built with the `text-en` feature.
#![forbid(unsafe_code)]

fn main() {
    smtp_trainer::first_page::start(smtp_trainer::first_page::Section::Verify);
}
