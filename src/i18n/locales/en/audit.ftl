# The audit trail: who changed what, when, each field before and after.

audit-title = Audit trail
audit-none = No change matches these filters.
audit-column-what = What
audit-column-who = Who
audit-column-when = When
audit-column-changes = Changes
audit-older = Older changes
audit-filters = Filters
audit-filter-kind = Kind
audit-filter-resource = Resource id
audit-filter-key = Key
audit-filter-person = Person
audit-filter-from = From
audit-filter-to = To
audit-filter-any = Any
audit-filter-anyone = Anyone
audit-filter-apply = Apply filters
audit-from-example = e.g. 1 March 2026
audit-to-example = e.g. 31 March 2026
audit-date-unreadable = “{ $text }” is not a date for “{ $field }”: give a date, such as 31 March 2024 or 31/03/2024.
audit-command-line = The command line ({ $what })

## Kinds of things, as the filter names them

audit-kind-api-key = API key
audit-kind-intervention = Intervention
audit-kind-link = Link of an intervention
audit-kind-organisation = Organisation
audit-kind-recommendation = Recommendation
audit-kind-report = Report year
audit-kind-share-link = Read-only link
audit-kind-tier = Tier
audit-kind-tier-history = Tier history
audit-kind-user = Person
audit-kind-account-link = Invitation or reset link

## What was done

audit-action-create = created
audit-action-update = changed
audit-action-delete = deleted
audit-action-link = linked
audit-action-unlink = unlinked
audit-action-import = imported
audit-action-revoke = revoked

## The thing changed

audit-thing-intervention = an intervention
audit-thing-link = the link of “{ $title }”
audit-thing-key = key “{ $name }”
audit-thing-report = the { $year } report
audit-thing-recommendation = recommendation { $country } { $year }
audit-thing-recommendation-numbered = recommendation { $country } { $year } no. { $position }
audit-thing-a-recommendation = a recommendation
audit-thing-a-person = a person
audit-thing-invitation = the invitation of { $name }
audit-thing-reset = the password reset link of { $name }
audit-thing-first-admin = the first admin's link
audit-thing-account-link = an account link
audit-thing-share-link = the read-only link to { $country }'s { $year } report
audit-thing-a-share-link = a read-only link
audit-thing-other = { $kind } { $id }

## The fields of what changed

audit-field-archived-at = Archived
audit-field-carried-from = Carried forward from
audit-field-continues = Continues
audit-field-reminders-wanted = Gets reminders
audit-field-digest-wanted = Gets what each new edition changed
audit-field-contribution = Contribution
audit-field-countries = Countries
audit-field-country-code = Country
audit-field-created-by = Made by
audit-field-created-by-user = Made by
audit-field-description = Description
audit-field-display-name = Name
audit-field-does-not-continue = Does not continue
audit-field-email = E-mail address
audit-field-ended-on = Ended on
audit-field-evidence-url = Evidence
audit-field-expires-at = Until
audit-field-iati-identifier = IATI identifier
audit-field-iati-organisation-type = IATI organisation type
audit-field-intervention-id = Intervention
audit-field-kind = Kind
audit-field-last-used-at = Last used
audit-field-location = Location
audit-field-movement = Movement
audit-field-name = Name
audit-field-note = Note
audit-field-organisation-id = Organisation
audit-field-owner-id = Owner
audit-field-people-reached = People reached
audit-field-pillar = Pillar
audit-field-position = Position
audit-field-preferred-language = Language
audit-field-prioritized = Prioritized
audit-field-published-on = Published on
audit-field-purpose = Kind of link
audit-field-rationale = Rationale
audit-field-recommendation-id = Recommendation
audit-field-revoked-at = Revoked
audit-field-role = Role
audit-field-second-factor = Second factor
audit-field-source-url = Source
audit-field-started-on = Started on
audit-field-state = State
audit-field-status = Status
audit-field-text = Text
audit-field-tier = Tier
audit-field-title = Title
audit-field-totp-confirmed-at = Second factor set up
audit-field-used-at = Used
audit-field-user-id = Person
audit-field-waiver = Waiver
audit-field-year = Year

## Values

audit-state-invited = Invited
audit-state-active = Active
audit-state-disabled = Disabled
audit-language-en = English
audit-language-fr = French
audit-purpose-invitation = Invitation
audit-purpose-password-reset = Password reset
audit-purpose-first-admin = The first admin's link
audit-second-factor-enrolled = Set up
audit-second-factor-removed = Removed
audit-yes = yes
audit-no = no
audit-nothing = –
audit-quoted = “{ $text }”
audit-new-password = A new password was chosen.
audit-what-it-holds = What it holds
audit-what-it-held = What it held
audit-filter-any-key = Any
