//! The modules a first visit loads (issue 13): one section each, in one language. Their
//! bins (`console_page_en`, `console_page_zh`, … in `src/bin/`) only name their section;
//! the `text-en` or `text-zh` feature they are built with decides the language (see
//! [`crate::i18n::ONE_LANGUAGE`]). In the page, `static/loader.js` starts the one the
//! address and the learner's language need; the module hands over to the whole app when
//! another section, or the other language, is asked for (`ui::sections`).

/// A section with a first-page module of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// `#/` and `#/console`.
    Console,
    /// `#/reference/…`.
    Reference,
    /// `#/auth/…`.
    Auth,
    /// `#/verify`.
    Verify,
}

/// Starts the section's own app. A wasm32 module only: natively there is nothing to run,
/// so it says so and exits with status 2.
///
/// Always inlined: each module then links its own section alone, not every section's app.
#[inline(always)]
pub fn start(section: Section) {
    #[cfg(target_arch = "wasm32")]
    match section {
        Section::Console => crate::ui::run_console(),
        Section::Reference => crate::ui::run_reference(),
        Section::Auth => crate::ui::run_auth(),
        Section::Verify => crate::ui::run_verify(),
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        eprintln!(
            "The {section:?} page's module is part of the page and runs only in the browser."
        );
        std::process::exit(2);
    }
}
