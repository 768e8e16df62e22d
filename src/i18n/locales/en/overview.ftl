# The overview: coverage per country, for grant writers.

overview-title-year = Coverage of the { $year } TIP Report
overview-title-latest = Coverage of each country's latest TIP Report
overview-title = Coverage
filters-label = Filters
filter-report-year = Report year
filter-each-latest = Each country's latest
filter-region = Region
filter-all-regions = All regions
filter-count-work-of = Count the work of
filter-all-organisations = All organisations
filter-apply = Apply filters
download-xlsx = Download spreadsheet (.xlsx)
download-csv = Download CSV
overview-countries = Countries
overview-no-country = No country has recommendations for these filters.
overview-caption = { $count ->
        [one] 1 country
       *[other] { $count } countries
    }; select a country for its recommendations
column-country = Country
column-report = Report
column-region = Region
column-tier = Tier
column-movement = Movement
column-placement-source = Source
column-recommendations = Recommendations
column-addressed = Addressed
column-partly = Partly
column-planned = Planned
column-unaddressed = Unaddressed
column-coverage = Coverage
overview-totals = { $unaddressed } of { $total } recommendations remain unaddressed; { $addressed } { $addressed ->
        [one] is
       *[other] are
    } addressed ({ $coverage }), { $partly } partly and { $planned } only planned.
chart-title = Where the gaps are
chart-intro = { $count ->
        [one] The country
       *[other] The { $count } countries
    } with the most unaddressed recommendations.
chart-unaddressed-of = { $unaddressed } of { $total } unaddressed
chart-country-unaddressed-of = { $country }: { $unaddressed } of { $total } unaddressed
chart-segment = { $country }: { $count } { $status }
placements-heading = Tier placements
placements-heading-year = Tier placements in { $year }
placements-none-yet = No tier placement is recorded yet.
placements-none-in-year = No tier placement is recorded for { $year } with these filters.
placements-source = Source: { $source }.
placements-partial = This year is known only in part: the list holds the placements a public page cites, not every ranked country, and a country missing from it may still have been ranked.
placements-caption = { $count ->
        [one] 1 country ranked, whether or not gaptrack holds its recommendations
       *[other] { $count } countries ranked, whether or not gaptrack holds their recommendations
    }
placements-year = Year of the placements
placements-show = Show
