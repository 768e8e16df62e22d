//! Choosing several countries without a keyboard chord: a box of checkboxes, the chosen ones
//! first, with a filter that narrows the list as one types (a script shows it; without the
//! script every country is listed). It sends `name` once per country, as a multi-select did.

use maud::{Markup, html};

use crate::i18n::Locale;
use crate::i18n::countries::sorting_key;
use crate::usecases::countries::CountryRow;

/// The picker for the form field `name`, labelled `legend`, with `chosen` ticked and `error`
/// (if any) beside it.
pub fn country_picker(
    locale: Locale,
    name: &str,
    legend: &str,
    countries: &[CountryRow],
    chosen: &[String],
    error: Option<&str>,
) -> Markup {
    let (ticked, mut others): (Vec<&CountryRow>, Vec<&CountryRow>) =
        countries.iter().partition(|c| chosen.contains(&c.code));
    // In the order of the names shown, which differs from language to language.
    others.sort_by_cached_key(|c| sorting_key(&locale.country(&c.code, &c.tip_name)));
    let error_id = format!("{name}-error");
    html! {
        div.field.invalid[error.is_some()] {
            fieldset.picker #(name) aria-describedby=[error.map(|_| error_id.as_str())] {
                legend { (legend) }
                input.picker-filter type="search" placeholder=(locale.text("picker-find"))
                    aria-label=(locale.text_with("picker-find-for", &[("legend", legend.into())])) aria-controls={ (name) "-choices" } hidden;
                div.picker-choices id={ (name) "-choices" } {
                    @for country in ticked.iter().chain(others.iter()) {
                        @let shown = locale.country(&country.code, &country.tip_name);
                        label.check data-names={ (shown) " " (country.tip_name) " " (country.name) " " (country.code) } {
                            input type="checkbox" name=(name) value=(country.code) checked[chosen.contains(&country.code)];
                            (shown)
                        }
                    }
                }
            }
            @if let Some(error) = error { p.field-error id=(error_id) { (crate::web::widgets::message(error)) } }
        }
    }
}
