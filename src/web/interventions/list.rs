//! `GET /interventions`: the list a program manager works from: search, filters, an order, a
//! count, and pages of [`PAGE_SIZE`] that resume after the last row shown (as the API's
//! cursors do), so a page stays right while others log work.
//!
//! A filter that names no country does not throw the page away: the page comes back with the
//! filters as typed and the closest names as links.

use std::collections::HashMap;

use actix_web::{HttpResponse, web};
use maud::{Markup, html};
use serde::Deserialize;
use uuid::Uuid;

use crate::domain::{CountryMention, InterventionKind, InterventionStatus, UnresolvedCountry};
use crate::http::AppState;
use crate::i18n::{Locale, Worded};
use crate::usecases;
use crate::usecases::countries::CountryRow;
use crate::usecases::interventions::{Intervention, InterventionFilter, InterventionOrder};
use crate::usecases::organisations::OrganisationRow;
use crate::usecases::recommendations::RecommendationRow;
use crate::web::error::WebError;
use crate::web::filters;
use crate::web::layout::{self, Section};
use crate::web::session::Visitor;
use crate::web::widgets;

/// Rows on one page of the list.
const PAGE_SIZE: i64 = 50;

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    organisation: Option<String>,
    country: Option<String>,
    status: Option<String>,
    kind: Option<String>,
    /// A recommendation: only the interventions linked to it.
    answers: Option<String>,
    sort: Option<String>,
    /// The last row of the previous page.
    after: Option<String>,
    /// How many rows came before this page (only to say "51–100 of 66").
    from: Option<u32>,
}

impl ListQuery {
    /// The query of this list with `changes` applied, as a link's `href`.
    fn href(&self, changes: &[(&str, Option<String>)]) -> String {
        let mut pairs = vec![
            ("q", self.q.clone()),
            ("organisation", self.organisation.clone()),
            ("country", self.country.clone()),
            ("status", self.status.clone()),
            ("kind", self.kind.clone()),
            ("answers", self.answers.clone()),
            ("sort", self.sort.clone()),
        ];
        for (name, value) in changes {
            match pairs.iter_mut().find(|(n, _)| n == name) {
                Some(pair) => pair.1 = value.clone(),
                None => pairs.push((name, value.clone())),
            }
        }
        format!("/interventions?{}", filters::query_string(&pairs))
    }
}

/// The orders people can choose, with the key of the words the sort box shows.
const ORDERS: &[(&str, InterventionOrder, &str)] = &[
    (
        "newest",
        InterventionOrder::Newest,
        "interventions-order-newest",
    ),
    (
        "oldest",
        InterventionOrder::Oldest,
        "interventions-order-oldest",
    ),
    (
        "title",
        InterventionOrder::Title,
        "interventions-order-title",
    ),
    (
        "changed",
        InterventionOrder::RecentlyChanged,
        "interventions-order-changed",
    ),
];

/// The order named by `sort` (newest first when none or an unknown one).
fn order_of(sort: Option<&str>) -> (&'static str, InterventionOrder) {
    ORDERS
        .iter()
        .find(|(code, _, _)| Some(*code) == sort)
        .map_or(("newest", InterventionOrder::Newest), |(code, order, _)| {
            (*code, *order)
        })
}

