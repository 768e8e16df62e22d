# The admin pages.

reports-year = Year
reports-title = Title
reports-published-on = Published on
reports-source = Where it is published

# People.
people-title = People
people-invite = Invite someone
people-invite-intro = They get a one-time link to choose their password{ $mail ->
        [yes] , by e-mail and shown to you
       *[no] , shown to you to pass on
    }; it works for { $days ->
        [one] 1 day
       *[other] { $days } days
    }.
people-name = Name
people-email = E-mail address
people-role = Role
people-role-help = Viewers read everything; editors also log their organisation's work; admins also import report data and manage people and keys.
people-organisation = Organisation (an editor's)
people-new-organisation = New organisation's name (if you chose a new one)
people-invite-submit = Invite
people-accounts = Accounts
people-column-email = E-mail
people-column-organisation = Organisation
people-column-state = State
people-column-second-factor = Second factor
people-yes = yes
people-no = no
people-no-organisation = None: admin or viewer of all
people-a-new-organisation = A new organisation…
people-invited = invited
people-invited-expired = invited (link expired)
people-invited-no-link = invited (no open link)
people-active = active
people-disabled = disabled
people-link-title = A link for { $name }
people-link-mailed = It was e-mailed to { $email }. You can also pass it on yourself:
people-link-not-mailed = It could not be e-mailed (the mail server refused or did not answer): pass it on yourself.
people-link-pass-on = Pass this link on to { $name } ({ $email }), by a channel you trust. It works once.
people-link = Link
people-link-copy = Copy
people-link-once = It is shown only this once. If it is lost, make a new one from
people-link-shown = The link was shown once, when it was made; it cannot be shown again. Make a new one from
people-link-if-lost = if it was lost.
people-page-of = { $name }'s page
people-back = Back to people
people-withdraw-title = Withdraw the link for { $name }?
people-withdraw-first-admin = Withdraw the first admin's link?
people-withdraw-consequence = The link will no longer open. You can make a new one later.
people-withdraw-submit = Withdraw the link
people-cancel = Cancel
person-saved = Saved.
person-disabled = The account is disabled: its sessions have ended and its keys no longer work.
person-enabled = The account is enabled again.
person-withdrawn = The link is withdrawn.
person-disable-title = Disable { $name }?
person-disable-submit = Disable { $name }
person-disable-consequence = { $name } ({ $email }) will be signed out at once, on every device, and none of their keys will work. Their work and its history stay. You can enable the account again later.
person-summary = { $email } · { $state } · { $keys ->
        [one] 1 active key
       *[other] { $keys } active keys
    } of their own ·
person-audit = their changes in the audit trail
person-details = Role and organisation
person-save = Save
person-access = Access
person-is-disabled = This account is disabled: it cannot sign in and its keys do not work.
person-enable = Enable the account
person-new-invitation = Make a new invitation link
person-new-reset = Make a password reset link
person-open-link = { $purpose ->
        [invitation] An invitation
       *[reset] A reset
    } link is open until { $moment }.
person-withdraw = Withdraw it…
person-disable = Disable the account…

# Keys.
keys-title = API keys
keys-create-heading = Create a key for a service
keys-create-intro = For another system calling the API. People make keys for their own scripts on their account page.
keys-name = Name (the service that uses it)
keys-role = Role
keys-organisation = Organisation (for an editor key)
keys-none = None
keys-create = Create the key
keys-list = Keys
keys-column-name = Name
keys-column-whose = Whose
keys-column-organisation = Organisation
keys-column-created = Created
keys-column-last-used = Last used
keys-column-state = State
keys-never = never
keys-revoked-on = revoked { $day }
keys-revoke = Revoke…
keys-revoke-label = Revoke { $name }
keys-revoked = The key is revoked: its requests and sessions are refused from now on.

# Report years.
reports-page-title = Report years
reports-record = Record a report year
reports-record-intro = Record the year first, then import its tiers and recommendations into it. A report of year Y covers 1 April of Y−1 to 31 March of Y.
reports-published-if-out = Published on (if it is out)
reports-published-hint = e.g. 24 June 2025
reports-source-field = Where it is published (a web address)
reports-record-submit = Record the year, then import
reports-none = No report year is recorded yet.
reports-column-period = Reporting period
reports-column-published = Published
reports-column-actions = Actions
reports-not-recorded = not recorded
reports-import-into = Import into { $year }

# Organisations.
organisations-title = Organisations
organisations-add = Add an organisation
organisations-name = Name
organisations-add-submit = Add
organisations-column-iati = IATI identifier
organisations-column-state = State
organisations-archived-on = archived { $day }
organisations-active = active
organisations-done = { $done ->
        [created] The organisation is created.
        [renamed] The organisation is renamed.
        [archived] The organisation is archived.
       *[restored] The organisation is restored.
    }
organisations-interventions = Its interventions
organisations-history = Its history
organisations-rename = Rename
organisations-state = State
organisations-archived-since = Archived on { $day }: its work stays in every report, but no new intervention can be logged for it.
organisations-restore = Make it active again
organisations-is-active = Active.
organisations-archive = Archive it…
organisations-back = Back to organisations
organisations-archive-title = Archive { $name }?
organisations-archive-consequence = Its interventions, their links and their history stay, and still count in every report. No new intervention can be logged for it, and no one can be invited into it, until it is made active again.
organisations-archive-submit = Archive it
organisations-cancel = Cancel
keys-a-service = a service
reports-source-hint = https://www.state.gov/…

# Importing report data.
import-title = Import report data
import-recorded = The { $year } report year is recorded. Import its tiers and recommendations now: the year is chosen below.
import-nothing-imported = Nothing was imported. { $count ->
        [one] One problem
       *[other] { $count } problems
    } to fix before uploading the file again:
import-line = Line { $row },
import-changes-report = the { $year } report of { $countries }
import-changes-tiers = the tier history of { $countries }
import-no-country = no country
import-valid = The file is valid. It changes { $what }. This is what importing it would do; nothing is written until you confirm.
import-done = Imported, in one transaction: { $what }.
import-next = Next
import-next-countries = Open each country's page for the { $year } report: it shows the new recommendations and asks which of them continue the previous report's.
import-country-in = { $country } in the { $year } report
import-see-overview = See the overview
import-see-overview-after = , with each country's tier and its movement.
import-dry-run = Dry run
import-imported = Imported
import-rows = Rows
import-in-file = In the file
import-new = New
import-changed = Changed
import-unchanged = Unchanged
import-skipped = Skipped
import-tiers = Tiers
import-recommendations = Recommendations
import-years-created = Report years created: { $years }
import-columns-ignored = Columns ignored: { $columns }
import-confirm = Confirm the import
import-kind = What the file holds
import-kind-report = One report year: tiers and recommendations
import-kind-tiers = A tier history across years
import-year = Report year (for one report year)
import-new-year = A new year?
import-record-year = Record the report year
import-new-year-after = first, then import into it.
import-file = CSV or JSON file
import-csv-header = CSV: a header naming
import-csv-or = (tiers) or
import-csv-after = (recommendations). The file is checked first; nothing is written until you confirm.
import-paste = Or paste the report's country narratives
import-paste-hint = Copy one or several countries' narratives from the State Department's country pages or from the report's PDF, headings included (“SENEGAL: Tier 2”). Each country's tier and recommendations are read and shown for review; nothing is written until you import them.
import-narratives = Country narratives
import-source-url = Where they were published
import-review-title = Review what was read
import-review-intro = Correct any tier, text, pillar or line, then import. The pillars are proposed from each recommendation's words, and the recommendation of the previous report each continues from how alike their texts are (each proposed once).
import-review-tier = Tier
import-review-waiver = Granted a waiver
import-review-item = Recommendation { $position }
import-review-proposed = (proposed)
import-review-continues = Continues
import-review-new = New in this report
import-review-earlier = { $year } no. { $position }:
import-review-import = Import these
import-check = Check the file
import-choose-year = choose the report year
people-letter-language = Language of the invitation e-mail

## Backups (/admin/backups)
backup-title = Backups
backup-managed = gaptrack backs up the database it manages every day and before it applies new migrations, into { $folder }, and keeps the last { $keep }.
backup-unmanaged = gaptrack uses a database it does not manage (DATABASE_URL): back it up with the command gaptrack backup (listed here) or with your PostgreSQL's own backups.
backup-none = No backup has been recorded yet.
backup-last = Last backup: { $moment }, { $size }.
backup-recent = Latest backups
backup-when = Taken
backup-why = Why
backup-size = Size
backup-where = Where
backup-reason-daily = Daily
backup-reason-before-migration = Before new migrations
backup-reason-before-restore = Before a restore replaced the database
backup-reason-command = By the command gaptrack backup
audit-backups-link = Backups
