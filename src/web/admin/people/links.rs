//! A new invitation or password reset link for an account, shown once, and withdrawing one.

use super::*;

/// `GET /admin/people/{id}/link`: a new link, this once.
pub async fn link_page(
    visitor: Visitor,
    request: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, WebError> {
    let id = id.into_inner();
    let user = accounts::account(state.get_ref(), &visitor.caller, id).await?;
    let carried = shown_once::read(&request, &link_cookie(id));
    let (mailed, address) = carried
        .as_deref()
        .and_then(|value| value.split_once(' '))
        .map_or((None, None), |(mailed, address)| {
            (Some(mailed), Some(address))
        });
    let title = format!("A link for {}", user.display_name);
    let content = html! {
        h1 { (title) }
        @match address {
            Some(address) => {
                div.panel {
                    @match mailed {
                        Some("sent") => { div.notice role="status" { p { "It was e-mailed to " strong { (user.email) } ". You can also pass it on yourself:" } } }
                        Some("failed") => { div.notice.bad role="alert" { p { "It could not be e-mailed (the mail server refused or did not answer): pass it on yourself." } } }
                        _ => { p { "Pass this link on to " strong { (user.display_name) } " (" (user.email) "), by a channel you trust. It works once." } }
                    }
                    label for="account-link" { "Link" }
                    div.copyable {
                        input #account-link.secret type="text" readonly value=(address);
                        button.secondary type="button" data-copy="account-link" hidden { "Copy" }
                    }
                    p.muted { "It is shown only this once. If it is lost, make a new one from " a href=(person_path(id)) { (user.display_name) "'s page" } "." }
                }
            }
            None => {
                p { "The link was shown once, when it was made; it cannot be shown again. Make a new one from " a href=(person_path(id)) { (user.display_name) "'s page" } " if it was lost." }
            }
        }
        p.actions { a.button href="/admin/people" { "Back to people" } }
    };
    let mut response = widgets::html_page(layout::page(&title, &visitor, Section::People, content));
    if carried.is_some() {
        response
            .add_cookie(&shown_once::spent(&link_cookie(id), &link_path(id)))
            .map_err(ApiError::internal)?;
    }
    response.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

/// `POST /admin/people/{id}/link`: a fresh invitation, or a password reset.
pub async fn new_link(
    request: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let made = accounts::new_link(
        state.get_ref(),
        &checked.visitor.caller,
        &state.accounts,
        &origin::for_links(&request),
        *id,
    )
    .await?;
    hand_over(&request, &state, &checked.visitor, &made).await
}

/// `GET /admin/links/{id}/revoke`: asks before withdrawing an invitation or a reset link.
pub async fn confirm_revoke_link(
    visitor: Visitor,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, WebError> {
    let (link, user) = accounts::account_link(state.get_ref(), &visitor.caller, *id).await?;
    let whose = user
        .as_ref()
        .map_or("the first admin".to_owned(), |u| u.display_name.clone());
    let title = format!("Withdraw the link for {whose}?");
    let action = format!("/admin/links/{}/revoke", link.id);
    let cancel = user
        .as_ref()
        .map_or("/admin/people".to_owned(), |u| person_path(u.id));
    let content = widgets::Confirmation {
        title: &title,
        consequence: html! { "The link will no longer open. You can make a new one later." },
        action: &action,
        button: "Withdraw the link",
        cancel: &cancel,
        cancel_label: "Cancel",
    }
    .content(&visitor.csrf);
    Ok(widgets::html_page(layout::page(
        &title,
        &visitor,
        Section::People,
        content,
    )))
}

/// `POST /admin/links/{id}/revoke`.
pub async fn revoke_link(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
    checked: CheckedForm,
) -> Result<HttpResponse, WebError> {
    let link = accounts::withdraw_link(state.get_ref(), &checked.visitor.caller, *id).await?;
    Ok(widgets::see_other(
        &link.user_id.map_or("/admin/people".to_owned(), |user| {
            format!("{}?withdrawn=1", person_path(user))
        }),
    ))
}
