//! An organisation's interventions as an IATI activity file, version 2.03: one `iati-activity`
//! per intervention, with its status, dates, recipient countries, a sector, its description, and
//! the TIP recommendations it answers, each cited as a `tag` of vocabulary 99 (the reporting
//! organisation's own) whose `vocabulary-uri` is gaptrack's list of recommendations and whose
//! `code` is the recommendation's id there. Evidence links are `document-link`s.
//!
//! The choices (sector codes by kind, status codes) are gaptrack's and are listed in the README.
//!
//! The file is written as it is read, [`PAGE`] activities at a time, and sent as it is written
//! ([`stream`]): the largest organisation's file (tens of megabytes) never sits whole in memory.

use std::io;

use chrono::{DateTime, Utc};
use futures_util::Stream;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesStart, BytesText, Event};
use uuid::Uuid;

use crate::db::Connections;
use crate::domain::{InterventionKind, InterventionStatus};
use crate::i18n::{Locale, Worded};
use crate::usecases::iati::{Activity, IatiFile, activities_after};

/// How many activities are read and written at a time.
pub const PAGE: i64 = 500;

/// The OECD DAC 5-digit purpose code (IATI sector vocabulary 1) each kind of work reports under.
/// The DAC list has no code for trafficking: these are the codes such work is reported under.
pub fn sector(kind: InterventionKind) -> &'static str {
    match kind {
        // Legal and judicial development: training police and judiciary, legal aid, laws.
        InterventionKind::Training
        | InterventionKind::LegalAid
        | InterventionKind::PolicySupport => "15130",
        // Social protection: services to victims.
        InterventionKind::VictimServices => "16010",
        // Statistical capacity building.
        InterventionKind::DataCollection => "16062",
        // Public sector policy and administrative management: coordination of government bodies.
        InterventionKind::Coordination => "15110",
        // Research/scientific institutions.
        InterventionKind::Research => "43082",
        // Human rights.
        InterventionKind::Prevention | InterventionKind::Other => "15160",
    }
}

/// The IATI activity status code: 1 pipeline/identification, 2 implementation, 4 closed,
/// 5 cancelled.
pub fn activity_status(status: InterventionStatus) -> &'static str {
    match status {
        InterventionStatus::Planned => "1",
        InterventionStatus::Active => "2",
        InterventionStatus::Completed => "4",
        InterventionStatus::Cancelled => "5",
    }
}

/// Where the file is in its writing.
enum Next {
    Opening,
    ActivitiesAfter(Option<Uuid>),
    Done,
}

/// The file of `file`'s activities, made at `made_at`, as it is written: its opening, its
/// activities `page` at a time (each page read from `db` when the reader wants it), and its
/// closing; `recommendations_uri` is the address of gaptrack's list of recommendations, which the
/// `tag`s cite. A failure after the first part can no longer change the answer's status: the
/// stream ends with it (the download is cut short, as the reader sees), and it is logged.
pub fn stream<C: Connections + 'static>(
    db: C,
    file: IatiFile,
    made_at: DateTime<Utc>,
    recommendations_uri: String,
    page: i64,
) -> impl Stream<Item = io::Result<Vec<u8>>> {
    let state = (Next::Opening, db, file, recommendations_uri);
    futures_util::stream::unfold(state, move |(next, db, file, uri)| async move {
        let (part, next) = match next {
            Next::Opening => (opening(made_at), Next::ActivitiesAfter(None)),
            Next::ActivitiesAfter(after) => {
                match activities_page(&db, &file, after, page, &uri).await {
                    Ok(Some((xml, last))) => (Ok(xml), Next::ActivitiesAfter(Some(last))),
                    Ok(None) => (Ok(CLOSING.to_vec()), Next::Done),
                    Err(error) => {
                        log::error!(
                            "the IATI file of {} was cut short: {error}",
                            file.organisation_id
                        );
                        (Err(error), Next::Done)
                    }
                }
            }
            Next::Done => return None,
        };
        Some((part, (next, db, file, uri)))
    })
}

/// The next page of activities after `after`, written, with the last one's id; `None` after the
/// last.
async fn activities_page(
    db: &impl Connections,
    file: &IatiFile,
    after: Option<Uuid>,
    page: i64,
    recommendations_uri: &str,
) -> io::Result<Option<(Vec<u8>, Uuid)>> {
    let mut connection = db.connect().await.map_err(io::Error::other)?;
    let activities = activities_after(&mut connection, file, after, page)
        .await
        .map_err(|failure| io::Error::other(format!("{failure:?}")))?;
    drop(connection);
    let Some(last) = activities.last().map(|activity| activity.intervention.id) else {
        return Ok(None);
    };
    Ok(Some((
        activities_xml(file, &activities, recommendations_uri)?,
        last,
    )))
}

