//! Backups, for admins: when the last one was taken and how big it is, where gaptrack keeps
//! them when it manages the database, and the latest few.

use actix_web::{HttpResponse, web};
use maud::html;

use crate::domain::backups::{BackupReason, ManagedBackups};
use crate::http::AppState;
use crate::i18n::written;
use crate::usecases::backups;
use crate::web::error::WebError;
use crate::web::layout::{self, Section};
use crate::web::session::Visitor;

/// `GET /admin/backups`.
pub async fn page(
    visitor: Visitor,
    state: web::Data<AppState>,
    managed: web::Data<Option<ManagedBackups>>,
) -> Result<HttpResponse, WebError> {
    let locale = visitor.locale;
    let recent = backups::recent(state.get_ref(), &visitor.caller).await?;
    let title = locale.text("backup-title");
    let content = html! {
        h1 { (title) }
        @match managed.get_ref() {
            Some(managed) => p { (locale.text_with("backup-managed", &[
                ("folder", managed.folder.dir.display().to_string().into()),
                ("keep", (managed.folder.keep as i64).into()),
            ])) },
            None => p { (locale.text("backup-unmanaged")) },
        }
        @match recent.first() {
            None => div.notice.warning role="status" { p { (locale.text("backup-none")) } },
            Some(last) => p #last-backup {
                (locale.text_with("backup-last", &[
                    ("moment", written::moment(locale, last.taken_at).into()),
                    ("size", written::size(locale, last.bytes).into()),
                ]))
            },
        }
        @if !recent.is_empty() {
            div.table-wrap { table.cards {
                caption { (locale.text("backup-recent")) }
                thead { tr {
                    th scope="col" { (locale.text("backup-when")) }
                    th scope="col" { (locale.text("backup-why")) }
                    th scope="col" { (locale.text("backup-size")) }
                    th scope="col" { (locale.text("backup-where")) }
                } }
                tbody {
                    @for backup in &recent {
                        tr {
                            th scope="row" { (written::moment(locale, backup.taken_at)) }
                            td data-label=(locale.text("backup-why")) {
                                (locale.text(reason_key(backup.reason)))
                            }
                            td data-label=(locale.text("backup-size")) { (written::size(locale, backup.bytes)) }
                            td data-label=(locale.text("backup-where")) { code { (backup.location) } }
                        }
                    }
                }
            } }
        }
    };
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(layout::page(&title, &visitor, Section::Audit, content).into_string()))
}

fn reason_key(reason: BackupReason) -> &'static str {
    match reason {
        BackupReason::Daily => "backup-reason-daily",
        BackupReason::BeforeMigration => "backup-reason-before-migration",
        BackupReason::BeforeRestore => "backup-reason-before-restore",
        BackupReason::Command => "backup-reason-command",
    }
}
