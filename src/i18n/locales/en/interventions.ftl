# The interventions: the list, one intervention's page, and its form.

interventions-title = Interventions
interventions-log = Log an intervention
interventions-order-newest = Newest first
interventions-order-oldest = Oldest first
interventions-order-title = Title, A to Z
interventions-order-changed = Last changed first
interventions-search-label = Search and filters
interventions-search = Search
interventions-search-hint = Title, description or place
interventions-organisation = Organisation
interventions-country = Country
interventions-country-hint = e.g. Sierra Leone
interventions-status = Status
interventions-kind = Kind
interventions-any = Any
interventions-order = Order
interventions-clear = Clear
interventions-answering = Interventions linked to recommendation { $position } of the { $year } report on { $country }.
interventions-answering-back = Back to the recommendation
interventions-answering-all = All interventions
interventions-iati-download = Download { $organisation }'s IATI activity file (XML)
interventions-iati-missing = { $organisation } has no IATI organisation identifier yet: an admin records it to offer its IATI activity file.
interventions-did-you-mean = Did you mean:
interventions-could-be = It could be:
interventions-ambiguous = “{ $given }” names more than one country.
interventions-unknown-country = No country is called “{ $given }”.
interventions-country-advice = Type a country's name as the TIP Report writes it (Sierra Leone, Burma) or its ISO code (SLE).
interventions-count = { $total ->
        [0] No intervention matches.
        [one] 1 intervention.
       *[other] { $total } interventions.
    }
interventions-showing = Showing { $first }–{ $last } of { $total } interventions.
interventions-column-title = Title
interventions-column-organisation = Organisation
interventions-column-countries = Countries
interventions-column-kind = Kind
interventions-column-status = Status
pager-label = Pages
pager-first = First page
pager-next = Next page

# Someone else saved the intervention while it was being edited.
conflict-saved-by = { $name } saved this intervention on { $moment }, after you opened the form. { $differing ->
        [0] Their values are the same as yours: save to keep them.
        [one] One field differs: their value is shown under yours. Keep yours, or tick to take theirs, then save.
       *[other] { $differing } fields differ: their values are shown under yours. Keep yours, or tick to take theirs, then save.
    }
conflict-start-again = Or start again from their version
conflict-not-kept = (what you typed is not kept).

# One intervention's page.
interventions-saved = Saved.
interventions-its-recommendations = Recommendations of its countries
interventions-section-year = { $year } report
interventions-none-matches = No recommendation to { $country } matches these filters.
interventions-no-report = No report has recommendations for { $country } yet.
interventions-unlinked = The link is removed, with its rationale and evidence.
interventions-description = Description
interventions-started-on = Started on
interventions-ended-on = Ended on
interventions-location = Location
interventions-people-reached = People reached
interventions-edit = Edit
interventions-which-recommendations = Which recommendations
interventions-pillar = Pillar
interventions-all-pillars = All pillars
interventions-recommendation-search = Containing the words
interventions-recommendation-search-hint = In English or in translation
interventions-show = Show
link-change = Change the link
link-this = Link this intervention
link-save = Save the link
link-remove = Remove the link…
link-answers-fully = This intervention answers it in full.
link-answers-partly = This intervention answers it in part.
link-no-evidence = No evidence given yet.
link-linked = Linked on { $day }.
link-linked-by = Linked by { $name } on { $day }.
link-changed = Changed on { $day }.
link-changed-by = Changed by { $name } on { $day }.

# Logging or editing an intervention.
interventions-form-edit = Edit the intervention
interventions-form-save = Save
interventions-form-cancel = Cancel
interventions-form-someone = Someone
interventions-form-title = Title
interventions-form-choose = Choose…
interventions-form-date-hint = e.g. 31 March 2024
interventions-form-location = Location (district or region)
interventions-form-people-reached = People reached (a total, no personal data)
interventions-form-theirs = Theirs:
interventions-form-take-theirs = Take theirs
picker-find = Type to find a country
picker-find-for = Find a country for { $legend }

# Removing a link.
unlink-title = Remove the link?
unlink-intervention = Intervention:
unlink-recommendation = Recommendation:
unlink-numbered = { $country } { $year }, no. { $position }.
unlink-rationale = Rationale: { $rationale }
unlink-evidence = Evidence: { $url }
unlink-consequence = Its rationale and evidence are removed with it, and the recommendation's status is recomputed. The audit trail keeps what it was.
unlink-submit = Remove the link
unlink-keep = Keep it
interventions-stale = Someone changed this intervention since you opened the form. Your values are kept below; open the intervention again to see the changes, then save yours.
