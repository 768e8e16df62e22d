# The e-mails gaptrack sends a person: an invitation, a link to choose a new password.

letter-invitation-subject = You are invited to gaptrack
letter-invitation-body =
    Hello { $name },

    { $inviter } invited you to gaptrack, which tracks the Trafficking in Persons Report recommendations your organisation's work answers.

    Open this link to choose your password and sign in:

    { $address }

    It works once, until { $expires }. If you did not expect it, ignore this message.
letter-reset-subject = Choose a new gaptrack password
letter-reset-body =
    Hello { $name },

    { $inviter } made you a link to choose a new gaptrack password:

    { $address }

    It works once, until { $expires }. Your other sessions end when you use it. If you did not ask for it, tell your admin.
