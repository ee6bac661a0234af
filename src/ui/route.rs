//! The routes. Sections whose feature is not built yet have no route.

use yew_router::Routable;

/// Every page of the app.
#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    /// `#/`: the console, where a learner starts.
    #[at("/")]
    Home,
    /// `#/console`: a session with the simulated SMTP server.
    #[at("/console")]
    Console,
    /// `#/auth`: authentication step by step, the mechanism last shown.
    #[at("/auth")]
    Auth,
    /// `#/auth/digest-md5`: one mechanism's steps.
    #[at("/auth/:mechanism")]
    AuthMechanism {
        /// The mechanism's slug (`plain`, `cram-md5`, `scram-sha-256` …).
        mechanism: String,
    },
    /// `#/verify`: check a captured exchange.
    #[at("/verify")]
    Verify,
    /// `#/reference`: the reference with nothing selected.
    #[at("/reference")]
    Reference,
    /// `#/reference/553`, `#/reference/5.7.8`, `#/reference/X.7.8`.
    #[at("/reference/:code")]
    ReferenceCode {
        /// A reply code or an enhanced code.
        code: String,
    },
    /// `#/reference/553/5.7.1`: a reply code with its enhanced code.
    #[at("/reference/:code/:enhanced")]
    ReferencePair {
        /// The reply code.
        code: String,
        /// The enhanced status code.
        enhanced: String,
    },
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}
