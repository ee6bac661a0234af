//! The auth page's state: the mechanism last shown, and for each mechanism what the
//! learner typed and which step is shown. Held in a reducer the app provides by context,
//! so a visit to another page and back keeps all of it.
//!
//! Passwords are part of it, in memory only: nothing here is ever written to storage.

use std::rc::Rc;

use yew::prelude::*;

use super::compute::Values;
use super::mechanism::{AuthMech, Example, Field};

/// One mechanism's form.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Form {
    /// The inputs' values.
    pub values: Rc<Values>,
    /// The step shown (clamped to the trace when rendered).
    pub step: usize,
}

/// The auth page's state.
#[derive(Clone, Debug, PartialEq)]
pub struct AuthState {
    /// The mechanism shown at `#/auth`, and the last one picked.
    pub current: AuthMech,
    /// Every mechanism's form, in the order of [`AuthMech::ALL`].
    pub forms: Rc<Vec<Form>>,
}

/// What changes the state.
pub enum AuthAction {
    /// The address or the picker chose a mechanism.
    Select(AuthMech),
    /// An input changed.
    Input {
        /// Whose form.
        mech: AuthMech,
        /// Which input.
        field: Field,
        /// Its new value.
        value: String,
    },
    /// An example replaces the form's values; the trace starts again at its first step.
    Example {
        /// Whose form.
        mech: AuthMech,
        /// The example.
        example: &'static Example,
    },
    /// A shared state: the mechanism shown, its values and step.
    Restore {
        /// The mechanism.
        mech: AuthMech,
        /// Its form's values.
        values: Values,
        /// The step shown.
        step: usize,
    },
    /// Show this step.
    Step {
        /// Whose trace.
        mech: AuthMech,
        /// The step's index.
        index: usize,
    },
}

fn filled(example: Option<&Example>) -> Form {
    let values = example.map(|e| (e.fill)()).unwrap_or_default();
    Form {
        values: Rc::new(Values::from_pairs(values)),
        step: 0,
    }
}

impl Default for AuthState {
    /// Each mechanism starts with its first example, so there is a trace to walk at once.
    fn default() -> AuthState {
        let forms = AuthMech::ALL
            .into_iter()
            .map(|mech| filled(mech.examples().first()))
            .collect();
        AuthState {
            current: AuthMech::Plain,
            forms: Rc::new(forms),
        }
    }
}

impl AuthState {
    /// The form of `mech`.
    pub fn form(&self, mech: AuthMech) -> Form {
        self.forms.get(mech as usize).cloned().unwrap_or_default()
    }

    /// The form of `mech`, to change.
    fn form_mut(&mut self, mech: AuthMech) -> Option<&mut Form> {
        Rc::make_mut(&mut self.forms).get_mut(mech as usize)
    }
}

impl Reducible for AuthState {
    type Action = AuthAction;

    fn reduce(self: Rc<Self>, action: AuthAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AuthAction::Select(mech) => {
                if next.current == mech {
                    return self;
                }
                next.current = mech;
            }
            AuthAction::Input { mech, field, value } => {
                if let Some(form) = next.form_mut(mech) {
                    Rc::make_mut(&mut form.values).set(field, value);
                }
            }
            AuthAction::Example { mech, example } => {
                if let Some(form) = next.form_mut(mech) {
                    *form = filled(Some(example));
                }
            }
            AuthAction::Restore { mech, values, step } => {
                next.current = mech;
                if let Some(form) = next.form_mut(mech) {
                    *form = Form {
                        values: Rc::new(values),
                        step,
                    };
                }
            }
            AuthAction::Step { mech, index } => {
                if let Some(form) = next.form_mut(mech) {
                    form.step = index;
                }
            }
        }
        Rc::new(next)
    }
}

impl AuthState {
    /// `mech`'s form as a link (or the hand-over to the whole app) carries it: the
    /// mechanism's slug, the inputs by their slugs, the step.
    pub fn share(&self, mech: AuthMech) -> crate::share::pages::AuthShare {
        let form = self.form(mech);
        crate::share::pages::AuthShare {
            mechanism: mech.slug().to_string(),
            inputs: form
                .values
                .pairs()
                .iter()
                .map(|(field, value)| (field.slug().to_string(), value.clone()))
                .collect(),
            step: form.step,
        }
    }
}

impl AuthAction {
    /// Restores `state` (and shows its mechanism); a mechanism or input that does not exist
    /// makes it damaged.
    pub fn restore(
        state: crate::share::pages::AuthShare,
    ) -> Result<AuthAction, crate::share::ShareError> {
        use crate::share::ShareError;
        let mech = AuthMech::from_slug(&state.mechanism).ok_or(ShareError::Damaged)?;
        let mut pairs = Vec::new();
        for (slug, value) in state.inputs {
            let field = mech
                .fields()
                .iter()
                .find(|f| f.slug() == slug)
                .ok_or(ShareError::Damaged)?;
            pairs.push((*field, value));
        }
        Ok(AuthAction::Restore {
            mech,
            values: Values::from_pairs(pairs),
            step: state.step,
        })
    }
}

/// The handle components receive from the context.
pub type AuthContext = UseReducerHandle<AuthState>;

/// The auth state from the context (`None` outside the provider).
#[hook]
pub fn use_auth() -> Option<AuthContext> {
    use_context::<AuthContext>()
}
