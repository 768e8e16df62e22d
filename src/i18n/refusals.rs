//! A rule's refusal in words: its code is its message's key, its arguments fill the message.

use fluent_templates::fluent_bundle::FluentValue;

use super::Locale;
use crate::domain::{Argument, FieldError, Refusal};

impl Locale {
    /// `A`, `A and B`, `A, B and C`, as the language joins things together.
    pub fn together(self, texts: &[String]) -> String {
        self.joined("list-and", texts)
    }

    /// `A`, `A or B`, `A, B or C`, as the language joins alternatives.
    pub fn alternatives(self, texts: &[String]) -> String {
        self.joined("list-or", texts)
    }

    /// `texts` joined by the message `key`, which puts its last one after the others.
    fn joined(self, key: &str, texts: &[String]) -> String {
        match texts.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, init)) => self.text_with(
                key,
                &[
                    ("init", init.join(", ").into()),
                    ("last", last.as_str().into()),
                ],
            ),
        }
    }

    /// `refusal` in this locale's words.
    pub fn refusal(self, refusal: &Refusal) -> String {
        let arguments: Vec<(&'static str, FluentValue<'_>)> = refusal
            .arguments()
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Argument::Text(text) => FluentValue::from(text.as_str()),
                    Argument::Number(number) => FluentValue::from(*number),
                    // Passed as its code, which the message selects its words by.
                    Argument::Role(role) => FluentValue::from(role.as_str()),
                    Argument::Alternatives(texts) => FluentValue::from(self.alternatives(texts)),
                };
                (*name, value)
            })
            .collect();
        self.text_with(refusal.code(), &arguments)
    }
}

impl Locale {
    /// One sentence for a list of field errors: the field itself when there is one (`year: must
    /// be a report year between 2000 and 2100`), else how many.
    pub fn invalid_summary(self, errors: &[FieldError]) -> String {
        match errors {
            [only] => {
                let message = self.refusal(&only.problem);
                match only.row {
                    Some(row) => self.text_with(
                        "invalid-summary-row",
                        &[
                            ("row", row.into()),
                            ("field", only.field.as_str().into()),
                            ("message", message.into()),
                        ],
                    ),
                    None => self.text_with(
                        "invalid-summary-field",
                        &[
                            ("field", only.field.as_str().into()),
                            ("message", message.into()),
                        ],
                    ),
                }
            }
            _ if errors.iter().any(|error| error.row.is_some()) => {
                self.text_with("invalid-summary-rows", &[("count", errors.len().into())])
            }
            _ => self.text_with("invalid-summary-fields", &[("count", errors.len().into())]),
        }
    }

    /// One sentence for the bad rows of a file, of which `errors` lists the first of `total`.
    pub fn bad_rows_summary(self, errors: &[FieldError], total: usize) -> String {
        if total > errors.len() {
            self.text_with(
                "invalid-summary-first-rows",
                &[("total", total.into()), ("count", errors.len().into())],
            )
        } else {
            self.invalid_summary(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;

    #[test]
    fn a_guessable_password_is_refused_in_one_sentence() {
        let why = crate::domain::password::weakness("password1234", &[]).unwrap();
        let why = Locale::ENGLISH.refusal(&why);
        assert!(
            why.starts_with("this password is too easy to guess: "),
            "{why}"
        );
        assert!(
            why.ends_with("(a few unrelated words make a good one)"),
            "{why}"
        );
        assert!(!why.contains(".;") && !why.contains(". ("), "{why}");
    }

    #[test]
    fn a_refusal_reads_with_its_arguments() {
        let refusal = Refusal::new("refusal-needs-admin")
            .with("holder", "key")
            .with("name", "ci")
            .with("role", Role::Editor);
        assert_eq!(
            Locale::ENGLISH.refusal(&refusal),
            "this needs the admin role; key `ci` has an editor role"
        );
        let locked = Refusal::new("refusal-sign-in-locked").with("minutes", 1);
        assert!(
            Locale::ENGLISH
                .refusal(&locked)
                .contains("locked for 1 more minute.")
        );
    }
}
