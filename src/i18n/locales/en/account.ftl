# A person's account: the link that opens it, the second factor, their own page.

link-closed-title = This link does not open
link-go-to-sign-in = Go to the sign-in page
link-first-admin-title = Create the first admin account
link-first-admin-intro = This gaptrack has no admin yet. Create your account: you will then invite your team from the pages.
link-welcome-title = Welcome to gaptrack
link-welcome-intro = You are invited as { $name } ({ $email }). Choose your password to sign in.
link-reset-title = Choose a new password
link-reset-intro = Choose a new password for { $name } ({ $email }). Your other sessions will end.
link-choose-title = Choose a password
link-your-name = Your name
link-your-email = Your e-mail address
link-password = Password (at least { $min } characters; a few unrelated words make a good one)
link-confirmation = The same password again
link-submit = Save and sign in

# The second factor.
factor-title = Your second factor
factor-intro = Open the authenticator app on your phone and type the 6-digit code it shows for gaptrack. Lost your phone? Type one of your recovery codes instead.
factor-code = Code
factor-continue = Continue
factor-set-up = Your second factor is set up. From now on, signing in asks for a code from your app.
recovery-codes-title = Recovery codes
recovery-codes-heading = Your recovery codes
recovery-codes-intro = If you lose your phone, each of these codes signs you in once instead of the app's code. Keep them somewhere safe (printed, or in a password manager): they are shown only this once.
enrol-title = Set up a second factor
enrol-required = Your role requires a second factor: a code from an authenticator app on your phone, asked for at each sign-in, so that a stolen password alone opens nothing.
enrol-install = Install an authenticator app (FreeOTP, Aegis, Google Authenticator, Microsoft Authenticator...).
enrol-scan = In the app, add an account by scanning this code:
enrol-type-key = Or type this key into the app:
enrol-code = The 6-digit code the app now shows
enrol-submit = Set up the second factor
enrol-not-now = Not now
enrol-qr-label = QR code of the second factor's key
enrol-qr-failed = The QR code cannot be drawn: type the key below instead.

# Single sign-on.
sso-title = Single sign-on
sso-not-set-up = Single sign-on is not set up on this gaptrack.
sso-refused = The identity provider did not sign you in. Try again, or sign in with your password.
sso-out-of-date = This sign-in is out of date or did not start here: start again from the sign-in page.
sso-unreachable = The identity provider cannot be reached right now. Try again in a moment, or sign in with your password.
sso-back = Back to the sign-in page

# The person's own page.
own-title = Your account
own-password-changed = Your password is changed. Your other sessions have ended.
own-language-saved = Your language is saved.
own-session-ended = That session has ended.
own-key-revoked = The key is revoked.
own-with-key = You are signed in with the API key { $name }. Passwords, a second factor and keys of your own belong to personal accounts: ask an admin to invite you.
own-email = E-mail address
own-role = Role
own-organisation = Organisation
own-language = Language of the pages
own-language-browser = As my browser asks
own-save = Save
own-password = Password
own-current-password = Current password
own-new-password = New password (at least { $min } characters)
own-new-password-again = The new password again
own-change-password = Change the password
own-second-factor = Second factor
own-second-factor-on = Signing in asks for a code from your authenticator app. { $codes ->
        [one] 1 recovery code left.
       *[other] { $codes } recovery codes left.
    }
own-second-factor-lost = Lost your phone and your recovery codes? An admin can reset your second factor with the command line.
own-second-factor-off = Signing in asks only for your password. A code from an app on your phone makes a stolen password worthless.
own-set-up-second-factor = Set up a second factor
own-sessions = Where you are signed in
own-browser = Browser
own-since = Since
own-last-seen = Last seen
own-action = Action
own-this-session = { $browser } (this one)
own-end-session = End
own-unknown-browser = unknown browser
own-a-browser = a browser
own-browser-on = { $browser } on { $system }
own-keys = Your API keys
own-keys-intro = For your own scripts: a key acts as you, never with more rights than your role, and stops when your account is disabled.
own-key-name = Name
own-key-created = Created
own-key-last-used = Last used
own-key-state = State
own-key-never-used = never
own-key-revoked-state = revoked
own-key-revoke = Revoke…
own-key-revoke-label = Revoke { $name }
own-key-name-field = Name (what will use it)
own-key-create = Create a key

# A key just made, and revoking one.
made-key-title = New API key
made-key-copy-now = Copy the key now: it is shown only this once. Send it as
made-key-label = Key
made-key-copy = Copy
made-key-shown-once = The key was shown once, when it was made; it cannot be shown again. Revoke it and make a new one if it was lost.
made-key-back = Back
revoke-key-title = Revoke the key “{ $name }”?
revoke-key-consequence = Every script or service using it will be refused from now on, and sessions signed in with it end. This cannot be undone.
revoke-key-submit = Revoke the key
revoke-key-cancel = Cancel
