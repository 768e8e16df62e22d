//! `GET /countries/{code}/digest`: what a new edition changed for a country (and, with the
//! organisation filter, for one organisation's work), with the forms by which an editor carries
//! ongoing work forward to the recommendations that continue; `POST
//! /countries/{code}/digest/carry` takes one yes or no.

use actix_web::{HttpResponse, web};
use maud::{Markup, html};
use serde::Deserialize;
use uuid::Uuid;

use super::csrf::CheckedForm;
use super::error::WebError;
use super::filters::{self, query_string};
use super::layout::{self, Section};
use super::session::Visitor;
use super::widgets;
use crate::domain::{
    CarriedWork, Continuing, Dropped, EditionRecommendation, LinkedWork, WordChangeKind,
};
use crate::http::AppState;
use crate::http::error::ApiError;
use crate::i18n::{Locale, Worded};
use crate::usecases;
use crate::usecases::carry_forward::{Carried, CarryAnswer};
use crate::usecases::edition_digest::EditionDigest;

/// The digest's page and its carry-forward answers.
pub fn routes(config: &mut web::ServiceConfig) {
    config
        .route("/countries/{code}/digest", web::get().to(page))
        .route("/countries/{code}/digest/carry", web::post().to(carry));
}

#[derive(Debug, Default, Deserialize)]
pub struct DigestQuery {
    year: Option<String>,
    organisation: Option<String>,
    /// What the last carry answer did: `carried`, `declined` or `already`.
    done: Option<String>,
}

/// `GET /countries/{code}/digest`.
pub async fn page(
    visitor: Visitor,
    state: web::Data<AppState>,
    code: web::Path<String>,
    query: web::Query<DigestQuery>,
) -> Result<HttpResponse, WebError> {
    let locale = visitor.locale;
    let year = filters::optional::<i32>("report year", query.year.as_deref())?;
    let organisation = filters::organisation(query.organisation.as_deref())?;
    let digest =
        usecases::edition_digest::digest(state.get_ref(), &code, year, organisation).await?;
    let organisations = usecases::organisations::all(state.get_ref()).await?;
    let country = locale.country(&digest.country.code, &digest.country.tip_name);
    let title = locale.text_with(
        "digest-title",
        &[
            ("year", digest.year.into()),
            ("country", country.clone().into()),
        ],
    );
    let back = query_string(&[
        ("year", Some(digest.year.to_string())),
        ("organisation", digest.organisation.map(|id| id.to_string())),
    ]);
    let content = html! {
        p { a href={ "/countries/" (digest.country.code) "?" (back) } { (locale.text_with("digest-back-to", &[("country", country.clone().into())])) } }
        h1 { (title) }
        form.filters.panel method="get" action={ "/countries/" (digest.country.code) "/digest" } aria-label=(locale.text("filters-label")) {
            input type="hidden" name="year" value=(digest.year);
            (widgets::organisation_filter(locale, &locale.text("digest-work-of"), &organisations, digest.organisation))
            button type="submit" { (locale.text("filter-apply")) }
        }
        (summary(locale, &digest, &country))
        (continuing(&visitor, &digest, &back, query.done.as_deref()))
        (new_ones(locale, &digest))
        (dropped(locale, &digest))
    };
    Ok(widgets::html_page(layout::page(
        &title,
        &visitor,
        Section::Overview,
        content,
    )))
}

fn done_notice(locale: Locale, done: Option<&str>) -> Markup {
    let key = match done {
        Some("carried") => "digest-done-carried",
        Some("declined") => "digest-done-declined",
        Some("already") => "digest-done-already",
        _ => return html! {},
    };
    html! { p.notice role="status" { (locale.text(key)) } }
}

