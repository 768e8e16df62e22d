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
