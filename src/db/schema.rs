//! The tables, as `diesel print-schema` writes them (kept equal to the migrated database by
//! `tests/api/migrations.rs`).

diesel::table! {
    checked_imports (id) {
        id -> Uuid,
        checked_by -> Uuid,
        kind -> Text,
        year -> Nullable<Int4>,
        file_name -> Text,
        content -> Text,
        checked_at -> Timestamptz,
    }
}

diesel::table! {
    countries (code) {
        code -> Text,
        alpha2 -> Text,
        name -> Text,
        tip_name -> Text,
        region -> Nullable<Text>,
    }
}

diesel::table! {
    country_names (key, country_code) {
        name -> Text,
        country_code -> Text,
        kind -> Text,
        key -> Text,
    }
}

diesel::table! {
    intervention_countries (intervention_id, country_code) {
        intervention_id -> Uuid,
        country_code -> Text,
    }
}

diesel::table! {
    interventions (id) {
        id -> Uuid,
        organisation_id -> Uuid,
        kind -> Text,
        title -> Text,
        description -> Nullable<Text>,
        status -> Text,
        started_on -> Nullable<Date>,
        ended_on -> Nullable<Date>,
        location -> Nullable<Text>,
        people_reached -> Nullable<Int4>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    links (intervention_id, recommendation_id) {
        intervention_id -> Uuid,
        recommendation_id -> Uuid,
        contribution -> Text,
        rationale -> Nullable<Text>,
        evidence_url -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        linked_by -> Nullable<Text>,
        changed_by -> Nullable<Text>,
        carried_from -> Nullable<Uuid>,
    }
}

diesel::table! {
    carry_forward_declines (intervention_id, recommendation_id) {
        intervention_id -> Uuid,
        recommendation_id -> Uuid,
        declined_by -> Text,
        declined_at -> Timestamptz,
    }
}

diesel::table! {
    organisations (id) {
        id -> Uuid,
        name -> Text,
        created_at -> Timestamptz,
        iati_identifier -> Nullable<Text>,
        iati_organisation_type -> Nullable<Text>,
        archived_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    recommendations (id) {
        id -> Uuid,
        country_code -> Text,
        year -> Int4,
        position -> Int4,
        text -> Text,
        pillar -> Text,
        prioritized -> Bool,
        source_url -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        continues -> Nullable<Uuid>,
    }
}

diesel::table! {
    recommendation_translations (recommendation_id, language) {
        recommendation_id -> Uuid,
        language -> Text,
        text -> Text,
        source_url -> Nullable<Text>,
        added_by -> Text,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    reports (year) {
        year -> Int4,
        title -> Text,
        published_on -> Nullable<Date>,
        source_url -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    tier_placements (country_code, year) {
        country_code -> Text,
        year -> Int4,
        tier -> Text,
        waiver -> Bool,
        note -> Nullable<Text>,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    tier_sources (year) {
        year -> Int4,
        complete -> Bool,
        kind -> Text,
    }
}

diesel::joinable!(country_names -> countries (country_code));
diesel::joinable!(intervention_countries -> countries (country_code));
diesel::joinable!(intervention_countries -> interventions (intervention_id));
diesel::joinable!(interventions -> organisations (organisation_id));
diesel::joinable!(links -> interventions (intervention_id));
diesel::joinable!(links -> recommendations (recommendation_id));
diesel::joinable!(recommendations -> countries (country_code));
diesel::joinable!(recommendation_translations -> recommendations (recommendation_id));
diesel::joinable!(recommendations -> reports (year));
diesel::joinable!(tier_placements -> countries (country_code));
diesel::joinable!(tier_placements -> reports (year));
diesel::joinable!(tier_sources -> reports (year));

diesel::joinable!(carry_forward_declines -> interventions (intervention_id));
diesel::joinable!(carry_forward_declines -> recommendations (recommendation_id));

diesel::allow_tables_to_appear_in_same_query!(
    carry_forward_declines,
    countries,
    country_names,
    intervention_countries,
    interventions,
    links,
    organisations,
    recommendation_translations,
    recommendations,
    reports,
    tier_placements,
    tier_sources,
);

diesel::table! {
    api_keys (id) {
        id -> Uuid,
        name -> Text,
        role -> Text,
        organisation_id -> Nullable<Uuid>,
        secret_sha256 -> Bytea,
        created_at -> Timestamptz,
        last_used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
        owner_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    audit_events (id) {
        id -> Int8,
        occurred_at -> Timestamptz,
        key_id -> Nullable<Uuid>,
        key_name -> Text,
        action -> Text,
        resource_type -> Text,
        resource_id -> Text,
        before -> Nullable<Jsonb>,
        after -> Nullable<Jsonb>,
        idempotency_claim -> Nullable<Uuid>,
        user_id -> Nullable<Uuid>,
    }
}

diesel::joinable!(api_keys -> organisations (organisation_id));
diesel::joinable!(audit_events -> api_keys (key_id));

diesel::allow_tables_to_appear_in_same_query!(api_keys, audit_events, organisations);

diesel::table! {
    idempotency_keys (api_key_id, key) {
        api_key_id -> Uuid,
        key -> Text,
        request_sha256 -> Bytea,
        status -> Nullable<Int2>,
        response_nonce -> Nullable<Bytea>,
        response_sealed -> Nullable<Bytea>,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        claim_id -> Uuid,
    }
}

diesel::table! {
    web_sessions (id_sha256) {
        id_sha256 -> Bytea,
        api_key_id -> Nullable<Uuid>,
        csrf_token -> Text,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        user_id -> Nullable<Uuid>,
        last_seen_at -> Timestamptz,
        user_agent -> Nullable<Text>,
        pending -> Nullable<Text>,
    }
}

diesel::joinable!(web_sessions -> api_keys (api_key_id));
diesel::allow_tables_to_appear_in_same_query!(api_keys, web_sessions);

// The status read model (`src/db/sql/read_model.sql`), kept by triggers and read by `db::gaps`.

diesel::table! {
    link_strengths (intervention_id, recommendation_id) {
        intervention_id -> Uuid,
        recommendation_id -> Uuid,
        organisation_id -> Uuid,
        strength -> Int2,
    }
}

diesel::table! {
    recommendation_strengths (recommendation_id) {
        recommendation_id -> Uuid,
        year -> Int4,
        country_code -> Text,
        strength -> Int2,
    }
}

diesel::table! {
    organisation_recommendation_strengths (recommendation_id, organisation_id) {
        organisation_id -> Uuid,
        recommendation_id -> Uuid,
        year -> Int4,
        country_code -> Text,
        strength -> Int2,
    }
}

diesel::table! {
    share_links (id) {
        id -> Uuid,
        token_sha256 -> Bytea,
        country_code -> Text,
        year -> Int4,
        organisation_id -> Nullable<Uuid>,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        revoked_at -> Nullable<Timestamptz>,
        created_by_user -> Nullable<Uuid>,
    }
}

diesel::joinable!(share_links -> api_keys (created_by));
diesel::joinable!(share_links -> countries (country_code));
diesel::joinable!(share_links -> organisations (organisation_id));
diesel::joinable!(share_links -> reports (year));
diesel::allow_tables_to_appear_in_same_query!(share_links, api_keys);
diesel::allow_tables_to_appear_in_same_query!(share_links, countries);
diesel::allow_tables_to_appear_in_same_query!(share_links, organisations);
diesel::allow_tables_to_appear_in_same_query!(share_links, reports);

diesel::table! {
    users (id) {
        id -> Uuid,
        email -> Text,
        display_name -> Text,
        role -> Text,
        organisation_id -> Nullable<Uuid>,
        preferred_language -> Nullable<Text>,
        state -> Text,
        password_hash -> Nullable<Text>,
        totp_secret -> Nullable<Bytea>,
        totp_confirmed_at -> Nullable<Timestamptz>,
        totp_last_step -> Nullable<Int8>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        reminders_wanted -> Bool,
        digest_wanted -> Bool,
    }
}

diesel::table! {
    call_for_information_deadlines (report_year) {
        report_year -> Int4,
        deadline -> Date,
        recorded_by -> Text,
        recorded_at -> Timestamptz,
    }
}

diesel::table! {
    reminders (kind, report_year, user_id) {
        kind -> Text,
        report_year -> Int4,
        user_id -> Uuid,
        deadline -> Date,
        created_at -> Timestamptz,
        done_at -> Nullable<Timestamptz>,
        outcome -> Nullable<Text>,
        attempts -> Int4,
        last_error -> Nullable<Text>,
    }
}

diesel::joinable!(reminders -> users (user_id));

diesel::table! {
    backups (id) {
        id -> Int8,
        taken_at -> Timestamptz,
        bytes -> Int8,
        location -> Text,
        reason -> Text,
    }
}

diesel::table! {
    user_recovery_codes (user_id, code_sha256) {
        user_id -> Uuid,
        code_sha256 -> Bytea,
        used_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    account_links (id) {
        id -> Uuid,
        purpose -> Text,
        token_sha256 -> Bytea,
        user_id -> Nullable<Uuid>,
        created_by -> Text,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    sign_in_failures (email_key) {
        email_key -> Text,
        failures -> Int4,
        first_failed_at -> Timestamptz,
        locked_until -> Nullable<Timestamptz>,
    }
}

diesel::joinable!(users -> organisations (organisation_id));
diesel::joinable!(user_recovery_codes -> users (user_id));
diesel::joinable!(account_links -> users (user_id));
diesel::joinable!(api_keys -> users (owner_id));
diesel::joinable!(web_sessions -> users (user_id));
diesel::joinable!(audit_events -> users (user_id));
diesel::joinable!(share_links -> users (created_by_user));
diesel::allow_tables_to_appear_in_same_query!(users, organisations);
diesel::allow_tables_to_appear_in_same_query!(users, api_keys);
diesel::allow_tables_to_appear_in_same_query!(users, web_sessions);
diesel::allow_tables_to_appear_in_same_query!(users, account_links);
diesel::allow_tables_to_appear_in_same_query!(users, audit_events);
diesel::allow_tables_to_appear_in_same_query!(users, share_links);
diesel::allow_tables_to_appear_in_same_query!(users, user_recovery_codes);

diesel::table! {
    /// Continuation suggestions once computed, with the basis they were computed on (read and
    /// written by the database's `lineage_suggestions_remembered` only).
    lineage_suggestion_cache (country_code, year) {
        country_code -> Text,
        year -> Int4,
        basis -> Text,
        suggestions -> Jsonb,
    }
}

diesel::table! {
    lineage_refusals (recommendation_id, earlier_id) {
        recommendation_id -> Uuid,
        earlier_id -> Uuid,
        refused_at -> Timestamptz,
    }
}
diesel::allow_tables_to_appear_in_same_query!(reminders, users);
diesel::allow_tables_to_appear_in_same_query!(reminders, organisations);
