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
