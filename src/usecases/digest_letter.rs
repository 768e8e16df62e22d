//! The letter of a new edition: what it changed in each country where the person's organisation
//! works, for the people who asked for it on their account page, with a link to each country's
//! digest, where the work is carried forward.

use super::edition_digest::{EditionDigest, digest_on};
use crate::db::Connection;
use crate::db::reminders::{self, ClaimedReminder};
use crate::domain::{Failure, Letter};
use crate::i18n::{Locale, Worded};

/// The letter for `claimed`, or `None` when the edition changed nothing in the organisation's
/// countries (none of them is in it).
pub async fn write(
    connection: &mut Connection,
    locale: Locale,
    claimed: &ClaimedReminder,
    public_url: &str,
) -> Result<Option<Letter>, Failure> {
    let year = claimed.report_year;
    let organisation = claimed.organisation_name.clone();
    let mut countries = Vec::new();
    for code in reminders::countries_of_organisation(connection, claimed.organisation_id).await? {
        let digest =
            digest_on(connection, &code, Some(year), Some(claimed.organisation_id)).await?;
        let changes = &digest.changes;
        if changes.continuing.is_empty() && changes.new.is_empty() {
            // Not in this edition.
            continue;
        }
        countries.push(country_lines(
            locale,
            &digest,
            &organisation,
            claimed.organisation_id,
            public_url,
        ));
    }
    if countries.is_empty() {
        return Ok(None);
    }
    let facts = [
        ("year", year.into()),
        ("organisation", organisation.clone().into()),
    ];
    let body = [
        locale.text_with(
            "reminder-greeting",
            &[("name", claimed.display_name.clone().into())],
        ),
        String::new(),
        locale.text_with("digest-letter-intro", &facts),
        countries.join("\n"),
        String::new(),
        locale.text_with(
            "digest-letter-footer",
            &[("account", format!("{public_url}/account").into())],
        ),
    ];
    Ok(Some(Letter {
        to_address: claimed.email.clone(),
        to_name: claimed.display_name.clone(),
        subject: locale.text_with("digest-letter-subject", &facts),
        body: body.join("\n") + "\n",
    }))
}

/// What the edition changed in one country, as lines of the letter.
fn country_lines(
    locale: Locale,
    digest: &EditionDigest,
    organisation: &str,
    organisation_id: uuid::Uuid,
    public_url: &str,
) -> String {
    let year = digest.year;
    let changes = &digest.changes;
    let name = locale
        .country(&digest.country.code, &digest.country.tip_name)
        .into_owned();
    let mut lines = vec![String::new(), format!("{name}:")];
    if let Some(tier) = &digest.tier {
        lines.push(
            locale.text_with(
                "gaps-placed",
                &[
                    ("tier", tier.tier.label(locale).into()),
                    (
                        "movement",
                        tier.movement
                            .map_or_else(|| "–".to_owned(), |m| m.label(locale).to_owned())
                            .into(),
                    ),
                    ("waiver", if tier.waiver { "yes" } else { "no" }.into()),
                ],
            ),
        );
    }
    if let Some(earlier) = digest.earlier_year {
        lines.push(
            locale.text_with(
                "digest-counts",
                &[
                    ("earlier", earlier.into()),
                    ("continuing", changes.continuing.len().into()),
                    (
                        "reworded",
                        changes
                            .continuing
                            .iter()
                            .filter(|c| c.reworded)
                            .count()
                            .into(),
                    ),
                    ("new", changes.new.len().into()),
                    ("dropped", changes.dropped.len().into()),
                ],
            ),
        );
    }
    if !changes.dropped.is_empty() {
        lines.push(locale.text_with(
            "digest-dropped-answered-by",
            &[
                ("answered", digest.dropped_answered.into()),
                ("dropped", changes.dropped.len().into()),
                ("year", year.into()),
                ("organisation", organisation.into()),
            ],
        ));
    }
    if digest.waiting_to_carry > 0 {
        lines.push(locale.text_with(
            "digest-letter-waiting",
            &[("count", digest.waiting_to_carry.into())],
        ));
    }
    lines.push(
        locale.text_with(
            "digest-letter-link",
            &[(
                "link",
                format!(
                    "{public_url}/countries/{}/digest?year={year}&organisation={}",
                    digest.country.code, organisation_id
                )
                .into(),
            )],
        ),
    );
    lines.join("\n")
}
