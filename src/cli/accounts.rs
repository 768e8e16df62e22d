//! `gaptrack users ...`: what an operator needs when the pages are out of reach: the first
//! admin's link, an invitation, a lost second factor, and the list of accounts.

use clap::Subcommand;
use uuid::Uuid;

use super::CliError;
use crate::config::Config;
use crate::database::Database;
use crate::domain::{Actor, Role};
use crate::usecases::DbPool;
use crate::usecases::accounts::{self, Invitation};

#[derive(Debug, Subcommand, PartialEq, Eq)]
pub enum UsersCommand {
    /// Print a one-time link that creates the first admin account (only while no admin account
    /// is active; an earlier such link stops working).
    FirstAdmin,
    /// Invite a person: prints the one-time link that lets them choose their password.
    Invite {
        #[arg(long)]
        email: String,
        /// Their name as the pages and the audit trail show it.
        #[arg(long)]
        name: String,
        /// admin, editor or viewer.
        #[arg(long)]
        role: Role,
        /// The organisation whose work an editor changes.
        #[arg(long)]
        organisation: Option<Uuid>,
    },
    /// Remove a person's second factor (a lost phone, spent recovery codes): they set up a new
    /// one at their next sign-in if their role requires it.
    ResetSecondFactor {
        #[arg(long)]
        email: String,
    },
    /// List accounts.
    List,
}

/// Runs a `users` command against `database`.
pub async fn run(database: &Database, command: UsersCommand) -> Result<(), CliError> {
    let config = Config::from_env().map_err(CliError::Config)?;
    let pool = database.pool(2, &config)?;
    match command {
        UsersCommand::FirstAdmin => {
            let actor = Actor::command_line("users first-admin");
            match first_admin(&pool, &actor, &config).await? {
                Some(message) => print!("{message}"),
                None => return Err(CliError::AdminExists),
            }
        }
        UsersCommand::Invite {
            email,
            name,
            role,
            organisation,
        } => {
            let invitation = Invitation {
                email: &email,
                display_name: &name,
                role,
                organisation_id: organisation,
                new_organisation: None,
            };
            let made = accounts::invite_as(
                &pool,
                &Actor::command_line("users invite"),
                &config.accounts,
                &config.public_url_or_bind_address(),
                &invitation,
            )
            .await?;
            println!(
                "Invited {name} <{email}> as {role}. Pass on this one-time link (it works until {}):\n\n    {}\n",
                made.link.expires_at.format("%Y-%m-%d %H:%M UTC"),
                made.address
            );
        }
        UsersCommand::ResetSecondFactor { email } => {
            let user = accounts::reset_second_factor(
                &pool,
                &Actor::command_line("users reset-second-factor"),
                &email,
            )
            .await?;
            println!(
                "{} <{}> has no second factor now; they set up a new one at their next sign-in{}.",
                user.display_name,
                user.email,
                if user.role == Role::Admin {
                    " (admins must)"
                } else {
                    " if they wish"
                }
            );
        }
        UsersCommand::List => {
            for user in crate::usecases::accounts::all_people_as_operator(&pool).await? {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    user.id, user.email, user.role, user.state, user.display_name
                );
            }
        }
    }
    Ok(())
}

/// The first admin's link, as printed at the first start and by `users first-admin`; `None`
/// once an admin account is active.
pub async fn first_admin(
    pool: &DbPool,
    actor: &Actor,
    config: &Config,
) -> Result<Option<String>, CliError> {
    let made = accounts::first_admin_link(
        pool,
        actor,
        &config.accounts,
        &config.public_url_or_bind_address(),
    )
    .await?;
    Ok(made.map(|made| {
        format!(
            "\nNo admin account exists yet. Open this one-time link to create yours (it works until {}):\n\n\
             \x20   {}\n\n\
             Then invite your team from the People page.\n",
            made.link.expires_at.format("%Y-%m-%d %H:%M UTC"),
            made.address
        )
    }))
}
