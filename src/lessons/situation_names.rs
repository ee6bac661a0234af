//! The engine's reply situations by name, as scenario files write them (`AuthBackendDown`).
//! The list is checked to be complete: a situation added to the engine without a name here
//! does not compile.

use crate::smtp::why::Situation;

macro_rules! named {
    ($($name:ident),* $(,)?) => {
        /// Every situation with its name.
        pub const NAMED: &[(Situation, &str)] = &[$((Situation::$name, stringify!($name))),*];

        /// Fails to compile when a situation is missing from the list.
        #[allow(dead_code)]
        fn complete(situation: Situation) {
            match situation {
                $(Situation::$name)|* => {}
            }
        }
    };
}

named!(
    Greeting,
    Helo,
    Ehlo,
    MailOk,
    RcptOk,
    DataGo,
    Queued,
    QueuedChunked,
    ChunkOk,
    Bye,
    RsetOk,
    NoopOk,
    VrfyOk,
    VrfyNoVerify,
    VrfyUnknown,
    VrfyDisabled,
    ExpnDisabled,
    Help,
    HelpUnsupported,
    Unrecognized,
    SyntaxError,
    ParamUnsupported,
    NeedHelo,
    NeedMail,
    NeedRcpt,
    NestedMail,
    LineTooLong,
    TextLineTooLong,
    MessageTooBig,
    SizeTooBig,
    AuthUnknownMechanism,
    AuthAlready,
    AuthInTransaction,
    AuthNotOffered,
    AuthChallenge,
    AuthOk,
    AuthFailed,
    AuthBackendDown,
    AuthCancelled,
    AuthBadBase64,
    AuthMalformed,
    AuthRequired,
    TlsRequired,
    AuthNeedsEncryption,
    TlsReady,
    TlsAlready,
    TlsNotOffered,
    SenderMismatch,
    UnknownUser,
    RelayDenied,
    Utf8Required,
    Fault,
    BdatOutOfSequence,
    MixedDataBdat,
    Timeout,
    Greylisted,
    BareLf,
    TooManyConnections,
    LineTooLongClose,
    ForbiddenCommand,
    EtrnStarted,
    EtrnRefused,
    EtrnNoDomain,
    VerbOk,
    Utf8RequiredRcpt,
    PrdrBegin,
    PrdrRecipient,
    PathTooLong,
    QueuedAtBareLf,
    TooManyErrors,
    InsufficientStorage,
    TooManyAuthFailures,
    TooManyBadRecipients,
    BareCr,
);

/// The situation with this name (exact case).
pub fn situation(name: &str) -> Option<Situation> {
    NAMED.iter().find(|(_, n)| *n == name).map(|(s, _)| *s)
}

/// The name of a situation.
pub fn name(situation: Situation) -> &'static str {
    NAMED
        .iter()
        .find(|(s, _)| *s == situation)
        .map_or("", |(_, n)| n)
}
