//! XOAUTH2 and OAUTHBEARER as exchanges (RFC 7628 §3.2): the client exchange stepped
//! against the server exchange, with the token right and wrong. A wrong token is not
//! refused at once: the server sends the base64 JSON error challenge (§3.2.2), the client
//! answers `^A` (OAUTHBEARER, §3.2.3) or an empty response (XOAUTH2, as Google documents),
//! and only then does the server fail.

use smtp_trainer::sasl::exchange::{
    Account, AuthStep, ClientParams, Nonces, OauthErrors, ServerEnv, ServerFailure,
};
use smtp_trainer::sasl::problem::SaslProblem;
use smtp_trainer::sasl::registry;

/// RFC 7628 §4.1's token.
const TOKEN: &str = "vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==";

fn accounts() -> Vec<Account> {
    vec![Account {
        user: "user@example.com".into(),
        password: "unused".into(),
        token: Some(TOKEN.into()),
    }]
}

fn params(token: &str) -> ClientParams {
    ClientParams {
        user: "user@example.com".into(),
        secret: token.into(),
        host: "server.example.com".into(),
        port: 587,
        cnonce: String::new(),
        scram_nonce: String::new(),
        ntlm_challenge: [0; 8],
        ntlm_timestamp: 0,
    }
}

/// Runs one exchange to its end; returns the server's challenges (decoded) and the outcome.
fn run(mechanism: &str, token: &str) -> (Vec<Vec<u8>>, AuthStep<ServerFailure>) {
    let found = registry::find(mechanism).expect("registered");
    let accounts = accounts();
    let mut nonces = Nonces::new(7);
    let aliases: Vec<String> = Vec::new();
    let mut env = ServerEnv {
        hostname: "server.example.com",
        aliases: &aliases,
        domain: "example.com",
        accounts: &accounts,
        backend_down: false,
        username_prompt: "Username:",
        nonces: &mut nonces,
        oauth: OauthErrors {
            scope: "https://mail.google.com/",
            xoauth2_status: "400",
        },
    };
    let mut server = (found.server)();
    let mut client = (found.client)(&params(token));
    let initial = client.initial().expect("builds").expect("client-first");
    let mut step = server.step(&mut env, &initial);
    let mut challenges = Vec::new();
    for _ in 0..4 {
        let AuthStep::Challenge(challenge) = step else {
            return (challenges, step);
        };
        challenges.push(challenge.bytes.clone());
        let AuthStep::Challenge(response) = client.step(&challenge.bytes) else {
            panic!("the client stopped");
        };
        step = server.step(&mut env, &response.bytes);
    }
    panic!("the exchange did not end");
}

#[test]
fn right_token_authenticates_at_once() {
    for mechanism in ["XOAUTH2", "OAUTHBEARER"] {
        let (challenges, outcome) = run(mechanism, TOKEN);
        assert!(challenges.is_empty(), "{mechanism}");
        assert_eq!(
            outcome,
            AuthStep::Success("user@example.com".into()),
            "{mechanism}"
        );
    }
}

#[test]
fn wrong_token_gets_the_error_challenge_then_fails() {
    let (challenges, outcome) = run("OAUTHBEARER", "not-the-token");
    // RFC 7628 §3.2.2: a JSON object with status (an OAuth error code) and scope.
    assert_eq!(
        challenges,
        [br#"{"status":"invalid_token","scope":"https://mail.google.com/"}"#.to_vec()]
    );
    assert_eq!(
        outcome,
        AuthStep::Failure(ServerFailure::Rejected(SaslProblem::InvalidToken(
            "user@example.com".into()
        )))
    );
    // Google's XOAUTH2 page: status, schemes and scope (Gmail's SMTP server says 400).
    let (challenges, outcome) = run("XOAUTH2", "not-the-token");
    assert_eq!(
        challenges,
        [br#"{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}"#.to_vec()]
    );
    assert!(matches!(
        outcome,
        AuthStep::Failure(ServerFailure::Rejected(SaslProblem::InvalidToken(_)))
    ));
}

#[test]
fn the_client_acknowledges_as_each_mechanism_says() {
    let json = br#"{"status":"invalid_token"}"#;
    let mut bearer = (registry::find("OAUTHBEARER").expect("registered").client)(&params("x"));
    bearer.initial().expect("builds");
    assert_eq!(
        bearer.step(json),
        AuthStep::Challenge(smtp_trainer::sasl::exchange::Message::raw(vec![0x01]))
    );
    let mut xoauth2 = (registry::find("XOAUTH2").expect("registered").client)(&params("x"));
    xoauth2.initial().expect("builds");
    assert_eq!(
        xoauth2.step(json),
        AuthStep::Challenge(smtp_trainer::sasl::exchange::Message::raw(Vec::new()))
    );
}

#[test]
fn the_other_layout_is_malformed() {
    let accounts = accounts();
    let mut nonces = Nonces::new(1);
    let mut env = ServerEnv {
        hostname: "h",
        aliases: &[],
        domain: "example.com",
        accounts: &accounts,
        backend_down: false,
        username_prompt: "Username:",
        nonces: &mut nonces,
        oauth: OauthErrors::default(),
    };
    let mut server = (registry::find("OAUTHBEARER").expect("registered").server)();
    let xoauth2 = format!("user=user@example.com\x01auth=Bearer {TOKEN}\x01\x01");
    assert_eq!(
        server.step(&mut env, xoauth2.as_bytes()),
        AuthStep::Failure(ServerFailure::Malformed(SaslProblem::OauthLayout {
            expected: "OAUTHBEARER"
        }))
    );
}
