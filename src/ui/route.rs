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
    /// `#/compose`: compose a message and send it to a simulated server.
    #[at("/compose")]
    Compose,
    /// `#/mailbox`: every message the simulated servers accepted.
    #[at("/mailbox")]
    Mailbox,
    /// `#/analyze`: paste a log, get a diagnosis and every line explained.
    #[at("/analyze")]
    Analyze,
    /// `#/msgauth`: message authentication (DKIM, SPF, DMARC), the case studies.
    #[at("/msgauth")]
    MsgAuth,
    /// `#/msgauth/dkim`, `#/msgauth/sign`, `#/msgauth/spf`, `#/msgauth/dmarc`,
    /// `#/msgauth/cases`: one check.
    #[at("/msgauth/:check")]
    MsgAuthCheck {
        /// The check's slug.
        check: String,
    },
    /// `#/scenarios`: every scenario and which are done.
    #[at("/scenarios")]
    Scenarios,
    /// `#/scenarios/sender-mismatch`: one scenario.
    #[at("/scenarios/:id")]
    Scenario {
        /// The scenario's id.
        id: String,
    },
    /// `#/lessons`: every guided lesson and its progress.
    #[at("/lessons")]
    Lessons,
    /// `#/lessons/first-transaction`: one lesson.
    #[at("/lessons/:id")]
    Lesson {
        /// The lesson's id.
        id: String,
    },
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

impl Route {
    /// The section an address belongs to (a match, not the router's path formatting,
    /// which would weigh on every first page).
    pub fn section(&self) -> &'static str {
        match self {
            Route::Home | Route::Console => "console",
            Route::Auth | Route::AuthMechanism { .. } => "auth",
            Route::Verify => "verify",
            Route::Compose => "compose",
            Route::Mailbox => "mailbox",
            Route::Analyze => "analyze",
            Route::MsgAuth | Route::MsgAuthCheck { .. } => "msgauth",
            Route::Scenarios | Route::Scenario { .. } => "scenarios",
            Route::Lessons | Route::Lesson { .. } => "lessons",
            Route::Reference | Route::ReferenceCode { .. } | Route::ReferencePair { .. } => {
                "reference"
            }
            Route::NotFound => "not-found",
        }
    }
}
