//! Every lesson: its title and how far the learner got (k/n steps).

use yew::prelude::*;
use yew_router::prelude::*;

use super::state::use_lessons;
use super::texts;
use crate::i18n::Fill;
use crate::lessons::guided::LESSONS;
use crate::ui::learn::summary::LearnSummary;
use crate::ui::route::Route;
use crate::ui::state::use_lang;

/// The list.
#[function_component(LessonList)]
pub fn lesson_list() -> Html {
    let lang = use_lang();
    let Some(state) = use_lessons() else {
        return Html::default();
    };
    let items = LESSONS.iter().enumerate().map(|(i, lesson)| {
        let (k, n) = (state.step(lesson), lesson.steps.len());
        let complete = k >= n;
        html! {
            <li key={lesson.id} class={classes!("card-item", complete.then_some("done"))}
                data-testid={format!("lesson-item-{}", lesson.id)}>
                <span class="item-number" aria-hidden="true">{ i + 1 }</span>
                <div class="item-body">
                    <Link<Route> to={Route::Lesson { id: lesson.id.to_string() }} classes="item-title">
                        { lesson.title.get(lang) }
                    </Link<Route>>
                    <p class="item-meta">{ lesson.intro.get(lang) }</p>
                </div>
                <span class="progress" data-testid="lesson-progress">
                    <progress max={n.to_string()} value={k.to_string()} aria-hidden="true"></progress>
                    <span>{ texts::PROGRESS.get(lang).fill(&[("k", &k), ("n", &n)]) }</span>
                    if complete {
                        <span class="done-mark yes"><span aria-hidden="true">{ " ✓" }</span>
                            <span class="visually-hidden">{ texts::COMPLETE_MARK.get(lang) }</span></span>
                    }
                </span>
            </li>
        }
    });
    html! {
        <>
            <LearnSummary />
            <p class="hint">{ texts::STORAGE_NOTE.get(lang) }</p>
            <ol class="card-list" data-testid="lesson-list">{ for items }</ol>
        </>
    }
}
