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
