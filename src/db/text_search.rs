//! Searching stored texts for what a person typed: a piece of a word, any case, and for the
//! recommendations any accent and either language (the report's English or a translation), so
//! that `traite` finds « la traite » and `trafficking` the same recommendation.

use diesel::BoxableExpression;
use diesel::dsl::sql;
use diesel::expression::ValidGrouping;
use diesel::expression::is_aggregate::Never;
use diesel::pg::Pg;
use diesel::sql_types::{Bool, Text};

use super::schema::recommendations;

/// The LIKE pattern that finds `text` anywhere, its wildcards (and the escape character) taken
/// literally; `None` for a text no stored text can hold (PostgreSQL's text holds no NUL).
pub fn anywhere(text: &str) -> Option<String> {
    if text.contains('\0') {
        return None;
    }
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    Some(pattern)
}

/// Whether the recommendation of the row at hand says `pattern` (see [`anywhere`]) in its text
/// or in one of its translations, accents aside.
pub fn recommendation_says(
    pattern: String,
) -> impl BoxableExpression<recommendations::table, Pg, (), Never, SqlType = Bool>
+ ValidGrouping<(), IsAggregate = Never>
+ 'static {
    sql::<Bool>("(public.unaccent(recommendations.text) ILIKE public.unaccent(")
            .bind::<Text, _>(pattern.clone())
            .sql(") OR EXISTS (SELECT 1 FROM recommendation_translations t WHERE t.recommendation_id = recommendations.id AND public.unaccent(t.text) ILIKE public.unaccent(")
            .bind::<Text, _>(pattern)
            .sql(")))")
}

#[cfg(test)]
mod tests {
    use super::anywhere;

    #[test]
    fn wildcards_are_taken_literally() {
        assert_eq!(anywhere("50%_a\\b").as_deref(), Some("%50\\%\\_a\\\\b%"));
    }

    #[test]
    fn a_nul_finds_nothing() {
        assert_eq!(anywhere("a\0b"), None);
    }
}
