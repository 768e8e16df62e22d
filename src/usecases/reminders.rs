//! Reminders before the TIP Office's deadlines: each organisation's editors get one e-mail, N days
//! before the call for information closes and before the reporting period ends, listing the
//! recommendations of their countries that have no work of theirs in the period, with a link to
//! each country's call-for-information pack. Run inside the server every hour and by
//! `gaptrack reminders send`; each reminder goes to each person once, whichever instance finds it
//! (see `db::reminders`).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::call_for_information::{UnansweredRecommendation, call_for_information};
use crate::db::reminders::{self, ClaimedReminder, ReminderOutcome};
use crate::db::{Connection, Connections};
use crate::domain::{
    Caller, Failure, Letter, Postman, ReminderKind, Validator, due_digest, due_reminders,
    reporting_period,
};
use crate::i18n::{Locale, Worded, written};

/// How reminders are sent.
#[derive(Debug, Clone)]
pub struct ReminderSettings {
    /// How many days before a deadline its reminder goes (`REMINDER_DAYS_BEFORE`).
    pub days_before: u32,
    /// Where people open gaptrack, for the links in the e-mail.
    pub public_url: String,
}

/// What one run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RemindersRun {
    /// Reminders found due today (each for every person it goes to).
    pub due: usize,
    /// Rows written for people not reminded yet.
    pub written: usize,
    pub sent: usize,
    /// Left unsent because every recommendation had work.
    pub nothing_to_remind: usize,
    /// Why the run stopped early, when the mail server refused.
    pub failed: Option<String>,
}

/// Writes and sends the reminders due today, by `postman`.
pub async fn send_due(
    db: &impl Connections,
    postman: &(impl Postman + Clone + Send + 'static),
    settings: &ReminderSettings,
) -> Result<RemindersRun, Failure> {
    let now = db.now();
    let today = now.date_naive();
    let mut connection = db.connect().await?;
    let deadlines: HashMap<i32, NaiveDate> = reminders::deadlines(&mut connection)
        .await?
        .into_iter()
        .collect();
    let mut due = due_reminders(today, settings.days_before, |year| {
        deadlines.get(&year).copied()
    });
    due.extend(due_digest(
        today,
        reminders::latest_edition(&mut connection).await?,
    ));
    let mut run = RemindersRun {
        due: due.len(),
        ..RemindersRun::default()
    };
    for reminder in &due {
        run.written += reminders::enqueue(&mut connection, reminder, now).await?;
    }
    // Each call owns its postman and settings, so that the future borrows only the claim.
    let work = as_work(|connection, claimed| {
        let (postman, settings) = (postman.clone(), settings.clone());
        Box::pin(async move { write_and_send(connection, claimed, &postman, &settings).await })
    });
    while let Some((claimed, outcome)) =
        reminders::claim_one(&mut connection, now, today, &work).await?
    {
        match outcome {
            ReminderOutcome::Sent => run.sent += 1,
            ReminderOutcome::Nothing => run.nothing_to_remind += 1,
            ReminderOutcome::Failed(error) => {
                log::warn!(
                    "reminder to person {} not sent, tried again later: {error}",
                    claimed.user_id
                );
                run.failed = Some(error);
                break;
            }
        }
    }
    Ok(run)
}

/// `work`, as the claim takes it: for any connection and claim, a future that borrows them only.
fn as_work<F>(work: F) -> F
where
    F: for<'a> Fn(
            &'a mut Connection,
            &'a ClaimedReminder,
        ) -> std::pin::Pin<Box<dyn Future<Output = ReminderOutcome> + Send + 'a>>
        + Send
        + Sync,
{
    work
}

/// One country's recommendations without work, for the letter.
struct CountryGaps {
    code: String,
    name: String,
    last_report_year: Option<i32>,
    unanswered: Vec<UnansweredRecommendation>,
}

async fn write_and_send(
    connection: &mut Connection,
    claimed: &ClaimedReminder,
    postman: &impl Postman,
    settings: &ReminderSettings,
) -> ReminderOutcome {
    let locale = claimed
        .preferred_language
        .map_or(Locale::ENGLISH, Locale::of);
    if claimed.kind == ReminderKind::EditionDigest {
        return match super::digest_letter::write(connection, locale, claimed, &settings.public_url)
            .await
        {
            Ok(None) => ReminderOutcome::Nothing,
            Ok(Some(letter)) => match postman.send(&letter).await {
                Ok(()) => ReminderOutcome::Sent,
                Err(error) => ReminderOutcome::Failed(error),
            },
            Err(error) => ReminderOutcome::Failed(format!("{error:?}")),
        };
    }
    let gaps = match gaps_of(connection, locale, claimed).await {
        Ok(gaps) => gaps,
        Err(error) => return ReminderOutcome::Failed(format!("{error:?}")),
    };
    if gaps.iter().all(|country| country.unanswered.is_empty()) {
        return ReminderOutcome::Nothing;
    }
    let letter = letter(locale, claimed, &gaps, settings);
    match postman.send(&letter).await {
        Ok(()) => ReminderOutcome::Sent,
        Err(error) => ReminderOutcome::Failed(error),
    }
}

