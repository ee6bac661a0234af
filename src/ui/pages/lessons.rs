//! Guided lessons (`#/lessons`, `#/lessons/<id>`): the engine's lessons
//! ([`crate::lessons::guided::LESSONS`]) step by step. A step is a line sent to the lesson's
//! own server or a value computed by hand; the engine judges each try, shows the hint after
//! a wrong one and the answer on request. Each lesson's step (never what was typed) is
//! remembered in storage.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::i18n::Fill;
use crate::lessons::guided;
use crate::ui::learn::lessons::lesson_list::LessonList;
use crate::ui::learn::lessons::lesson_view::LessonView;
use crate::ui::learn::lessons::texts;
use crate::ui::route::Route;
use crate::ui::state::use_lang;

/// What the address selects.
#[derive(Properties, PartialEq)]
pub struct LessonsPageProps {
    /// The lesson's id, if any.
    pub id: Option<AttrValue>,
}

/// The lessons page.
#[function_component(LessonsPage)]
pub fn lessons_page(props: &LessonsPageProps) -> Html {
    let lang = use_lang();
    let body = match props.id.as_deref() {
        None => html! {
            <>
                <h1 data-testid="lessons-heading">{ texts::HEADING.get(lang) }</h1>
                <p class="intro">{ texts::INTRO.get(lang) }</p>
                <LessonList />
            </>
        },
        Some(id) => match guided::find(id) {
            Some(lesson) => html! { <LessonView key={lesson.id} id={lesson.id} /> },
            None => html! {
                <>
                    <h1 data-testid="lessons-heading">{ texts::HEADING.get(lang) }</h1>
                    <p class="error-box" role="alert" data-testid="lesson-unknown">
                        { texts::UNKNOWN.get(lang).fill(&[("id", &id)]) }
                    </p>
                    <Link<Route> to={Route::Lessons}>{ texts::BACK.get(lang) }</Link<Route>>
                </>
            },
        },
    };
    html! {
        <section class="page learn lessons" data-testid="lessons-page">
            { body }
        </section>
    }
}