/// `GET /interventions`.
pub(super) async fn list(
    visitor: Visitor,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, WebError> {
    let mut connection = state.connection().await?;
    let country_text = query
        .country
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let country = match country_text {
        Some(name) => Some(usecases::countries::country_or_reason(&mut connection, name).await?),
        None => None,
    };
    let filter = InterventionFilter {
        organisation: filters::organisation(query.organisation.as_deref())?,
        country: match &country {
            Some(Ok(found)) => Some(found.code.clone()),
            _ => None,
        },
        kind: filters::optional("kind", query.kind.as_deref())?,
        status: filters::optional("status", query.status.as_deref())?,
        text: crate::domain::search_text("q", query.q.as_deref())?,
        answers: filters::optional("recommendation", query.answers.as_deref())?,
    };
    let answering = match filter.answers {
        Some(id) => Some(usecases::recommendations::find_with_standing(state.get_ref(), id).await?),
        None => None,
    };
    let (sort, order) = order_of(query.sort.as_deref());
    let after = filters::optional::<Uuid>("page", query.after.as_deref())?;
    let organisations = usecases::organisations::all(state.get_ref()).await?;
    let countries = usecases::countries::ranked(&mut connection).await?;
    let results = match &country {
        Some(Err(unresolved)) => Results::NoSuchCountry(unresolved),
        _ => {
            let mut rows = usecases::interventions::page(
                &mut connection,
                &filter,
                order,
                after,
                PAGE_SIZE + 1,
            )
            .await?;
            let more = rows.len() as i64 > PAGE_SIZE;
            rows.truncate(PAGE_SIZE as usize);
            let total = usecases::interventions::count(&mut connection, &filter).await?;
            Results::Rows { rows, more, total }
        }
    };
    let view = ListView {
        locale: visitor.locale,
        query: &query,
        filter: &filter,
        sort,
        organisations: &organisations,
        countries: &countries,
        answering: answering.as_ref(),
    };
    let can_create = visitor.caller.may_edit(None);
    let locale = visitor.locale;
    let title = locale.text("interventions-title");
    let content = html! {
        h1 { (title) }
        @if can_create { p { a.button href="/interventions/new" { (locale.text("interventions-log")) } } }
        (view.answering())
        (view.filters_form())
        (view.iati_offer())
        (view.results(&results))
    };
    Ok(widgets::html_page(layout::page(
        &title,
        &visitor,
        Section::Interventions,
        content,
    )))
}

/// What the filters found: rows, or the reason the country filter names no country.
enum Results<'a> {
    Rows {
        rows: Vec<Intervention>,
        more: bool,
        total: i64,
    },
    NoSuchCountry(&'a UnresolvedCountry),
}

/// The parts of the list page.
struct ListView<'a> {
    locale: Locale,
    query: &'a ListQuery,
    filter: &'a InterventionFilter,
    sort: &'static str,
    organisations: &'a [OrganisationRow],
    countries: &'a [CountryRow],
    /// The recommendation the list is narrowed to, if any.
    /// The recommendation the list is narrowed to, and whether its report is its country's latest.
    answering: Option<&'a (RecommendationRow, bool)>,
}