async fn gaps_of(
    connection: &mut Connection,
    locale: Locale,
    claimed: &ClaimedReminder,
) -> Result<Vec<CountryGaps>, Failure> {
    let mut gaps = Vec::new();
    for code in reminders::countries_of_organisation(connection, claimed.organisation_id).await? {
        let pack = call_for_information(
            connection,
            &code,
            claimed.report_year,
            Some(claimed.organisation_id),
        )
        .await?;
        gaps.push(CountryGaps {
            name: locale
                .country(&pack.country.code, &pack.country.tip_name)
                .into_owned(),
            code,
            last_report_year: pack.last_report_year,
            unanswered: pack.unanswered,
        });
    }
    gaps.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(gaps)
}

fn letter(
    locale: Locale,
    claimed: &ClaimedReminder,
    gaps: &[CountryGaps],
    settings: &ReminderSettings,
) -> Letter {
    let deadline = written::date(locale, claimed.deadline);
    let facts = [
        ("year", claimed.report_year.into()),
        ("deadline", deadline.into()),
        ("organisation", claimed.organisation_name.clone().into()),
        (
            "period",
            written::period(locale, reporting_period(claimed.report_year)).into(),
        ),
    ];
    let (subject, intro) = match claimed.kind {
        ReminderKind::CallForInformation => ("reminder-call-subject", "reminder-call-intro"),
        ReminderKind::PeriodEnd | ReminderKind::EditionDigest => {
            ("reminder-period-subject", "reminder-period-intro")
        }
    };
    let mut body = vec![
        locale.text_with(
            "reminder-greeting",
            &[("name", claimed.display_name.clone().into())],
        ),
        String::new(),
        locale.text_with(intro, &facts),
    ];
    for country in gaps.iter().filter(|c| !c.unanswered.is_empty()) {
        body.push(String::new());
        body.push(locale.text_with(
            "reminder-country",
            &[
                ("country", country.name.clone().into()),
                ("count", country.unanswered.len().into()),
            ],
        ));
        for recommendation in &country.unanswered {
            body.push(locale.text_with(
                "reminder-item",
                &[
                    ("year", country.last_report_year.unwrap_or_default().into()),
                    ("position", recommendation.position.into()),
                    ("pillar", recommendation.pillar.label(locale).into()),
                    ("text", recommendation.text.clone().into()),
                ],
            ));
        }
        body.push(
            locale.text_with(
                "reminder-pack",
                &[(
                    "link",
                    format!(
                        "{}/countries/{}/call-for-information?year={}&organisation={}",
                        settings.public_url,
                        country.code,
                        claimed.report_year,
                        claimed.organisation_id
                    )
                    .into(),
                )],
            ),
        );
    }
    body.push(String::new());
    body.push(locale.text_with(
        "reminder-footer",
        &[
            ("organisation", claimed.organisation_name.clone().into()),
            ("account", format!("{}/account", settings.public_url).into()),
        ],
    ));
    Letter {
        to_address: claimed.email.clone(),
        to_name: claimed.display_name.clone(),
        subject: locale.text_with(subject, &facts),
        body: body.join("\n") + "\n",
    }
}

/// Records the call-for-information deadline of the report of `report_year`, for `caller`, who
/// must be an admin.
pub async fn record_deadline(
    db: &impl Connections,
    caller: &Caller,
    report_year: i32,
    deadline: NaiveDate,
) -> Result<(), Failure> {
    caller.require_admin()?;
    let mut check = Validator::default();
    check.year("year", report_year);
    check.finish()?;
    let mut connection = db.connect().await?;
    let by = caller.actor().key_name;
    reminders::put_deadline(&mut connection, report_year, deadline, &by, db.now()).await?;
    Ok(())
}

/// Every recorded call-for-information deadline, by report year, latest first.
pub async fn deadlines(db: &impl Connections) -> Result<Vec<(i32, NaiveDate)>, Failure> {
    let mut connection = db.connect().await?;
    Ok(reminders::deadlines(&mut connection).await?)
}

/// Sets which letters the person signed in as `caller` gets: reminders before the deadlines, and
/// what each new edition changed; `None` leaves one as it is.
pub async fn set_wanted(
    db: &impl Connections,
    caller: &Caller,
    reminders: Option<bool>,
    digest: Option<bool>,
) -> Result<(), Failure> {
    let person = caller.signed_in_person()?;
    let mut connection = db.connect().await?;
    reminders::set_wanted(&mut connection, person, reminders, digest).await?;
    Ok(())
}
