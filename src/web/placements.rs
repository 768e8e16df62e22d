//! The overview's table of every country ranked in a year, with its tier and move, whether or not
//! gaptrack holds its recommendations; the year's source is said, and a year known only in part
//! says so, so that its short list is not read as the whole ranking.

use maud::{Markup, html};

use super::filters::query_string;
use super::widgets;
use crate::i18n::countries::sorting_key;
use crate::i18n::{Locale, Worded};
use crate::usecases::ranking::{Ranked, Ranking};

/// The section, its year chosen in a form that keeps the overview's own filters (`kept`).
pub fn section(locale: Locale, ranking: &Ranking, kept: &[(&str, Option<String>)]) -> Markup {
    let Some(year) = ranking.year else {
        return html! {
            section aria-labelledby="placements" {
                h2 #placements { (locale.text("placements-heading")) }
                p { (locale.text("placements-none-yet")) }
            }
        };
    };
    let mut countries: Vec<&Ranked> = ranking.countries.iter().collect();
    countries.sort_by_cached_key(|row| sorting_key(&locale.country(&row.code, &row.tip_name)));
    html! {
        section aria-labelledby="placements" {
            h2 #placements { (locale.text_with("placements-heading-year", &[("year", year.into())])) }
            (year_form(locale, ranking, year, kept))
            @if let Some(source) = &ranking.source {
                p.muted {
                    (locale.text_with("placements-source", &[("source", widgets::placement_source_kind(locale, &source.kind).into())]))
                }
                @if !source.complete {
                    p.notice { (locale.text("placements-partial")) }
                }
            }
            @if countries.is_empty() {
                p { (locale.text_with("placements-none-in-year", &[("year", year.into())])) }
            } @else {
                div.table-wrap { table.cards {
                    caption.muted { (locale.text_with("placements-caption", &[("count", countries.len().into())])) }
                    thead { tr {
                        th scope="col" { (locale.text("column-country")) }
                        th scope="col" { (locale.text("column-region")) }
                        th scope="col" { (locale.text("column-tier")) }
                        th scope="col" { (locale.text("column-movement")) }
                    } }
                    tbody {
                        @for row in countries {
                            tr {
                                th scope="row" { a href={ "/countries/" (row.code) "?" (query_string(&[("year", Some(year.to_string()))])) } { (locale.country(&row.code, &row.tip_name)) } }
                                td data-label=(locale.text("column-region")) { (row.region.map_or("–", |region| region.label(locale))) }
                                td data-label=(locale.text("column-tier")) { (widgets::placed_tier(locale, row.tier, row.waiver)) }
                                td data-label=(locale.text("column-movement")) { (widgets::movement(locale, row.movement)) }
                            }
                        }
                    }
                } }
            }
        }
    }
}

fn year_form(
    locale: Locale,
    ranking: &Ranking,
    year: i32,
    kept: &[(&str, Option<String>)],
) -> Markup {
    html! {
        form.filters method="get" action="/#placements" {
            @for (name, value) in kept {
                @if let Some(value) = value.as_deref().filter(|v| !v.is_empty()) {
                    input type="hidden" name=(name) value=(value);
                }
            }
            div {
                label for="placements-year" { (locale.text("placements-year")) }
                select #placements-year name="placements" {
                    @for option in &ranking.years {
                        option value=(option) selected[*option == year] { (option) }
                    }
                }
            }
            button type="submit" { (locale.text("placements-show")) }
        }
    }
}