/// The file's declaration and the opening of `iati-activities`.
fn opening(made_at: DateTime<Utc>) -> io::Result<Vec<u8>> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let generated = timestamp(made_at);
    writer.write_event(Event::Start(
        BytesStart::new("iati-activities").with_attributes([
            ("version", "2.03"),
            ("generated-datetime", generated.as_str()),
        ]),
    ))?;
    Ok(writer.into_inner())
}

/// The closing of `iati-activities`, at the end of the file.
const CLOSING: &[u8] = b"\n</iati-activities>";

/// `activities`, indented as children of `iati-activities`.
fn activities_xml(
    file: &IatiFile,
    activities: &[Activity],
    recommendations_uri: &str,
) -> io::Result<Vec<u8>> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    // The writer's indentation follows the elements it has opened: opening the parent (and
    // throwing its text away) puts the activities one level in, as in the whole file.
    writer.write_event(Event::Start(BytesStart::new("iati-activities")))?;
    writer.get_mut().clear();
    for activity in activities {
        write_activity(&mut writer, file, activity, recommendations_uri)?;
    }
    Ok(writer.into_inner())
}

fn timestamp(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn narrative<W: io::Write>(writer: &mut Writer<W>, text: &str) -> io::Result<()> {
    writer
        .create_element("narrative")
        .write_text_content(BytesText::new(text))?;
    Ok(())
}

fn write_activity<W: io::Write>(
    writer: &mut Writer<W>,
    file: &IatiFile,
    activity: &Activity,
    recommendations_uri: &str,
) -> io::Result<()> {
    let intervention = &activity.intervention;
    writer
        .create_element("iati-activity")
        .with_attribute((
            "last-updated-datetime",
            timestamp(intervention.updated_at).as_str(),
        ))
        // The activity's default language. The words gaptrack adds (a document's title, a
        // kind's name) are English whatever the reader's language, so that this claim holds
        // for them; people's own texts are as they typed them.
        .with_attribute(("xml:lang", "en"))
        .write_inner_content(|writer| {
            writer
                .create_element("iati-identifier")
                .write_text_content(BytesText::new(&format!(
                    "{}-{}",
                    file.identifier, intervention.id
                )))?;
            writer
                .create_element("reporting-org")
                .with_attribute(("ref", file.identifier.as_str()))
                .with_attribute(("type", file.organisation_type.as_str()))
                .write_inner_content(|w| narrative(w, &file.organisation_name))?;
            writer
                .create_element("title")
                .write_inner_content(|w| narrative(w, &intervention.title))?;
            writer
                .create_element("description")
                .with_attribute(("type", "1"))
                .write_inner_content(|w| narrative(w, &description(activity)))?;
            writer
                .create_element("participating-org")
                .with_attribute(("ref", file.identifier.as_str()))
                .with_attribute(("type", file.organisation_type.as_str()))
                .with_attribute(("role", "4"))
                .write_inner_content(|w| narrative(w, &file.organisation_name))?;
            writer
                .create_element("activity-status")
                .with_attribute(("code", activity_status(intervention.status)))
                .write_empty()?;
            for (kind, date) in dates(intervention) {
                writer
                    .create_element("activity-date")
                    .with_attribute(("type", kind))
                    .with_attribute(("iso-date", date.to_string().as_str()))
                    .write_empty()?;
            }
            for (country, share) in activity
                .countries
                .iter()
                .zip(shares(activity.countries.len()))
            {
                writer
                    .create_element("recipient-country")
                    .with_attribute(("code", country.alpha2.as_str()))
                    .with_attribute(("percentage", share.as_str()))
                    .write_inner_content(|w| narrative(w, &country.name))?;
            }
            writer
                .create_element("sector")
                .with_attribute(("vocabulary", "1"))
                .with_attribute(("code", sector(intervention.kind)))
                .with_attribute(("percentage", "100"))
                .write_empty()?;
            write_answers(writer, activity, recommendations_uri)
        })?;
    Ok(())
}

/// The recommendations an activity answers (as tags of gaptrack's vocabulary) and the evidence of
/// each (as document links).
fn write_answers<W: io::Write>(
    writer: &mut Writer<W>,
    activity: &Activity,
    recommendations_uri: &str,
) -> io::Result<()> {
    for answer in &activity.answers {
        writer
            .create_element("tag")
            .with_attribute(("vocabulary", "99"))
            .with_attribute(("vocabulary-uri", recommendations_uri))
            .with_attribute(("code", answer.recommendation_id.to_string().as_str()))
            .write_inner_content(|w| {
                narrative(
                    w,
                    &format!(
                        "TIP Report {}, {}, recommendation No. {} (answered {}): {}",
                        answer.year,
                        answer.country_name,
                        answer.position,
                        answer.contribution.label(Locale::ENGLISH).to_lowercase(),
                        answer.text
                    ),
                )
            })?;
    }
    for answer in &activity.answers {
        let Some(url) = &answer.evidence_url else {
            continue;
        };
        writer
            .create_element("document-link")
            .with_attribute(("format", media_type_of(url)))
            .with_attribute(("url", url.as_str()))
            .write_inner_content(|writer| {
                writer.create_element("title").write_inner_content(|w| {
                    narrative(
                        w,
                        &format!(
                            "Evidence for TIP Report {}, {}, recommendation No. {}",
                            answer.year, answer.country_name, answer.position
                        ),
                    )
                })?;
                // A08: results, outcomes and outputs.
                writer
                    .create_element("category")
                    .with_attribute(("code", "A08"))
                    .write_empty()?;
                Ok(())
            })?;
    }
    Ok(())
}

/// The description: what the editors wrote, else the kind of work, with the people reached.
fn description(activity: &Activity) -> String {
    let intervention = &activity.intervention;
    let mut text = intervention
        .description
        .clone()
        .unwrap_or_else(|| intervention.kind.label(Locale::ENGLISH).to_owned());
    if let Some(location) = &intervention.location {
        text.push_str(&format!(" Location: {location}."));
    }
    if let Some(reached) = intervention.people_reached {
        text.push_str(&format!(" People reached: {reached}."));
    }
    text
}

/// The IATI activity dates: a start that has happened is actual (2), else planned (1); an end of
/// completed or cancelled work is actual (4), else planned (3).
fn dates(
    intervention: &crate::db::interventions::InterventionRow,
) -> Vec<(&'static str, chrono::NaiveDate)> {
    let begun = !matches!(intervention.status, InterventionStatus::Planned);
    let ended = matches!(
        intervention.status,
        InterventionStatus::Completed | InterventionStatus::Cancelled
    );
    let mut dates = Vec::new();
    if let Some(start) = intervention.started_on {
        dates.push((if begun { "2" } else { "1" }, start));
    }
    if let Some(end) = intervention.ended_on {
        dates.push((if ended { "4" } else { "3" }, end));
    }
    if dates.is_empty() {
        // IATI asks for at least one date: when the work was recorded stands for its start.
        dates.push(("1", intervention.created_at.date_naive()));
    }
    dates
}

/// Equal shares of 100 among `count` countries, to two decimals, summing to exactly 100.
fn shares(count: usize) -> Vec<String> {
    if count == 0 {
        return Vec::new();
    }
    let hundredths = 10_000 / count;
    let mut shares = vec![hundredths; count];
    shares[0] += 10_000 - hundredths * count;
    shares
        .into_iter()
        .map(|share| format!("{}.{:02}", share / 100, share % 100))
        .collect()
}

/// The media type of an evidence document, from its address's extension (IATI asks for one).
fn media_type_of(url: &str) -> &'static str {
    let file = url::Url::parse(url)
        .ok()
        .and_then(|url| {
            url.path_segments()?
                .next_back()
                .map(str::to_ascii_lowercase)
        })
        .unwrap_or_default();
    match file.rsplit_once('.').map(|(_, extension)| extension) {
        Some("pdf") => "application/pdf",
        Some("doc") => "application/msword",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("xls") => "application/vnd.ms-excel",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("csv") => "text/csv",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("png") => "image/png",
        _ => "text/html",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_of_a_hundred_sum_to_a_hundred() {
        assert_eq!(shares(1), ["100.00"]);
        assert_eq!(shares(2), ["50.00", "50.00"]);
        assert_eq!(shares(3), ["33.34", "33.33", "33.33"]);
    }

    #[test]
    fn evidence_is_typed_by_its_extension() {
        assert_eq!(
            media_type_of("https://x.org/a/report.PDF?v=2"),
            "application/pdf"
        );
        assert_eq!(
            media_type_of("https://x.org/news/2024/training"),
            "text/html"
        );
    }
}
