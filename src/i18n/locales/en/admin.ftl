# The admin pages.

reports-year = Year
reports-title = Title
reports-published-on = Published on
reports-source = Where it is published