impl ListView<'_> {
    fn filters_form(&self) -> Markup {
        let locale = self.locale;
        html! {
            form.filters.panel method="get" role="search" aria-label=(locale.text("interventions-search-label")) {
                @if let Some((answers, _)) = self.answering { input type="hidden" name="answers" value=(answers.id); }
                div {
                    label for="q" { (locale.text("interventions-search")) }
                    input #q type="search" name="q" value=[self.query.q.as_deref()] maxlength="200"
                        placeholder=(locale.text("interventions-search-hint"));
                }
                (widgets::organisation_filter(locale, &locale.text("interventions-organisation"), self.organisations, self.filter.organisation))
                div {
                    label for="country" { (locale.text("interventions-country")) }
                    input #country type="text" name="country" value=[self.query.country.as_deref()]
                        list="country-names" placeholder=(locale.text("interventions-country-hint")) autocomplete="off";
                    datalist #country-names {
                        @for country in self.countries { option value=(locale.country(&country.code, &country.tip_name)) {} }
                    }
                }
                div {
                    label for="status" { (locale.text("interventions-status")) }
                    select #status name="status" {
                        option value="" { (locale.text("interventions-any")) }
                        @for s in InterventionStatus::ALL { option value=(s) selected[self.filter.status == Some(*s)] { (s.label(locale)) } }
                    }
                }
                div {
                    label for="kind" { (locale.text("interventions-kind")) }
                    select #kind name="kind" {
                        option value="" { (locale.text("interventions-any")) }
                        @for k in InterventionKind::ALL { option value=(k) selected[self.filter.kind == Some(*k)] { (k.label(locale)) } }
                    }
                }
                div {
                    label for="sort" { (locale.text("interventions-order")) }
                    select #sort name="sort" {
                        @for (code, _, label) in ORDERS { option value=(code) selected[*code == self.sort] { (locale.text(label)) } }
                    }
                }
                button type="submit" { (locale.text("interventions-search")) }
                @if self.is_filtered() { a.button.secondary href="/interventions" { (locale.text("interventions-clear")) } }
            }
        }
    }

    /// The recommendation the list is narrowed to, with the way back to it and the way out.
    fn answering(&self) -> Markup {
        let locale = self.locale;
        html! {
            @if let Some((recommendation, is_latest)) = self.answering {
                @let country = self.countries.iter().find(|c| c.code == recommendation.country_code)
                    .map_or(recommendation.country_code.clone(), |c| locale.country(&c.code, &c.tip_name).into_owned());
                div.notice role="status" #answering {
                    p {
                        (locale.text_with("interventions-answering", &[
                            ("position", recommendation.position.into()),
                            ("country", country.into()),
                            ("year", recommendation.year.into()),
                        ]))
                    }
                    p.actions {
                        a href=(back_to(recommendation, *is_latest)) {
                            (locale.text("interventions-answering-back"))
                        }
                        a href=(self.query.href(&[("answers", None), ("after", None), ("from", None)])) {
                            (locale.text("interventions-answering-all"))
                        }
                    }
                }
            }
        }
    }

    fn is_filtered(&self) -> bool {
        [
            &self.query.answers,
            &self.query.q,
            &self.query.organisation,
            &self.query.country,
            &self.query.status,
            &self.query.kind,
        ]
        .iter()
        .any(|value| value.as_deref().is_some_and(|v| !v.trim().is_empty()))
    }

    /// The chosen organisation's IATI activity file, or what it lacks to offer one.
    fn iati_offer(&self) -> Markup {
        let locale = self.locale;
        let chosen = self
            .organisations
            .iter()
            .find(|o| Some(o.id) == self.filter.organisation);
        html! {
            @if let Some(organisation) = chosen {
                p.actions {
                    @if organisation.iati_identifier.is_some() {
                        a.button.secondary href={ "/organisations/" (organisation.id) "/iati-activities.xml" } download {
                            (locale.text_with("interventions-iati-download", &[("organisation", organisation.name.as_str().into())]))
                        }
                    } @else {
                        span.muted { (locale.text_with("interventions-iati-missing", &[("organisation", organisation.name.as_str().into())])) }
                    }
                }
            }
        }
    }

    fn results(&self, results: &Results<'_>) -> Markup {
        match results {
            Results::NoSuchCountry(unresolved) => self.no_such_country(unresolved),
            Results::Rows { rows, more, total } => html! {
                (self.count(rows.len(), *total))
                @if !rows.is_empty() { (self.table(rows)) }
                (self.pager(rows, *more))
            },
        }
    }

    /// The country filter's refusal, with each name it could mean as a link to the same list.
    fn no_such_country(&self, unresolved: &UnresolvedCountry) -> Markup {
        let locale = self.locale;
        let (given, mentions, question) = match unresolved {
            UnresolvedCountry::Unknown { given, suggestions } => {
                (given, suggestions, "interventions-did-you-mean")
            }
            UnresolvedCountry::Ambiguous { given, candidates } => {
                (given, candidates, "interventions-could-be")
            }
        };
        let link = |mention: &CountryMention| {
            html! { a href=(self.query.href(&[("country", Some(mention.code.clone())), ("after", None)])) { (locale.country(&mention.code, &mention.name)) } }
        };
        html! {
            div.notice.bad role="alert" id="country-problem" {
                @if matches!(unresolved, UnresolvedCountry::Ambiguous { .. }) {
                    p { (locale.text_with("interventions-ambiguous", &[("given", given.as_str().into())])) }
                } @else {
                    p { (locale.text_with("interventions-unknown-country", &[("given", given.as_str().into())])) }
                }
                @if mentions.is_empty() {
                    p { (locale.text("interventions-country-advice")) }
                } @else {
                    p { (locale.text(question)) " "
                        @for (index, mention) in mentions.iter().enumerate() {
                            @if index > 0 { ", " }
                            (link(mention))
                        }
                        "?"
                    }
                }
            }
        }
    }

    fn count(&self, shown: usize, total: i64) -> Markup {
        let first = u64::from(self.query.from.unwrap_or(0)).min(total.max(0) as u64);
        let locale = self.locale;
        html! {
            p.count role="status" {
                @if shown as i64 == total {
                    (locale.text_with("interventions-count", &[("total", total.into())]))
                } @else {
                    (locale.text_with("interventions-showing", &[
                        ("first", (first + 1).into()),
                        ("last", (first + shown as u64).into()),
                        ("total", total.into()),
                    ]))
                }
            }
        }
    }

    fn table(&self, rows: &[Intervention]) -> Markup {
        let locale = self.locale;
        let organisation_names: HashMap<Uuid, &str> = self
            .organisations
            .iter()
            .map(|o| (o.id, o.name.as_str()))
            .collect();
        let country_names: HashMap<&str, std::borrow::Cow<str>> = self
            .countries
            .iter()
            .map(|c| (c.code.as_str(), locale.country(&c.code, &c.tip_name)))
            .collect();
        let country_list = |codes: &[String]| {
            codes
                .iter()
                .map(|code| {
                    country_names
                        .get(code.as_str())
                        .map_or(code.as_str(), |name| name.as_ref())
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        html! {
            div.table-wrap { table.cards {
                thead { tr {
                    th scope="col" { (locale.text("interventions-column-title")) }
                    th scope="col" { (locale.text("interventions-column-organisation")) }
                    th scope="col" { (locale.text("interventions-column-countries")) }
                    th scope="col" { (locale.text("interventions-column-kind")) }
                    th scope="col" { (locale.text("interventions-column-status")) }
                } }
                tbody {
                    @for i in rows {
                        tr {
                            th scope="row" { a href={ "/interventions/" (i.row.id) } { (i.row.title) } }
                            td data-label=(locale.text("interventions-column-organisation")) { (organisation_names.get(&i.row.organisation_id).copied().unwrap_or("–")) }
                            td data-label=(locale.text("interventions-column-countries")) { (country_list(&i.countries)) }
                            td data-label=(locale.text("interventions-column-kind")) { (i.row.kind.label(locale)) }
                            td data-label=(locale.text("interventions-column-status")) { (i.row.status.label(locale)) }
                        }
                    }
                }
            } }
        }
    }

    fn pager(&self, rows: &[Intervention], more: bool) -> Markup {
        let locale = self.locale;
        let from = self.query.from.unwrap_or(0);
        let next = rows.last().filter(|_| more).map(|last| {
            self.query.href(&[
                ("after", Some(last.row.id.to_string())),
                ("from", Some((from as usize + rows.len()).to_string())),
            ])
        });
        let resumed = self.query.after.as_deref().is_some_and(|a| !a.is_empty());
        html! {
            @if next.is_some() || resumed {
                nav.pager.actions aria-label=(locale.text("pager-label")) {
                    @if resumed { a.button.secondary href=(self.query.href(&[])) { (locale.text("pager-first")) } }
                    @if let Some(next) = next { a.button href=(next) rel="next" { (locale.text("pager-next")) } }
                }
            }
        }
    }
}

/// Where `recommendation` stands on its country's page: the page of its report year, or, for the
/// latest report, the page as the country's link opens it (which also notes the work the next
/// report will assess).
fn back_to(recommendation: &RecommendationRow, is_latest: bool) -> String {
    let code = &recommendation.country_code;
    let id = recommendation.id;
    if is_latest {
        format!("/countries/{code}#recommendation-{id}")
    } else {
        format!(
            "/countries/{code}?year={}#recommendation-{id}",
            recommendation.year
        )
    }
}
