# Read-only links to a report, for people with no account.

shares-what = { $country }, { $year } TIP Report: { $organisation ->
        [none] the work of every organisation
       *[other] the work of { $organisation }
    }
shares-made-title = Read-only link
shares-shares = Shares
shares-until = Until
shares-until-date = { $day }, unless you revoke it first
shares-copy-now = Anyone with this link can read the report, without an account. Copy it now: it is shown only once.
shares-link = Link
shares-copy = Copy
shares-shown-once = The link was shown once, when it was made; it cannot be shown again. Make a new one if it was lost, and revoke the old one.
shares-yours = Your shared links
shares-none-yet-before = You have shared no report yet. A country page's
shares-none-yet-after = makes one.
shares-not-for-you = Sharing is for people of an organisation, who share its work, and for admins. Ask an admin to share a report for you.
shares-report = Report
shares-work-of = Work of
shares-made = Made
shares-state = State
shares-action = Action
shares-report-of = { $country } { $year }
shares-all-organisations = All organisations
shares-revoked = revoked
shares-expired = expired
shares-open = open
shares-revoke = Revoke…
shares-revoke-title = Revoke the link?
shares-revoke-consequence = The link to { $what } stops working at once for everyone who has it. This cannot be undone; a new link can be made.
shares-revoke-submit = Revoke the link
shares-keep = Keep it