fn summary(locale: Locale, digest: &EditionDigest, country: &str) -> Markup {
    let changes = &digest.changes;
    html! {
        section.panel aria-label=(locale.text("digest-summary")) {
            @if let Some(tier) = &digest.tier {
                p { (locale.text_with("gaps-placed", &[
                    ("tier", tier.tier.label(locale).into()),
                    ("movement", widgets::movement(locale, tier.movement).into()),
                    ("waiver", if tier.waiver { "yes" } else { "no" }.into()),
                ])) }
                @if let Some(previous) = tier.previous_tier {
                    p.muted { (locale.text_with("digest-previous-tier", &[("year", (digest.year - 1).into()), ("tier", previous.label(locale).into())])) }
                }
            }
            @match digest.earlier_year {
                Some(earlier) => p {
                    (locale.text_with("digest-counts", &[
                        ("earlier", earlier.into()),
                        ("continuing", changes.continuing.len().into()),
                        ("reworded", changes.continuing.iter().filter(|c| c.reworded).count().into()),
                        ("new", changes.new.len().into()),
                        ("dropped", changes.dropped.len().into()),
                    ]))
                },
                None => p { (locale.text_with("digest-no-earlier", &[("country", country.into())])) },
            }
            @if !changes.dropped.is_empty() {
                @let counts = [
                    ("answered", digest.dropped_answered.into()),
                    ("dropped", changes.dropped.len().into()),
                    ("year", digest.year.into()),
                ];
                p { @match &digest.organisation_name {
                    Some(name) => {
                        (locale.text_with("digest-dropped-answered-by", &[&counts[..], &[("organisation", name.clone().into())]].concat()))
                    }
                    None => { (locale.text_with("digest-dropped-answered", &counts)) }
                } }
            }
            @if digest.waiting_to_carry > 0 {
                p { a href="#continuing" { (locale.text_with("digest-waiting", &[("count", digest.waiting_to_carry.into())])) } }
            }
        }
    }
}

fn numbered(locale: Locale, recommendation: &EditionRecommendation) -> String {
    locale.text_with(
        "lineage-numbered",
        &[
            ("year", recommendation.year.into()),
            ("position", recommendation.position.into()),
        ],
    )
}

/// The recommendations that continue, with the answer just given (`done`) said first, where
/// the page opens after it.
fn continuing(visitor: &Visitor, digest: &EditionDigest, back: &str, done: Option<&str>) -> Markup {
    let locale = visitor.locale;
    html! {
        section aria-labelledby="continuing" {
            h2 #continuing { (locale.text("digest-continuing")) }
            (done_notice(locale, done))
            @if digest.changes.continuing.is_empty() {
                p { (locale.text("digest-none")) }
            }
            @for item in &digest.changes.continuing {
                article.panel {
                    h3 { (locale.text_with("digest-continues", &[("current", numbered(locale, &item.current).into()), ("earlier", numbered(locale, &item.earlier).into())])) }
                    (wording(locale, item))
                    (ongoing_work(visitor, digest, item, back))
                }
            }
        }
    }
}

/// The new text, with the words taken out struck through and the words put in marked.
fn wording(locale: Locale, item: &Continuing) -> Markup {
    html! {
        @if item.reworded {
            p.wording {
                @for piece in &item.wording {
                    @match piece.change {
                        WordChangeKind::Kept => { (piece.text) }
                        WordChangeKind::Removed => { del title=(locale.text("digest-words-removed")) { (piece.text) } }
                        WordChangeKind::Added => { ins title=(locale.text("digest-words-added")) { (piece.text) } }
                    }
                }
            }
            p.muted { (locale.text("digest-reworded")) }
        } @else {
            p { (item.current.text) }
            p.muted { (locale.text("digest-same-words")) }
        }
    }
}

fn ongoing_work(
    visitor: &Visitor,
    digest: &EditionDigest,
    item: &Continuing,
    back: &str,
) -> Markup {
    let locale = visitor.locale;
    let editable = visitor.caller.editable_organisation();
    html! {
        @if !item.ongoing_work.is_empty() {
            h4 { (locale.text_with("digest-ongoing-on", &[("earlier", numbered(locale, &item.earlier).into())])) }
            ul.plain {
                @for carried in &item.ongoing_work {
                    li {
                        (work_line(locale, &carried.work))
                        " · "
                        (carry_state(locale, carried, &item.current))
                        @if !carried.linked_to_current && carried.declined_by.is_none()
                            && editable.as_ref().is_ok_and(|only| only.is_none_or(|org| org == carried.work.organisation_id)) {
                            (carry_form(visitor, digest, item, carried, back))
                        }
                    }
                }
            }
        }
    }
}

