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
    let locale = visitor.locale;
    let title = locale.text_with(
        "people-link-title",
        &[("name", user.display_name.as_str().into())],
    );
    let page_of = locale.text_with(
        "people-page-of",
        &[("name", user.display_name.as_str().into())],
    );
    let content = html! {
        h1 { (title) }
        @match address {
            Some(address) => {
                div.panel {
                    @match mailed {
                        Some("sent") => { div.notice role="status" { p { (locale.text_with("people-link-mailed", &[("email", user.email.as_str().into())])) } } }
                        Some("failed") => { div.notice.bad role="alert" { p { (locale.text("people-link-not-mailed")) } } }
                        _ => { p { (locale.text_with("people-link-pass-on", &[("name", user.display_name.as_str().into()), ("email", user.email.as_str().into())])) } }
                    }
                    label for="account-link" { (locale.text("people-link")) }
                    div.copyable {
                        input #account-link.secret type="text" readonly value=(address);
                        button.secondary type="button" data-copy="account-link" data-copied=(locale.text("copy-done")) hidden { (locale.text("people-link-copy")) }
                    }
                    p.muted { (locale.text("people-link-once")) " " a href=(person_path(id)) { (page_of) } "." }
                }
            }
            None => {
                p { (locale.text("people-link-shown")) " " a href=(person_path(id)) { (page_of) } " " (locale.text("people-link-if-lost")) }
            }
        }
        p.actions { a.button href="/admin/people" { (locale.text("people-back")) } }
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
    hand_over(
        &request,
        &state,
        &checked.visitor,
        &made,
        checked.visitor.locale,
    )
    .await
}

/// `GET /admin/links/{id}/revoke`: asks before withdrawing an invitation or a reset link.
pub async fn confirm_revoke_link(
    visitor: Visitor,
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, WebError> {
    let (link, user) = accounts::account_link(state.get_ref(), &visitor.caller, *id).await?;
    let locale = visitor.locale;
    let title = match &user {
        Some(user) => locale.text_with(
            "people-withdraw-title",
            &[("name", user.display_name.as_str().into())],
        ),
        None => locale.text("people-withdraw-first-admin"),
    };
    let action = format!("/admin/links/{}/revoke", link.id);
    let cancel = user
        .as_ref()
        .map_or("/admin/people".to_owned(), |u| person_path(u.id));
    let content = widgets::Confirmation {
        title: &title,
        consequence: html! { (locale.text("people-withdraw-consequence")) },
        action: &action,
        button: &locale.text("people-withdraw-submit"),
        cancel: &cancel,
        cancel_label: &locale.text("people-cancel"),
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
