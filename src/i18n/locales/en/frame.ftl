# The frame of every page: the document, the navigation, who is signed in.

page-title = { $title } · gaptrack
skip-to-content = Skip to the content
nav-label = Main
nav-overview = Overview
nav-interventions = Interventions
nav-report-years = Report years
nav-import = Import
nav-people = People
nav-organisations = Organisations
nav-keys = Keys
nav-audit = Audit trail
nav-your-account = Your account
signed-in-as = { $name } ({ $role })
sign-out = Sign out

# Alternatives: "A, B or C" (`init` is "A, B").
list-or = { $init } or { $last }

# Above a refused form.
form-correct = Please correct this and send the form again:
form-choose-organisation = choose an organisation
form-choose-one = choose one of the list
form-choose-role = choose a role
form-choose-file = choose a CSV or JSON file
form-type-new-organisation = type the new organisation's name
form-choose-country = choose at least one country
form-date-expected = must be a date, such as 31 March 2024 or 31/03/2024
form-year-expected = must be a year, such as 2025
form-number-expected = must be a whole number, such as 1200 or 1,200
form-stale = Someone changed this since you opened the form. Your values are kept below; open it again to see the changes, then save yours.
# Things together: "A, B and C" (`init` is "A, B").
list-and = { $init } and { $last }
# The foot of every page: the languages the pages speak, each by its own name.
language-switcher = Language
language-on-account = Change the language of the pages on your account page
# What a Copy button says once it has copied.
copy-done = Copied
# A name before what follows it: "Title: ".
before-colon = { $name }:{" "}