fn carry_state(locale: Locale, carried: &CarriedWork, current: &EditionRecommendation) -> Markup {
    html! {
        @if carried.linked_to_current {
            strong { (locale.text_with("digest-linked-to-current", &[("current", numbered(locale, current).into())])) }
        } @else if let Some(by) = &carried.declined_by {
            span.muted { (locale.text_with("digest-declined-by", &[("name", by.clone().into())])) }
        } @else {
            span { (locale.text_with("digest-not-carried", &[("current", numbered(locale, current).into())])) }
        }
    }
}

fn carry_form(
    visitor: &Visitor,
    digest: &EditionDigest,
    item: &Continuing,
    carried: &CarriedWork,
    back: &str,
) -> Markup {
    let locale = visitor.locale;
    html! {
        form.carry method="post" action={ "/countries/" (digest.country.code) "/digest/carry" } {
            input type="hidden" name="csrf" value=(visitor.csrf);
            input type="hidden" name="intervention" value=(carried.work.intervention_id);
            input type="hidden" name="from" value=(item.earlier.id);
            input type="hidden" name="to" value=(item.current.id);
            input type="hidden" name="back" value=(back);
            span.question { (locale.text_with("digest-carry-question", &[("title", carried.work.title.clone().into()), ("current", numbered(locale, &item.current).into())])) }
            " "
            button type="submit" name="carry" value="yes" { (locale.text("digest-carry-yes")) }
            " "
            button.secondary type="submit" name="carry" value="no" { (locale.text("digest-carry-no")) }
        }
    }
}

fn work_line(locale: Locale, work: &LinkedWork) -> Markup {
    html! {
        a href={ "/interventions/" (work.intervention_id) } { (work.title) }
        " (" (work.organisation_name) ", " (work.status.label(locale)) "; " (work.contribution.label(locale)) ")"
    }
}

fn new_ones(locale: Locale, digest: &EditionDigest) -> Markup {
    html! {
        section aria-labelledby="new" {
            h2 #new { (locale.text("digest-new")) }
            @if digest.changes.new.is_empty() {
                p { (locale.text("digest-none")) }
            }
            ul.plain {
                @for recommendation in &digest.changes.new {
                    li { strong { (numbered(locale, recommendation)) } " · " (recommendation.pillar.label(locale)) p { (recommendation.text) } }
                }
            }
        }
    }
}

fn dropped(locale: Locale, digest: &EditionDigest) -> Markup {
    html! {
        section aria-labelledby="dropped" {
            h2 #dropped { (locale.text("digest-dropped")) }
            p.muted { (locale.text("digest-dropped-intro")) }
            @if digest.changes.dropped.is_empty() {
                p { (locale.text("digest-none")) }
            }
            @for item in &digest.changes.dropped {
                (dropped_one(locale, item))
            }
        }
    }
}

fn dropped_one(locale: Locale, item: &Dropped) -> Markup {
    html! {
        article.panel {
            h3 { (numbered(locale, &item.recommendation)) }
            p { (item.recommendation.text) }
            @if item.answered_by.is_empty() {
                p.muted { (locale.text("digest-no-work")) }
            } @else {
                p { (locale.text("digest-answered-by")) }
                ul.plain { @for work in &item.answered_by { li { (work_line(locale, work)) } } }
            }
        }
    }
}

/// `POST /countries/{code}/digest/carry`: one yes or no.
pub async fn carry(
    state: web::Data<AppState>,
    code: web::Path<String>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let CheckedForm { visitor, form } = checked;
    let id = |name: &str| {
        Uuid::parse_str(form.get(name))
            .map_err(|_| ApiError::BadRequest(format!("the form's `{name}` is not an id")))
    };
    let answer = CarryAnswer {
        intervention_id: id("intervention")?,
        from: id("from")?,
        to: id("to")?,
        carry: form.get("carry") == "yes",
    };
    let done =
        match usecases::carry_forward::answer(state.get_ref(), &visitor.caller, answer).await? {
            Carried::Carried => "carried",
            Carried::Declined => "declined",
            Carried::AlreadyLinked => "already",
        };
    // Back to the digest it was answered on: its year and filter, nothing else.
    let back: Vec<(String, String)> = url::form_urlencoded::parse(form.get("back").as_bytes())
        .filter(|(name, _)| name == "year" || name == "organisation")
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.extend_pairs(back).append_pair("done", done);
    let code: String = code.chars().filter(char::is_ascii_alphanumeric).collect();
    Ok(widgets::see_other(&format!(
        "/countries/{code}/digest?{}#continuing",
        query.finish()
    )))
}
