# What a rule refuses, by its code. The API sends these in English as a problem's `detail`;
# the pages show them in the reader's language (with a capital letter and a full stop added
# where they stand alone). Text in `backticks` is shown as code.

## Who may do what

refusal-people-only = this is for people signed in as themselves, not with an API key
refusal-needs-admin = this needs the admin role; { $holder ->
        [key] key `{ $name }` has
       *[person] your account has
    } { $role ->
        [admin] an admin role
        [editor] an editor role
       *[viewer] a viewer role
    }
refusal-viewer-cannot-write = { $holder ->
        [key] key `{ $name }` has
       *[person] your account has
    } the viewer role: it can read but not write
refusal-not-your-organisation = { $holder ->
        [key] key `{ $name }` may
       *[person] you may
    } only change the interventions of { $holder ->
        [key] its
       *[person] your
    } own organisation
refusal-share-needs-organisation = sharing is for people of an organisation, who share its work, and for admins: ask an admin to share this report
refusal-share-own-work-only = you may share your own organisation's work only: its people decide what of it is shown to people with no account
refusal-share-revoke-not-yours = only who made a link, or an admin, may revoke it

## Signing in

refusal-key-unknown = the API key is unknown or revoked
refusal-wrong-password = That e-mail address and password do not match an account. Check both and try again.
refusal-sign-in-again = sign in again
refusal-sign-in-locked = Too many wrong passwords for this address: signing in with it is locked for { $minutes ->
        [one] 1 more minute
       *[other] { $minutes } more minutes
    }. Ask your admin for a reset link if you have forgotten it.
refusal-email-not-verified = your identity provider does not say that { $email } is verified, so gaptrack cannot tell that it is yours: sign in with your password instead
refusal-no-account-for = no gaptrack account has the address { $email }: ask an admin to invite you
refusal-account-disabled = the gaptrack account of { $email } is disabled

## What clashes with what is stored

refusal-report-exists = a report for { $year } already exists
refusal-position-taken = another recommendation of this country and year already has this position
refusal-recommendation-linked = this recommendation is linked to interventions; unlink them first
refusal-recommendation-continued = this recommendation is continued by { $later }; remove their `continues` first
refusal-countries-still-linked = the intervention is linked to recommendations of { $countries }; unlink them before removing those countries
refusal-last-admin-key = this is the last active admin key: create another admin key first, or no one could manage keys and report data any more
refusal-last-admin = this is the last active admin: make another person admin first, or no one could manage accounts
refusal-disable-yourself = you cannot disable your own account: another admin can
refusal-not-accepted-yet = { $name } has not accepted the invitation yet: send a new link instead
refusal-second-factor-exists = a second factor is already set up for this account
refusal-no-enrolment = no second factor is being set up: start again from your account page
refusal-email-taken = an account with the address { $email } already exists
refusal-link-used = This link has already been used. Sign in with your password, or ask your admin for a new link.
refusal-link-revoked = This link was withdrawn. Ask your admin for a new one.
refusal-link-expired = This link has expired. Ask your admin for a new one.
refusal-disabled-no-link = { $name } is disabled: enable the account before making a link to it
refusal-iati-identifier-taken = another organisation has the IATI identifier `{ $identifier }`
refusal-organisation-name-taken = an organisation named `{ $name }` already exists
refusal-no-iati-identifier = `{ $organisation }` has no IATI organisation identifier yet, which every activity's identifier starts with: an admin records it on the organisation
refusal-nothing-to-report = `{ $organisation }` has no intervention to report yet: an IATI activity file holds at least one activity

## What does not exist

refusal-no-such = there is no { $thing ->
        [intervention] intervention
        [recommendation] recommendation
        [key] key
        [account] account
        [account_link] link
        [share_link] share link
        [organisation] organisation
       *[other] { $thing }
    } { $id }{ $filter ->
        [none] {""}
       *[other] {" "}(the `{ $filter }` filter)
    }
refusal-no-account = there is no such account
refusal-carry-not-continued = that recommendation does not continue the one the work is linked to, so the link cannot be carried to it
refusal-carry-nothing = the intervention is not linked to the earlier recommendation, so there is no link to carry
refusal-no-edition = gaptrack holds no recommendations for { $country } yet, so no edition of the report can be compared
refusal-no-report = there is no report for { $year }; record the report year first
refusal-session-ended = that session has already ended
refusal-share-link-closed = this link has expired or was revoked, or it was copied wrong: ask the person who shared it for a new one
refusal-link-organisation-missing = there is no such organisation (the `organisation` of the link)
refusal-not-linked = intervention { $intervention } is not linked to recommendation { $recommendation }
refusal-link-unknown = This link is not one of gaptrack's: check that it was copied whole.
refusal-unknown-country = `{ $given }` is not a known country: give an ISO code (SLE, SL) or a name (Sierra Leone, Burma, Korea, South){ $filter ->
        [none] {""}
       *[other] {" "}(the `{ $filter }` filter)
    }
refusal-unknown-country-suggested = `{ $given }` is not a known country: did you mean { $countries }?{ $filter ->
        [none] {""}
       *[other] {" "}(the `{ $filter }` filter)
    }
refusal-ambiguous-country = `{ $given }` could be { $countries }: give the country's code or its full name{ $filter ->
        [none] {""}
       *[other] {" "}(the `{ $filter }` filter)
    }
