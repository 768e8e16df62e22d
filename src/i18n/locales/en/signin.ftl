# The sign-in page, for anyone not signed in.

sign-in-title = Sign in
sign-in-email = E-mail address
sign-in-password = Password
sign-in-submit = Sign in
sign-in-forgotten = Forgotten your password? Your admin can send you a link to choose a new one.
sign-in-single-sign-on = Sign in with { $provider }
sign-in-with-key = Sign in with an API key instead
sign-in-with-key-intro = A key made for you by an admin, or one of your own keys, signs you in for 12 hours, or until you sign out or the key is revoked.
sign-in-key = API key
sign-in-key-submit = Sign in with the key
sign-in-wrong-password = That e-mail address and password do not match an account. Check both and try again.
sign-in-wrong-key = That key is unknown or revoked. Check it and paste it again.
sign-in-locked = Too many wrong passwords for this address: signing in with it is locked for { $minutes ->
        [one] one more minute
       *[other] { $minutes } more minutes
    }. Ask your admin for a reset link if you have forgotten it.
