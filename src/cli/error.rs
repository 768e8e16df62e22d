//! Why a command failed, with what caused it: printed on standard error as a sentence, then one
//! `caused by:` line per cause, so an operator sees the whole chain (the database's own words
//! included) and not only the outermost.

use std::path::PathBuf;

use crate::database::OpenError;
use crate::demo::DemoError;
use crate::domain::Failure;
use crate::generate::GenerateError;
use crate::i18n::Locale;

/// A command's failure.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("the configuration cannot be read: {0}")]
    Config(String),
    #[error("the database cannot be opened")]
    Open(#[from] OpenError),
    #[error("cannot connect to the database")]
    Connect(#[source] diesel::ConnectionError),
    #[error(transparent)]
    Backup(#[from] crate::backup::BackupError),
    #[error("{}", describe(.0))]
    Refused(Failure),
    #[error("cannot read {}", .path.display())]
    ReadFile {
        path: PathBuf,
        #[source]
        cause: std::io::Error,
    },
    #[error("cannot listen on {address}")]
    Listen {
        address: String,
        #[source]
        cause: std::io::Error,
    },
    #[error("the server failed")]
    Server(#[source] std::io::Error),
    #[error("the demo data cannot be loaded")]
    Demo(#[from] DemoError),
    #[error("the tier history cannot be loaded")]
    TierHistory(#[from] crate::tier_history::HistoryError),
    #[error("the data set cannot be generated")]
    Generate(#[from] GenerateError),
    #[error(
        "an admin account is already active: sign in as them and invite people from the People \
         page, or use `gaptrack users invite`"
    )]
    AdminExists,
    #[error(
        "{0} difference(s) between the read model and the live rule; \
         `gaptrack dev check-read-model --rebuild` builds it again"
    )]
    ReadModelDiffers(usize),
}

impl From<Failure> for CliError {
    fn from(failure: Failure) -> Self {
        Self::Refused(failure)
    }
}

impl CliError {
    /// The error and each of its causes, one per line, as a person at a terminal reads them.
    pub fn with_causes(&self) -> String {
        let mut text = self.to_string();
        let mut cause = std::error::Error::source(self);
        while let Some(error) = cause {
            text.push_str(&format!("\n  caused by: {error}"));
            cause = error.source();
        }
        text
    }
}

/// A use case's refusal as a person at a terminal should read it: every bad row on a line of its
/// own.
fn describe(failure: &Failure) -> String {
    let (mut text, errors) = match failure {
        Failure::Invalid(errors) => (Locale::ENGLISH.invalid_summary(errors), errors.as_slice()),
        Failure::BadRows { errors, total } => (
            Locale::ENGLISH.bad_rows_summary(errors, *total),
            errors.as_slice(),
        ),
        Failure::Unavailable(_) | Failure::ConnectionLost(_) => (
            "the database cannot be reached right now, or did not answer in time".to_owned(),
            &[][..],
        ),
        other => match other.refusal() {
            Some(refusal) => (Locale::ENGLISH.refusal(refusal), &[][..]),
            None => (other.to_string(), &[][..]),
        },
    };
    for field in errors {
        let place = match field.row {
            Some(row) => format!("line {row}, {}", field.field),
            None => field.field.clone(),
        };
        let message = Locale::ENGLISH.refusal(&field.problem);
        text.push_str(&format!("\n  {place}: {message}"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cause_is_said_on_a_line_of_its_own() {
        let error = CliError::ReadFile {
            path: PathBuf::from("/data/2024.csv"),
            cause: std::io::Error::new(std::io::ErrorKind::NotFound, "No such file or directory"),
        };
        assert_eq!(
            error.with_causes(),
            "cannot read /data/2024.csv\n  caused by: No such file or directory"
        );
    }

    #[test]
    fn a_refused_file_lists_its_bad_rows() {
        let failure = Failure::BadRows {
            errors: vec![crate::domain::FieldError::at_row(
                3,
                "pillar",
                crate::domain::Refusal::new("invalid-one-of")
                    .with("given", "prosecutoin")
                    .with(
                        "choices",
                        crate::domain::Argument::Alternatives(vec![
                            "prosecution".into(),
                            "protection".into(),
                        ]),
                    ),
            )],
            total: 1,
        };
        let text = CliError::from(failure).with_causes();
        assert!(
            text.contains("line 3, pillar: `prosecutoin` is not prosecution or protection"),
            "{text}"
        );
    }
}
