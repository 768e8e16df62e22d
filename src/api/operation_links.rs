//! OpenAPI `links`: which operations use the id a response carries, so that a client generator
//! or a stateful fuzzer can follow a created intervention, recommendation, organisation, report or
//! key into the operations that take it.
//!
//! Written as one table and added to the collected document, like the security declarations.

use utoipa::openapi::link::LinkBuilder;
use utoipa::openapi::{OpenApi, RefOr};

/// From which operation's answer (operation id, status), which path parameter of which operations
/// is filled, and from where in that answer.
struct Follows {
    from: &'static str,
    status: &'static str,
    parameter: &'static str,
    value: &'static str,
    to: &'static [&'static str],
}

const FOLLOWS: &[Follows] = &[
    Follows {
        from: "create_intervention",
        status: "201",
        parameter: "id",
        value: "$response.body#/id",
        to: &[
            "get_intervention",
            "update_intervention",
            "delete_intervention",
            "get_intervention_history",
            "list_intervention_recommendations",
            "link_recommendation",
            "unlink_recommendation",
        ],
    },
    Follows {
        from: "create_recommendation",
        status: "201",
        parameter: "id",
        value: "$response.body#/id",
        to: &[
            "get_recommendation",
            "update_recommendation",
            "delete_recommendation",
            "list_recommendation_interventions",
            "list_lineage_candidates",
            "list_translations",
            "put_translation",
        ],
    },
    Follows {
        from: "create_recommendation",
        status: "201",
        parameter: "recommendation_id",
        value: "$response.body#/id",
        to: &["link_recommendation", "unlink_recommendation"],
    },
    Follows {
        from: "link_recommendation",
        status: "201",
        parameter: "id",
        value: "$request.path.id",
        to: &["list_intervention_recommendations", "get_intervention"],
    },
    Follows {
        from: "create_organisation",
        status: "201",
        parameter: "id",
        value: "$response.body#/id",
        to: &["get_organisation", "update_organisation"],
    },
    Follows {
        from: "create_report",
        status: "201",
        parameter: "year",
        value: "$response.body#/year",
        to: &["get_report", "import_report"],
    },
    Follows {
        from: "create_api_key",
        status: "201",
        parameter: "id",
        value: "$response.body#/id",
        to: &["revoke_api_key"],
    },
    Follows {
        from: "put_tier",
        status: "201",
        parameter: "code",
        value: "$request.path.code",
        to: &["list_tiers", "get_country", "get_gaps"],
    },
];

/// Adds the links of `FOLLOWS` (the operations each response leads to) to the responses they
/// start from.
///
/// # Panics
/// When the table names an operation or a response the document does not have: a renamed
/// handler must not silently drop its links (the document is built in a test).
pub fn declare_links(document: &mut OpenApi) {
    for follows in FOLLOWS {
        let operation = document
            .paths
            .paths
            .values_mut()
            .flat_map(|item| {
                [
                    item.get.as_mut(),
                    item.put.as_mut(),
                    item.post.as_mut(),
                    item.patch.as_mut(),
                    item.delete.as_mut(),
                ]
            })
            .flatten()
            .find(|operation| operation.operation_id.as_deref() == Some(follows.from))
            .unwrap_or_else(|| panic!("links start from {}, which is no operation", follows.from));
        let Some(RefOr::T(response)) = operation.responses.responses.get_mut(follows.status) else {
            panic!(
                "{} has no {} response to link from",
                follows.from, follows.status
            );
        };
        for target in follows.to {
            let name = format!("{target}_{}", follows.parameter);
            response.links.insert(
                name,
                RefOr::T(
                    LinkBuilder::new()
                        .operation_id(*target)
                        .parameter(follows.parameter, follows.value)
                        .build(),
                ),
            );
        }
    }
}
