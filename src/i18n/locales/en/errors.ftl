# The pages' error page: what happened, in a person's words, and what to do next.
# Headings never speak of keys or resources: a person signed in as themselves has neither.

error-request-id = Request id: { $id } (quote it when reporting a problem)
error-back-to-overview = Back to the overview

error-forged-form = This form cannot be accepted
error-forged-form-next = Open the page again and send the form from there.

error-unreadable = This could not be read
error-unreadable-detail = The address or the form that was sent could not be read.
error-unreadable-next = Go back and try again. If it happens again, send the request id below to your admin.
error-sign-in = Please sign in
error-sign-in-next = Sign in, then open the page again.
error-forbidden = You may not do this
error-forbidden-next = Your role does not allow it. If your work needs it, ask an admin.
error-not-found = This page or item does not exist
error-not-found-next = It may have been deleted, or the address was mistyped. The overview and the interventions list lead to what there is.
error-no-such-page = There is no page at { $path }.
error-method = This address does not take that
error-method-next = Go back to the page you came from and use its buttons.
error-conflict = This clashes with what is already stored
error-conflict-next = Open the page again to see what is there now, then try again.
error-invalid = Something sent is not valid
error-invalid-next = Go back, correct what the message names, and send it again.
error-stale = Someone else changed this first
error-stale-next = Open it again to see their change, then make yours.
error-too-large = What was sent is too large
error-too-large-next = Send less at once (a smaller file, or a shorter text).
error-too-slow = What was sent arrived too slowly
error-too-slow-next = Check the connection and send it again.
error-throttled = Too many attempts
error-throttled-next = Wait a moment, then try again.
error-media-type = This kind of content is not accepted here
error-media-type-next = Go back to the page you came from and use its buttons.
error-unavailable = gaptrack cannot reach its database right now
error-unavailable-next = Nothing was changed. Try again in a minute.
error-took-too-long = This took too long
error-took-too-long-next = Nothing of it was kept. Try again shortly.
error-internal = Something went wrong on gaptrack's side
error-internal-next = Try again. If it happens again, send the request id below to your admin.
