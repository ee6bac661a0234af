//! The module a first visit to the auth loads in Simplified Chinese (issue 13; see
//! `smtp_trainer::first_page`). Built with the `text-zh` feature.
#![forbid(unsafe_code)]

fn main() {
    smtp_trainer::first_page::start(smtp_trainer::first_page::Section::Auth);
}
