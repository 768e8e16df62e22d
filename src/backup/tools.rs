//! Running `pg_dump` and `pg_restore`, found the way the server finds PostgreSQL's programs.

use std::ffi::OsStr;
use std::process::{Command, Output, Stdio};

use super::{BackupError, io_error};
use crate::local_postgres::find_program;

/// A PostgreSQL client program to run.
pub(super) fn program(name: &'static str) -> Result<Command, BackupError> {
    let path = find_program(name).ok_or(BackupError::NoProgram(name))?;
    let mut command = Command::new(path);
    command.stdin(Stdio::null());
    Ok(command)
}

/// Runs `name` with `args`, giving its standard output, or its own words when it fails.
pub(super) fn run<I, S>(name: &'static str, args: I) -> Result<Output, BackupError>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let output = program(name)?
        .args(args)
        .output()
        .map_err(io_error(format!("running {name}")))?;
    if output.status.success() {
        Ok(output)
    } else {
        Err(BackupError::ProgramFailed {
            program: name,
            output: said(&output),
        })
    }
}

/// What a program wrote on its standard error, trimmed (its standard output when silent there).
pub(super) fn said(output: &Output) -> String {
    let error = String::from_utf8_lossy(&output.stderr).trim().to_owned();
    if error.is_empty() {
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    } else {
        error
    }
}
